import type { Selectable } from 'kysely';

export type TipStatus = 'open' | 'answered';

/** Tips that say the same thing, answered together by one clarification. */
export interface TipGroupTable {
  id: string;
  stationId: string;
  /** The first tip's text: what later tips are compared with. */
  text: string;
  tipCount: number;
  status: TipStatus;
  clarificationId: string | null;
  firstAt: string;
  lastAt: string;
  answeredAt: string | null;
}
export type TipGroupRow = Selectable<TipGroupTable>;

/** One citizen's question; the sender holds the tracking code and the secret (hash stored). */
export interface TipTable {
  id: string;
  groupId: string;
  stationId: string;
  text: string;
  mediaId: string | null;
  /** Only when sent logged in: the account the answer is pushed to. */
  accountId: string | null;
  trackingCode: string;
  secretHash: string;
  createdAt: string;
}
export type TipRow = Selectable<TipTable>;

declare module '../../db/schema.js' {
  interface DatabaseSchema {
    factcheck_tip_group: TipGroupTable;
    factcheck_tip: TipTable;
  }
}
