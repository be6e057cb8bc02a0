import type { AppContext } from '../context.js';
import type { Tx } from '../db/database.js';
import { newId } from '../ids.js';
import { listStreamEventsAfter } from './stream.repository.js';
import { eventReaches } from './stream-hub.js';

/** Live event types on `GET /api/stream`; features add theirs. */
export type StreamEventType =
  | 'alert'
  | 'qa.question'
  | 'qa.removed'
  | 'qa.votes'
  | 'qa.answer'
  | 'qa.pin'
  | 'qa.state'
  | 'qa.reminder';

export interface StreamEvent {
  /** Also the SSE `id:`, so a reconnecting client's Last-Event-ID can replay what it missed. */
  id: string;
  type: StreamEventType;
  data: unknown;
  /** Targeting keys (geo/targeting.ts); empty reaches every client. */
  keys: string[];
  /** Drills (CAP Exercise/Test) reach only clients that opted in to drills. */
  isDrill: boolean;
  createdAt: string;
  /** What the event is about (an alert…), for delivery figures; not replayed. */
  source?: { type: string; id: string };
}

let lastStreamEventId = '';

/**
 * UUIDv7 ids sort by millisecond only; two events in the same millisecond would get random
 * order, and replay (`id > Last-Event-ID`) could skip one. Within a node, ids strictly grow.
 */
export function nextStreamEventId(nowMs: number): string {
  let id = newId(nowMs);
  if (id <= lastStreamEventId) {
    // Add one to the random tail (the last 12 hex digits), keeping version and variant bits.
    const head = lastStreamEventId.slice(0, 24);
    const tail = (BigInt(`0x${lastStreamEventId.slice(24)}`) + 1n).toString(16).padStart(12, '0');
    id = tail.length === 12 ? head + tail : newId(nowMs + 1);
  }
  lastStreamEventId = id;
  return id;
}

/**
 * Records a live event in the caller's transaction (for replay) and publishes it on the bus
 * once committed, so every node's stream hub delivers it.
 */
export async function publishStreamEvent(
  ctx: AppContext,
  tx: Tx,
  input: {
    type: StreamEventType;
    data: unknown;
    keys: string[];
    isDrill?: boolean;
    source?: { type: string; id: string };
  },
): Promise<StreamEvent> {
  const now = ctx.clock.now();
  const event: StreamEvent = {
    id: nextStreamEventId(now.getTime()),
    type: input.type,
    data: input.data,
    keys: input.keys,
    isDrill: input.isDrill ?? false,
    createdAt: now.toISOString(),
    ...(input.source ? { source: input.source } : {}),
  };
  await tx.db
    .insertInto('stream_event')
    .values({
      id: event.id,
      type: event.type,
      data: JSON.stringify(event.data),
      keys: JSON.stringify(event.keys),
      isDrill: event.isDrill ? 1 : 0,
      createdAt: event.createdAt,
    })
    .execute();
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
