import { createHash, createPublicKey } from 'node:crypto';
import { isIP } from 'node:net';
import webpush from 'web-push';
import type {
  PushKeyView,
  PushSubscribeBody,
  PushSubscriptionView,
  PushUnsubscribeBody,
} from '../../../common/api/push.js';
import type { Actor } from '../../auth/actor.js';
import type { PushSubscriptionExport } from '../../../common/api/accounts.js';
import type { AppContext, PersonRef } from '../../context.js';
import { transaction, type Tx } from '../../db/database.js';
import { readOrCreateSetting } from '../../db/settings.js';
import { AppError } from '../../errors.js';
import { optionalPoint } from '../../geo/points.js';
import { accountKey, subscriberKeys } from '../../geo/targeting.js';
import { newId } from '../../ids.js';
import { listAccountAreaCodes } from '../areas/areas.service.js';
import {
  countPushSubscriptions,
  deletePushSubscriptionByEndpoint,
  deletePushSubscriptionsOfAccount,
  listPushSubscriptionIdsByKeys,
  listPushSubscriptionsOfAccount,
  replacePushSubscriptionKeys,
  upsertPushSubscription,
} from './push.repository.js';

export type PushUrgency = 'very-low' | 'low' | 'normal' | 'high';

/** What a feature asks to be pushed (see enqueuePushFanout). */
export interface PushFanoutInput {
  /** Targeting keys (geo/targeting.ts); empty reaches every subscription. */
  keys: string[];
  isDrill: boolean;
  category: string;
  /** Severe notifications reach muted categories too, and go out with Urgency: high. */
  isSevere: boolean;
  /** The JSON the service worker receives. */
  payload: unknown;
  /** An update with the same topic replaces an undelivered original at the push service. */
  topic: string;
  ttlSeconds: number;
  urgency?: PushUrgency;
  sourceType: string;
  sourceId: string;
}

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

const vapidCache = new WeakMap<AppContext, Promise<VapidKeys>>();

/** The instance's VAPID key pair: made once, kept in `setting`, shared by every node. */
export function getVapidKeys(ctx: AppContext): Promise<VapidKeys> {
  let keys = vapidCache.get(ctx);
  if (!keys) {
    keys = readOrCreateSetting(ctx.db, 'push.vapid', () =>
      JSON.stringify(webpush.generateVAPIDKeys()),
    ).then((value) => JSON.parse(value) as VapidKeys);
    keys.catch(() => vapidCache.delete(ctx));
    vapidCache.set(ctx, keys);
  }
  return keys;
}

/** The `sub` claim push services may use to reach the operator. */
export function vapidSubject(ctx: AppContext): string {
  const url = new URL(ctx.config.publicUrl);
  return url.protocol === 'https:' ? url.origin : `mailto:admin@${url.hostname}`;
}

export async function getPushPublicKey(ctx: AppContext): Promise<PushKeyView> {
  return { publicKey: (await getVapidKeys(ctx)).publicKey };
}

/**
 * Stores (or updates, by endpoint) a browser's subscription with the keys it is reached by:
 * the areas and point it names, plus a logged-in citizen's own areas.
 */
export async function subscribePush(
  ctx: AppContext,
  actor: Actor,
  input: PushSubscribeBody,
): Promise<PushSubscriptionView> {
  assertPushEndpoint(ctx, input.subscription.endpoint);
  assertPushKeys(input.subscription.keys);
  const point = optionalPoint(input);
  const areas = [...(input.areas ?? [])];
  if (actor.kind === 'account') {
    for (const { areaCode } of await listAccountAreaCodes(ctx, actor.accountId)) {
      if (!areas.includes(areaCode)) areas.push(areaCode);
    }
  }
  const keys = subscriberKeys(areas, point);
  // A signed-in device is also reached by what is meant for its account alone (a reminder,
  // an answer to a tip): features pass `accountKey(id)` among the fan-out keys.
  if (actor.kind === 'account') keys.push(accountKey(actor.accountId));
  const now = ctx.clock.now().toISOString();
  const mutedCategories = input.mutedCategories ?? [];
  await transaction(ctx.db, async (tx) => {
    const id = await upsertPushSubscription(tx.db, {
      id: newId(),
      endpoint: input.subscription.endpoint,
      p256dh: input.subscription.keys.p256dh,
      auth: input.subscription.keys.auth,
      accountId: actor.kind === 'account' ? actor.accountId : null,
      wantsDrills: input.drills ? 1 : 0,
      mutedCategories: JSON.stringify(mutedCategories),
      createdAt: now,
      updatedAt: now,
    });
    await replacePushSubscriptionKeys(tx.db, id, keys);
  });
  return {
    endpoint: input.subscription.endpoint,
    areas,
    drills: input.drills ?? false,
    mutedCategories,
  };
}

/** Forgets a subscription; knowing the endpoint (a secret capability URL) is the proof. */
export async function unsubscribePush(ctx: AppContext, input: PushUnsubscribeBody): Promise<void> {
  await deletePushSubscriptionByEndpoint(ctx.db, input.endpoint);
}

