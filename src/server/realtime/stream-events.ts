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

/**
 * The id of an event committed after the one with id `greatest` (the largest stored, if any):
 * UUIDv7 for `nowMs`, or `greatest` plus one when the clock says otherwise (a burst in one
 * millisecond, or a node whose clock is behind). The caller holds the stream's write lock, so
 * id order is commit order across every process and node, and replay (`id > Last-Event-ID`)
 * cannot skip an event committed later with a smaller id.
 */
export function nextStreamEventId(nowMs: number, greatest: string | undefined): string {
  const id = newId(nowMs);
  if (greatest === undefined || id > greatest) return id;
  // Add one to the random tail (the last 12 hex digits), keeping version and variant bits.
  const head = greatest.slice(0, 24);
  const tail = (BigInt(`0x${greatest.slice(24)}`) + 1n).toString(16).padStart(12, '0');
  if (tail.length === 12) return head + tail;
  // The tail ran over (once in 2^48): the next millisecond after the greatest id's own.
  return newId(parseInt(greatest.slice(0, 8) + greatest.slice(9, 13), 16) + 1);
}
