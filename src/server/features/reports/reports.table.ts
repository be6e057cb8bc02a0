import type { Insertable, Selectable, Updateable } from 'kysely';
import type { AlertCategory } from '../../../common/domain/alerts.js';
import type { ReportStatus } from '../../../common/domain/reports.js';

/** A citizen's report to the station responsible for where it happened. */
export interface ReportTable {
  id: string;
  /** `SGA-XXXX-XXXX`, unique; the only handle an anonymous reporter has. */
  trackingCode: string;
  stationId: string;
  alertId: string | null;
  areaCode: string | null;
  lat: number | null;
  lng: number | null;
  category: AlertCategory | null;
  description: string;
  isAnonymous: number;
  /** Null when anonymous or sent while logged out; never the IP address. */
  reporterAccountId: string | null;
  contact: string | null;
  status: ReportStatus;
  /** The last officer's note on a status change (officers only). */
  note: string | null;
  createdAt: string;
  updatedAt: string;
  firstResponseAt: string | null;
}
export type ReportRow = Selectable<ReportTable>;
export type NewReportRow = Insertable<ReportTable>;
export type ReportUpdate = Updateable<ReportTable>;

declare module '../../db/schema.js' {
  interface DatabaseSchema {
    report: ReportTable;
  }
}
