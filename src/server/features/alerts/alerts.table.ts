import type { Insertable, Selectable, Updateable } from 'kysely';
import type {
  AlertCategory,
  AlertCertainty,
  AlertMsgType,
  AlertSeverity,
  AlertStatus,
  AlertUrgency,
} from '../../../common/domain/alerts.js';

/** Stored states; `expired` is derived from expiresAt, never stored. */
export type StoredAlertState = 'pending_approval' | 'published' | 'cancelled' | 'rejected';

/** One CAP message: an Alert, or an Update/Cancel of the thread its `threadId` names. */
export interface AlertTable {
  id: string;
  /** The original Alert's id; equal to `id` on the original itself. */
  threadId: string;
  stationId: string;
  msgType: AlertMsgType;
  status: AlertStatus;
  state: StoredAlertState;
  /** 1 once a later Update of the thread was published. */
  isSuperseded: number;
  category: AlertCategory;
  severity: AlertSeverity;
  urgency: AlertUrgency;
  certainty: AlertCertainty;
  title: string;
  body: string;
  instruction: string | null;
  titleEn: string | null;
  bodyEn: string | null;
  instructionEn: string | null;
  describesSuspect: number;
  hasPersonPhoto: number;
  /** JSON { areas: [{ code, name }], circles: [{ lat, lng, radiusM }], polygons: [GeoJSON] } */
  target: string;
  /** JSON array of the area codes named by the target, resolved at issue time */
  areaCodes: string;
  /** JSON array of targeting keys (geo/targeting.ts), resolved once at issue time */
  keys: string;
  effectiveAt: string;
  expiresAt: string;
  /** When it went out; null while awaiting approval. */
  sentAt: string | null;
  authorId: string;
  authorName: string;
  reviewerId: string | null;
  reviewerName: string | null;
  reviewedAt: string | null;
  /** The reason of a Cancel, or of a rejection. */
  note: string | null;
  createdAt: string;
  updatedAt: string;
}
export type AlertRow = Selectable<AlertTable>;
export type NewAlertRow = Insertable<AlertTable>;
export type AlertUpdate = Updateable<AlertTable>;

declare module '../../db/schema.js' {
  interface DatabaseSchema {
    alert: AlertTable;
  }
}

export type AlertDraftState = 'open' | 'issued' | 'discarded';

/** An alert prepared for the composer (from a cluster of reports), not yet issued. */
export interface AlertDraftTable {
  id: string;
  stationId: string;
  state: AlertDraftState;
  /** JSON: the alert as it would be issued, without its station (AlertDraftContent). */
  content: string;
  /** What it was drafted from, e.g. `report`; its ids are in alert_draft_source. */
  sourceType: string;
  /** The alert it became, once issued. */
  alertId: string | null;
  authorId: string;
  authorName: string;
  createdAt: string;
  updatedAt: string;
}
export type AlertDraftRow = Selectable<AlertDraftTable>;

export interface AlertDraftSourceTable {
  draftId: string;
  sourceId: string;
}

declare module '../../db/schema.js' {
  interface DatabaseSchema {
    alert_draft: AlertDraftTable;
    alert_draft_source: AlertDraftSourceTable;
  }
}
