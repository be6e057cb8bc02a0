import type { StationRef } from '../../../common/api/stations.js';
import type { ReportTracking, ReportView, SubmittedReport } from '../../../common/api/reports.js';
import type { ReportRow } from './reports.table.js';

export function toSubmittedReport(row: ReportRow, station: StationRef): SubmittedReport {
  return { id: row.id, trackingCode: row.trackingCode, status: row.status, station };
}

/** Status and station only: whoever holds the code learns nothing of what was reported. */
export function toReportTracking(row: ReportRow, station: StationRef): ReportTracking {
  return { trackingCode: row.trackingCode, status: row.status, station };
}

export interface ReportRelations {
  station: StationRef;
  alert: { id: string; title: string } | undefined;
  area: { code: string; name: string } | undefined;
  /** The reporter's name; only looked up when the report is not anonymous. */
  reporterName: string | undefined;
}

/** The officer's view: the reporter's name only when the report is not anonymous. */
export function toReportView(row: ReportRow, related: ReportRelations): ReportView {
  const isAnonymous = row.isAnonymous === 1;
  return {
    id: row.id,
    trackingCode: row.trackingCode,
    status: row.status,
    category: row.category,
    description: row.description,
    station: related.station,
    alert: related.alert ?? null,
    area: related.area ?? null,
    lat: row.lat,
    lng: row.lng,
    isAnonymous,
    reporter: !isAnonymous && related.reporterName ? { name: related.reporterName } : null,
    contact: row.contact,
    note: row.note,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    firstResponseAt: row.firstResponseAt,
  };
}
