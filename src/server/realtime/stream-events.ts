import { newId } from '../ids.js';

/**
 * Live event types on `GET /api/stream` and the data each carries. A feature adds its own by
 * declaration merging (`declare module '…/realtime/stream-events.js'`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the features
export interface StreamEventTypes {}
export type StreamEventType = Extract<keyof StreamEventTypes, string>;

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
