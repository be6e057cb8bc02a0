import type { Insertable, Selectable } from 'kysely';

/** A browser's Web Push subscription, anonymous or an account's. */
export interface PushSubscriptionTable {
  id: string;
  endpoint: string;
  /** The browser's P-256 public key, base64url */
  p256dh: string;
  /** The browser's auth secret, base64url */
  auth: string;
  accountId: string | null;
  wantsDrills: number;
  /** JSON array of muted alert categories */
  mutedCategories: string;
  createdAt: string;
  updatedAt: string;
}
export type PushSubscriptionRow = Selectable<PushSubscriptionTable>;
export type NewPushSubscriptionRow = Insertable<PushSubscriptionTable>;

/** The targeting keys (geo/targeting.ts) a subscription is reached by. */
export interface PushSubscriptionKeyTable {
  subscriptionId: string;
  key: string;
}

/** A subscription a fan-out has finished with (sent, gone or failed): a re-run skips it. */
export interface PushFanoutSentTable {
  fanoutId: string;
  subscriptionId: string;
}

/** A part of a fan-out (its plan, a page job, a retry round) and whether it is finished. */
export interface PushFanoutUnitTable {
  fanoutId: string;
  unit: string;
  done: number;
}

declare module '../../db/schema.js' {
  interface DatabaseSchema {
    push_fanout_sent: PushFanoutSentTable;
    push_fanout_unit: PushFanoutUnitTable;
    push_subscription: PushSubscriptionTable;
    push_subscription_key: PushSubscriptionKeyTable;
  }
}
