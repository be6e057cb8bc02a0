import webpush from 'web-push';
import type { AppContext } from '../../context.js';
import { transaction } from '../../db/database.js';
import { defineJob, retryDelayMs, type Backoff } from '../../jobs/jobs.js';
import { recordPushDelivery } from '../delivery/delivery.service.js';
import {
  deleteFanoutLedger,
  deletePushSubscriptions,
  listFanoutSentAmong,
  listPushSubscriptionsByIds,
  listPushSubscriptionsPage,
  recordFanoutSent,
} from './push.repository.js';
import type { PushSubscriptionRow } from './push.table.js';
import {
  getVapidKeys,
  pushTopic,
  vapidSubject,
  type PushFanoutInput,
  type VapidKeys,
} from './push.service.js';

export interface PushFanoutPayload extends PushFanoutInput {
  /** The ledger's key (push_fanout_sent): what a run finished, a re-run after a kill skips. */
  fanoutId: string;
  issuedAt: string;
  /** A later round for the subscriptions whose push service asked us to come back. */
  retry?: { subscriptionIds: string[]; attempt: number };
}

declare module '../../jobs/queue.js' {
  interface JobPayloads {
    'push.fanout': PushFanoutPayload;
  }
}

/**
 * Sends in flight at once per job: also the most a re-run after a kill can repeat (those sent
 * but not yet recorded), and those carry the same Topic, so the push service keeps one.
 */
const CONCURRENCY = 50;
const PAGE_SIZE = 500;
/** Keys per IN (…) list: SQLite and PostgreSQL both take this many parameters easily. */
const KEY_CHUNK = 500;
/** Rounds per subscription for 429/5xx answers, the first included. */
const SEND_ATTEMPTS = 5;
const SEND_BACKOFF: Backoff = { baseMs: 5_000, maxMs: 10 * 60_000 };
const MAX_RETRY_AFTER_MS = 60 * 60_000;
const SEND_TIMEOUT_MS = 10_000;

type SendOutcome =
  | { kind: 'delivered' }
  | { kind: 'gone' }
  | { kind: 'retry'; afterMs: number }
  | { kind: 'failed' };

export const pushFanoutJob = defineJob({
  name: 'push.fanout',
  attempts: 3,
  backoff: { baseMs: 10_000, maxMs: 5 * 60_000 },
  run: runPushFanout,
});

async function runPushFanout(
  ctx: AppContext,
  job: PushFanoutPayload,
  lost: AbortSignal,
): Promise<void> {
  const vapid = await getVapidKeys(ctx);
  const body = JSON.stringify(job.payload);
  const options = requestOptions(ctx, job, vapid);
  const issuedAt = Date.parse(job.issuedAt);
  const now = () => ctx.clock.now().getTime();
  const gone: string[] = [];
  const retry: string[] = [];
  const latencies: number[] = [];
  let retryAfterMs = 0;
  let sent = 0;
  let failed = 0;

  const sendPage = async (subscriptions: PushSubscriptionRow[]) => {
    const wanted = subscriptions.filter((s) => wantsNotification(s, job));
    const done = await listFanoutSentAmong(
      ctx.db,
      job.fanoutId,
      wanted.map((s) => s.id),
    );
    const targets = wanted.filter((s) => !done.has(s.id));
    if (!job.retry) sent += targets.length;
    await forEachConcurrently(targets, CONCURRENCY, async (subscription) => {
      // Another node took the job over: leave the rest to it.
      lost.throwIfAborted();
      const outcome = await send(subscription, body, options, now);
      lost.throwIfAborted();
      if (outcome.kind !== 'retry') await recordFanoutSent(ctx.db, job.fanoutId, subscription.id);
      switch (outcome.kind) {
        case 'delivered':
          latencies.push(Math.max(0, now() - issuedAt));
          break;
        case 'gone':
          gone.push(subscription.id);
          break;
        case 'retry':
          retry.push(subscription.id);
          retryAfterMs = Math.max(retryAfterMs, outcome.afterMs);
          break;
        case 'failed':
          failed += 1;
          break;
      }
    });
  };

  if (job.retry)
    await sendPage(await listPushSubscriptionsByIds(ctx.db, job.retry.subscriptionIds));
  else await forEachTargetPage(ctx, job, sendPage);

  await deletePushSubscriptions(ctx.db, gone);
  const attempt = job.retry?.attempt ?? 1;
  if (retry.length > 0 && attempt < SEND_ATTEMPTS) {
    const delay = Math.max(retryAfterMs, retryDelayMs(SEND_BACKOFF, attempt));
    const runAt = new Date(ctx.clock.now().getTime() + delay);
    await transaction(ctx.db, (tx) =>
      ctx.jobs.enqueue(
        tx,
        'push.fanout',
        { ...job, retry: { subscriptionIds: retry, attempt: attempt + 1 } },
        { runAt },
      ),
    );
  } else {
    failed += retry.length;
  }
  await recordPushDelivery(
    ctx,
    { sourceType: job.sourceType, sourceId: job.sourceId },
    { sent, delivered: latencies.length, failed: failed + gone.length },
    latencies,
  );
  // Retry rounds name their subscriptions (none of them in the ledger), so it can go now.
  await deleteFanoutLedger(ctx.db, job.fanoutId);
}

