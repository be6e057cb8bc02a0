import webpush from 'web-push';
import type { AppContext } from '../../context.js';
import { transaction } from '../../db/database.js';
import { defineJob, retryDelayMs, type Backoff } from '../../jobs/jobs.js';
import { recordPushDelivery } from '../delivery/delivery.service.js';
import {
  clearFanoutIfFinished,
  deletePushSubscriptions,
  finishFanoutUnit,
  insertFanoutPlan,
  insertFanoutUnit,
  isFanoutUnitPending,
  listFanoutSentAmong,
  listPushSubscriptionIdsPage,
  listPushSubscriptionsByIds,
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
  /** The key of the fan-out's ledger (push_fanout_sent) and parts (push_fanout_unit). */
  fanoutId: string;
  issuedAt: string;
}

/** What every page of a fan-out sends: the fan-out without its (possibly long) key list. */
export type PushNotice = Omit<PushFanoutPayload, 'keys'>;

export interface PushFanoutPagePayload {
  notice: PushNotice;
  /** The page's name in push_fanout_unit (`p0`, `p1`, …). */
  page: string;
  subscriptionIds: string[];
  /** 1 for the page itself, then one more per retry round of its 429/5xx answers. */
  attempt: number;
}

declare module '../../jobs/queue.js' {
  interface JobPayloads {
    'push.fanout': PushFanoutPayload;
    'push.fanout-page': PushFanoutPagePayload;
  }
}

/**
 * Sends in flight at once per page job: also the most a re-run of a page after a kill can
 * repeat (those sent but not yet recorded), and those carry the same Topic, so the push
 * service keeps one.
 */
const CONCURRENCY = 50;
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

/** Plans a fan-out: one page job per SIAGA_PUSH_PAGE_SIZE targeted subscriptions. */
export const pushFanoutJob = defineJob({
  name: 'push.fanout',
  attempts: 3,
  backoff: { baseMs: 10_000, maxMs: 5 * 60_000 },
  run: planPushFanout,
});

/** Sends one page; any worker of any node runs the pages of one fan-out side by side. */
export const pushFanoutPageJob = defineJob({
  name: 'push.fanout-page',
  attempts: 3,
  backoff: { baseMs: 10_000, maxMs: 5 * 60_000 },
  run: runPushFanoutPage,
});

async function planPushFanout(ctx: AppContext, job: PushFanoutPayload): Promise<void> {
  const { keys, ...notice } = job;
  const pages: string[][] = [];
  await forEachTargetPage(ctx, { keys, isDrill: job.isDrill }, ctx.config.pushPageSize, (ids) => {
    if (ids.length > 0) pages.push(ids);
  });
  const names = pages.map((_, index) => `p${index}`);
  await transaction(ctx.db, async (tx) => {
    // A re-run of a plan that committed (killed before the job was marked done) adds nothing.
    if (!(await insertFanoutPlan(tx.db, job.fanoutId, names))) return;
    for (const [index, subscriptionIds] of pages.entries()) {
      await ctx.jobs.enqueue(tx, 'push.fanout-page', {
        notice,
        page: names[index]!,
        subscriptionIds,
        attempt: 1,
      });
    }
  });
  await clearFanoutIfFinished(ctx.db, job.fanoutId);
}

const unitOf = (job: PushFanoutPagePayload) =>
  job.attempt === 1 ? job.page : `${job.page}.r${job.attempt}`;

async function runPushFanoutPage(
  ctx: AppContext,
  job: PushFanoutPagePayload,
  lost: AbortSignal,
): Promise<void> {
  const { notice } = job;
  const unit = unitOf(job);
  if (!(await isFanoutUnitPending(ctx.db, notice.fanoutId, unit))) return;
  const vapid = await getVapidKeys(ctx);
  const body = JSON.stringify(notice.payload);
  const options = requestOptions(ctx, notice, vapid);
  const issuedAt = Date.parse(notice.issuedAt);
  const now = () => ctx.clock.now().getTime();
  const gone: string[] = [];
  const retry: string[] = [];
  const latencies: number[] = [];
  let retryAfterMs = 0;
  let failed = 0;

  const wanted = (await listPushSubscriptionsByIds(ctx.db, job.subscriptionIds)).filter((s) =>
    wantsNotification(s, notice),
  );
  const done = await listFanoutSentAmong(
    ctx.db,
    notice.fanoutId,
    wanted.map((s) => s.id),
  );
  const targets = wanted.filter((s) => !done.has(s.id));
  await forEachConcurrently(targets, CONCURRENCY, async (subscription) => {
    // Another node took the job over: leave the rest to it.
    lost.throwIfAborted();
    const outcome = await send(subscription, body, options, now);
    lost.throwIfAborted();
    if (outcome.kind !== 'retry') await recordFanoutSent(ctx.db, notice.fanoutId, subscription.id);
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

  const retrying = retry.length > 0 && job.attempt < SEND_ATTEMPTS;
  await transaction(ctx.db, async (tx) => {
    // Finished meanwhile by a worker that took this page over: its figures count, not ours.
    if (!(await finishFanoutUnit(tx.db, notice.fanoutId, unit))) return;
    await deletePushSubscriptions(tx.db, gone);
    if (retrying) {
      const next = { ...job, subscriptionIds: retry, attempt: job.attempt + 1 };
      const delay = Math.max(retryAfterMs, retryDelayMs(SEND_BACKOFF, job.attempt));
      await insertFanoutUnit(tx.db, notice.fanoutId, unitOf(next));
      await ctx.jobs.enqueue(tx, 'push.fanout-page', next, {
        runAt: new Date(now() + delay),
      });
    } else {
      failed += retry.length;
    }
    await recordPushDelivery(
      ctx,
      { sourceType: notice.sourceType, sourceId: notice.sourceId },
      {
        sent: job.attempt === 1 ? targets.length : 0,
        delivered: latencies.length,
        failed: failed + gone.length,
      },
      latencies,
      tx.db,
    );
  });
  await clearFanoutIfFinished(ctx.db, notice.fanoutId);
}

/** Pages (of ids) through the subscriptions whose keys meet the job's, each once. */
async function forEachTargetPage(
  ctx: AppContext,
  job: Pick<PushFanoutPayload, 'keys' | 'isDrill'>,
  pageSize: number,
  visit: (ids: string[]) => void,
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
      const page = await listPushSubscriptionIdsPage(ctx.db, {
        keys,
        isDrill: job.isDrill,
        afterId,
        limit: pageSize,
      });
      if (page.length === 0) break;
      afterId = page[page.length - 1]!;
      const fresh = seen ? page.filter((id) => !seen.has(id)) : page;
      for (const id of fresh) seen?.add(id);
      visit(fresh);
      if (page.length < pageSize) break;
    }
  }
}

function wantsNotification(subscription: PushSubscriptionRow, job: PushNotice): boolean {
  if (job.isDrill && subscription.wantsDrills !== 1) return false;
  if (job.isSevere) return true;
  const muted = JSON.parse(subscription.mutedCategories) as string[];
  return !muted.includes(job.category);
}

function requestOptions(
  ctx: AppContext,
  job: PushNotice,
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
