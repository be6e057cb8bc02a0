import type { AppContext } from '../context.js';
import type { Tx } from '../db/database.js';
import { newId } from '../ids.js';

/** Live event types on `GET /api/stream`; features add theirs. */
export type StreamEventType = 'alert';

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
}

/**
 * Records a live event in the caller's transaction (for replay) and publishes it on the bus
 * once committed, so every node's stream hub delivers it.
 */
export async function publishStreamEvent(
  ctx: AppContext,
  tx: Tx,
  input: { type: StreamEventType; data: unknown; keys: string[]; isDrill?: boolean },
): Promise<StreamEvent> {
  const now = ctx.clock.now();
  const event: StreamEvent = {
    id: newId(now.getTime()),
    type: input.type,
    data: input.data,
    keys: input.keys,
    isDrill: input.isDrill ?? false,
    createdAt: now.toISOString(),
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
