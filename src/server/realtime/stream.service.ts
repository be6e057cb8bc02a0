import type { StreamQuery } from '../../common/api/stream.js';
import { STREAM_EVENT_ID_PATTERN } from '../../common/api/stream.js';
import type { Actor } from '../auth/actor.js';
import type { AppContext } from '../context.js';
import type { Tx } from '../db/database.js';
import { optionalPoint } from '../geo/points.js';
import { qaStreamKey } from '../../common/domain/qa.js';
import { accountKey, subscriberKeys } from '../geo/targeting.js';
import {
  nextStreamEventId,
  type StreamEvent,
  type StreamEventType,
  type StreamEventTypes,
} from './stream-events.js';
import { eventReaches } from './stream-hub.js';
import { lockForUpdate } from '../db/locking.js';
import {
  greatestStreamEventId,
  insertStreamEvent,
  listStreamEventsAfter,
} from './stream.repository.js';

export interface StreamSubscription {
  keys: string[];
  wantsDrills: boolean;
  /** Replay what came after this event before the live ones. */
  lastEventId: string | undefined;
}

const EVENT_ID = new RegExp(STREAM_EVENT_ID_PATTERN);

/**
 * What one tab listens to: the logged-in citizen's areas, the areas and point it names, and
 * drills only when asked. A tab with none of these still gets events for everyone.
 */
export async function openStreamSubscription(
  ctx: AppContext,
  actor: Actor,
  query: StreamQuery,
  lastEventIdHeader: string | undefined,
): Promise<StreamSubscription> {
  const point = optionalPoint(query);
  const areaCodes = query.areas ? query.areas.split(',') : [];
  if (actor.kind === 'account') {
    areaCodes.push(...(await ctx.features.accountAreaCodes(actor.accountId)));
  }
  // A browser resends the id we gave it; anything else in the header is ignored, not an error.
  const fromHeader =
    lastEventIdHeader && EVENT_ID.test(lastEventIdHeader) ? lastEventIdHeader : undefined;
  const keys = subscriberKeys(areaCodes, point);
  // A logged-in tab hears what is meant for its account (reminders); `qa` adds a session's events.
  if (actor.kind === 'account') keys.push(accountKey(actor.accountId));
  if (query.qa) keys.push(qaStreamKey(query.qa));
  return {
    keys,
    wantsDrills: query.drills === '1' || query.drills === 'true',
    lastEventId: fromHeader ?? query.lastEventId,
  };
}

/**
 * Records a live event in the caller's transaction (for replay) and publishes it on the bus
 * once committed, so every node's stream hub delivers it. The id is chosen under a lock held
 * until the caller commits: publishers on every node wait for each other there, so keep the
 * rest of such a transaction short.
 */
export async function publishStreamEvent<T extends StreamEventType>(
  ctx: AppContext,
  tx: Tx,
  input: {
    type: T;
    data: StreamEventTypes[T];
    keys: string[];
    isDrill?: boolean;
    source?: { type: string; id: string };
  },
): Promise<StreamEvent> {
  // Ids in commit order on every node: chosen under one lock, after the greatest stored.
  await lockForUpdate(tx, ctx.database.dialect, 'stream_event.order');
  const greatest = await greatestStreamEventId(tx.db);
  const now = ctx.clock.now();
  const event: StreamEvent = {
    id: nextStreamEventId(now.getTime(), greatest),
    type: input.type,
    data: input.data,
    keys: input.keys,
    isDrill: input.isDrill ?? false,
    createdAt: now.toISOString(),
    ...(input.source ? { source: input.source } : {}),
  };
  await insertStreamEvent(tx.db, {
    id: event.id,
    type: event.type,
    data: JSON.stringify(event.data),
    keys: JSON.stringify(event.keys),
    isDrill: event.isDrill ? 1 : 0,
    createdAt: event.createdAt,
  });
  tx.onCommit(() => ctx.bus.publish('stream.published', event));
  return event;
}

/** Replay reaches back this far at most… */
export const REPLAY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** …and hands over at most this many events (the newest). */
export const REPLAY_MAX_EVENTS = 500;
/** Rows read to find them: targeted events for other areas are skipped in between. */
const REPLAY_SCAN_LIMIT = 20_000;

/** The events after `lastEventId` that reach a client with these keys, oldest first. */
export async function listMissedStreamEvents(
  ctx: AppContext,
  input: { lastEventId: string; keys: ReadonlySet<string>; wantsDrills: boolean },
): Promise<StreamEvent[]> {
  const since = new Date(ctx.clock.now().getTime() - REPLAY_WINDOW_MS).toISOString();
  const rows = await listStreamEventsAfter(ctx.db, {
    afterId: input.lastEventId,
    since,
    limit: REPLAY_SCAN_LIMIT,
  });
  const missed: StreamEvent[] = [];
  for (const row of rows) {
    const event: StreamEvent = {
      id: row.id,
      // Written by publishStreamEvent from a StreamEventType.
      type: row.type as StreamEventType,
      data: JSON.parse(row.data) as unknown,
      keys: JSON.parse(row.keys) as string[],
      isDrill: row.isDrill === 1,
      createdAt: row.createdAt,
    };
    if (eventReaches(event, input.keys, input.wantsDrills)) missed.push(event);
  }
  return missed.slice(-REPLAY_MAX_EVENTS);
}