/** Pages through the subscriptions whose keys meet the job's, each once. */
async function forEachTargetPage(
  ctx: AppContext,
  job: PushFanoutPayload,
  visit: (page: PushSubscriptionRow[]) => Promise<void>,
): Promise<void> {
  const keyChunks: Array<string[] | undefined> = [];
  if (job.keys.length === 0) keyChunks.push(undefined);
  for (let i = 0; i < job.keys.length; i += KEY_CHUNK)
    keyChunks.push(job.keys.slice(i, i + KEY_CHUNK));
  // Only several key chunks can name one subscription twice.
  const seen = keyChunks.length > 1 ? new Set<string>() : undefined;
  for (const keys of keyChunks) {
    let afterId = '';
    for (;;) {
      const page = await listPushSubscriptionsPage(ctx.db, {
        keys,
        isDrill: job.isDrill,
        afterId,
        limit: PAGE_SIZE,
      });
      if (page.length === 0) break;
      afterId = page[page.length - 1]!.id;
      const fresh = seen ? page.filter((s) => !seen.has(s.id)) : page;
      for (const s of fresh) seen?.add(s.id);
      await visit(fresh);
      if (page.length < PAGE_SIZE) break;
    }
  }
}

function wantsNotification(subscription: PushSubscriptionRow, job: PushFanoutPayload): boolean {
  if (job.isDrill && subscription.wantsDrills !== 1) return false;
  if (job.isSevere) return true;
  const muted = JSON.parse(subscription.mutedCategories) as string[];
  return !muted.includes(job.category);
}

function requestOptions(
  ctx: AppContext,
  job: PushFanoutPayload,
  vapid: VapidKeys,
): webpush.RequestOptions {
  return {
    vapidDetails: { subject: vapidSubject(ctx), ...vapid },
    TTL: job.ttlSeconds,
    urgency: job.isSevere ? 'high' : (job.urgency ?? 'normal'),
    topic: pushTopic(job.topic),
    contentEncoding: 'aes128gcm',
  };
}

/** One encrypted POST to the push service (RFC 8030/8291), by our own HTTP client. */
async function send(
  subscription: PushSubscriptionRow,
  body: string,
  options: webpush.RequestOptions,
  now: () => number,
): Promise<SendOutcome> {
  const request = encryptedRequest(subscription, body, options);
  // Keys that cannot encrypt (stored before they were checked) never will: a permanent
  // failure, so the subscription goes like one the push service says is gone.
  if (!request) return { kind: 'gone' };
  let response: Response;
  try {
    response = await fetch(request.endpoint, {
      method: request.method,
      headers: request.headers as Record<string, string>,
      body: new Uint8Array(request.body),
      redirect: 'error',
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
  } catch {
    return { kind: 'retry', afterMs: 0 };
  }
  await response.body?.cancel();
  const status = response.status;
  if (status >= 200 && status < 300) return { kind: 'delivered' };
  if (status === 404 || status === 410) return { kind: 'gone' };
  if (status === 429 || status >= 500) {
    return { kind: 'retry', afterMs: retryAfterMs(response.headers.get('retry-after'), now()) };
  }
  return { kind: 'failed' };
}

function encryptedRequest(
  subscription: PushSubscriptionRow,
  body: string,
  options: webpush.RequestOptions,
) {
  try {
    return webpush.generateRequestDetails(
      {
        endpoint: subscription.endpoint,
        keys: { p256dh: subscription.p256dh, auth: subscription.auth },
      },
      body,
      options,
    );
  } catch {
    return undefined;
  }
}

/** Retry-After in seconds or as an HTTP date, capped. */
function retryAfterMs(header: string | null, now: number): number {
  if (!header) return 0;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) ? Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms)) : 0;
}

async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
