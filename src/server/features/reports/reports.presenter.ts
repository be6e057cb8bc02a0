import type { StationRef } from '../../../common/api/stations.js';
import type {
  ReportMessage,
  ReportPhoto,
  ReportTimelineEntry,
  ReportTracking,
  ReportView,
  SubmittedReport,
} from '../../../common/api/reports.js';
import type { ReportRow } from './reports.table.js';

export function toSubmittedReport(
  row: ReportRow,
  secret: string,
  station: StationRef,
): SubmittedReport {
  return { id: row.id, trackingCode: row.trackingCode, secret, status: row.status, station };
}

/** What the reporter sees: what they sent and what the station answered, never its notes. */
export function toReportTracking(
  row: ReportRow,
  station: StationRef,
  thread: { timeline: ReportTimelineEntry[]; messages: ReportMessage[]; photos: ReportPhoto[] },
): ReportTracking {
  return {
    id: row.id,
    trackingCode: row.trackingCode,
    status: row.status,
    category: row.category,
    description: row.description,
    station,
    createdAt: row.createdAt,
    ...thread,
  };
}

export interface ReportRelations {
  station: StationRef;
  alert: { id: string; title: string } | undefined;
  area: { code: string; name: string } | undefined;
  /** The reporter's name; only looked up when the report is not anonymous. */
  reporterName: string | undefined;
  assignee: { id: string; name: string } | undefined;
  photoCount: number;
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
    accuracyM: row.accuracyM,
    occurredAt: row.occurredAt,
    isAnonymous,
    reporter: !isAnonymous && related.reporterName ? { name: related.reporterName } : null,
    contact: row.contact,
    note: row.note,
    rejectionReason: row.rejectionReason,
    assignee: related.assignee ?? null,
    duplicateOfId: row.duplicateOfId,
    photoCount: related.photoCount,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    firstResponseAt: row.firstResponseAt,
    resolvedAt: row.resolvedAt,
  };
}
