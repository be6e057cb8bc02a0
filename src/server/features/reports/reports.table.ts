import type { Insertable, Selectable, Updateable } from 'kysely';
import type { ReportCategory, ReportStatus } from '../../../common/domain/reports.js';

/** A citizen's report to the station responsible for where it happened. */
export interface ReportTable {
  id: string;
  /** `SGA-XXXX-XXXX`, unique; with the secret, the only handle an anonymous reporter has. */
  trackingCode: string;
  /** SHA-256 of the tracking secret (auth/tracking-codes.ts); null for reports made before it. */
  secretHash: string | null;
  /** The client's key for this submission, unique: a retry answers the same report. */
  idempotencyKey: string | null;
  stationId: string;
  alertId: string | null;
  areaCode: string | null;
  lat: number | null;
  lng: number | null;
  accuracyM: number | null;
  occurredAt: string | null;
  category: ReportCategory | null;
  description: string;
  isAnonymous: number;
  /** Null when anonymous or sent while logged out; never the IP address. */
  reporterAccountId: string | null;
  contact: string | null;
  status: ReportStatus;
  /** The last officer's note on a status change (officers only). */
  note: string | null;
  /** Why it was rejected; shown to the reporter. */
  rejectionReason: string | null;
  assigneeAccountId: string | null;
  /** The report this one duplicates ("laporan serupa"). */
  duplicateOfId: string | null;
  createdAt: string;
  updatedAt: string;
  firstResponseAt: string | null;
  /** When it last became `selesai`. */
  resolvedAt: string | null;
  /** When the retention job removed contact, reporter link and photos. */
  personalDataErasedAt: string | null;
}

export type ReportEventKind = 'status' | 'reply' | 'note' | 'message';

/** The thread of a report: status changes, public replies, internal notes, reporter messages. */
export interface ReportEventTable {
  id: string;
  reportId: string;
  kind: ReportEventKind;
  status: ReportStatus | null;
  body: string | null;
  authorAccountId: string | null;
  authorName: string | null;
  createdAt: string;
}

export interface ReportPhotoTable {
  reportId: string;
  mediaId: string;
  position: number;
}

export type ReportRow = Selectable<ReportTable>;
export type NewReportRow = Insertable<ReportTable>;
export type ReportUpdate = Updateable<ReportTable>;
export type ReportEventRow = Selectable<ReportEventTable>;

declare module '../../db/schema.js' {
  interface DatabaseSchema {
    report: ReportTable;
    report_event: ReportEventTable;
    report_photo: ReportPhotoTable;
  }
}