/**
 * Fans a notification out to the subscriptions whose keys meet `keys`, as a job written in
 * the caller's transaction (so it exists exactly when the alert does).
 */
export async function enqueuePushFanout(
  ctx: AppContext,
  tx: Tx,
  input: PushFanoutInput,
): Promise<string> {
  const now = ctx.clock.now();
  return ctx.jobs.enqueue(tx, 'push.fanout', {
    ...input,
    fanoutId: newId(now.getTime()),
    issuedAt: now.toISOString(),
  });
}

/** Keys per IN (…) list, as in the fan-out. */
const REACH_KEY_CHUNK = 500;

/**
 * How many subscriptions a target would reach (before drill and muting preferences), for the
 * officer's preview. Empty keys reach every subscription, as in the fan-out.
 */
export async function countPushReach(ctx: AppContext, keys: readonly string[]): Promise<number> {
  if (keys.length === 0) return countPushSubscriptions(ctx.db);
  // Chunks may name one subscription twice; the set counts it once.
  const ids = new Set<string>();
  for (let i = 0; i < keys.length; i += REACH_KEY_CHUNK) {
    for (const id of await listPushSubscriptionIdsByKeys(
      ctx.db,
      keys.slice(i, i + REACH_KEY_CHUNK),
    ))
      ids.add(id);
  }
  return ids.size;
}

/**
 * Push services are public HTTPS hosts. Anything else would let a caller make this server
 * POST into its own network (SSRF); tests use a local push service on 127.0.0.1.
 */
/**
 * The browser's keys must be usable for RFC 8291 encryption: `p256dh` a point on P-256 (65
 * bytes, uncompressed), `auth` 16 bytes. Anything else would fail at every fan-out.
 */
function assertPushKeys(keys: { p256dh: string; auth: string }): void {
  const invalid = (field: string, problem: string) =>
    new AppError('push.key_invalid', 400, { field }, { fields: [{ field, problem }] });
  if (!isP256PublicKey(Buffer.from(keys.p256dh, 'base64url'))) {
    throw invalid('subscription.keys.p256dh', 'must be an uncompressed P-256 public key');
  }
  if (Buffer.from(keys.auth, 'base64url').length !== 16) {
    throw invalid('subscription.keys.auth', 'must be 16 bytes');
  }
}

function isP256PublicKey(point: Buffer): boolean {
  if (point.length !== 65 || point[0] !== 0x04) return false;
  try {
    // Importing checks that the point lies on the curve.
    createPublicKey({
      key: {
        kty: 'EC',
        crv: 'P-256',
        x: point.subarray(1, 33).toString('base64url'),
        y: point.subarray(33, 65).toString('base64url'),
      },
      format: 'jwk',
    });
    return true;
  } catch {
    return false;
  }
}

function assertPushEndpoint(ctx: AppContext, endpoint: string): void {
  const invalid = () =>
    new AppError(
      'push.endpoint_invalid',
      400,
      { field: 'subscription.endpoint' },
      {
        fields: [{ field: 'subscription.endpoint', problem: 'must be a public https URL' }],
      },
    );
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw invalid();
  }
  if (
    ctx.config.environment === 'test' &&
    url.protocol === 'http:' &&
    url.hostname === '127.0.0.1'
  ) {
    return;
  }
  if (url.protocol !== 'https:' || url.username || url.password || isPrivateHost(url.hostname)) {
    throw invalid();
  }
}

function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const version = isIP(host);
  // Push services are reached by name; an IPv6 literal is never one.
  if (version === 6) return true;
  if (version === 4) {
    const [a = 0, b = 0] = host.split('.').map(Number);
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127) ||
      a >= 224
    );
  }
  return (
    !host.includes('.') ||
    host.endsWith('.localhost') ||
    host.endsWith('.local') ||
    host.endsWith('.internal')
  );
}

/** Topics are at most 32 base64url characters; longer ones (a UUID…) are hashed to fit. */
export function pushTopic(topic: string): string {
  if (/^[A-Za-z0-9_-]{1,32}$/.test(topic)) return topic;
  return createHash('sha256').update(topic).digest('base64url').slice(0, 32);
}

/** The account's push subscriptions, for its UU PDP export. */
export async function exportPushSubscriptionsOf(
  ctx: AppContext,
  person: PersonRef,
): Promise<PushSubscriptionExport[]> {
  const rows = await listPushSubscriptionsOfAccount(ctx.db, person.accountId);
  return rows.map((row) => ({
    endpoint: row.endpoint,
    wantsDrills: row.wantsDrills === 1,
    mutedCategories: JSON.parse(row.mutedCategories) as string[],
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }));
}

/** On account deletion: its browsers stop receiving alerts (the endpoint identifies them). */
export async function dropPushSubscriptionsOf(
  _ctx: AppContext,
  tx: Tx,
  person: PersonRef,
): Promise<void> {
  await deletePushSubscriptionsOfAccount(tx.db, person.accountId);
}
