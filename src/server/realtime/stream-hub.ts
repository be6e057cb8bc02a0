import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Bus } from './bus.js';
import type { StreamEvent } from './stream-events.js';

/** An open `GET /api/stream` response and what it is subscribed to. */
export interface StreamConnection {
  readonly response: ServerResponse;
  readonly keys: ReadonlySet<string>;
  readonly wantsDrills: boolean;
  /** Id of the last event this connection was handed, so overlapping keys deliver once. */
  lastEventId: string | undefined;
  /** While replaying from the database, live frames wait here (id → frame). */
  pending: Array<{ id: string; frame: EncodedFrame }> | undefined;
  /** Live frames not yet written, oldest first: under load several go out in one write. */
  outbox: Array<{ frame: EncodedFrame; delivery: Delivery }>;
  /** When the socket buffer last stopped accepting writes; undefined while it drains freely. */
  blockedSince: number | undefined;
  /** Which of the heartbeat slots beats this connection. */
  readonly beatSlot: number;
}

/** A frame as it goes on the wire, encoded once per event for every connection. */
export interface EncodedFrame {
  /** One HTTP/1.1 chunk (size line, frame, CRLF), for the usual chunked response. */
  readonly chunked: Buffer;
  /** The bare frame, for a response that is not chunked (an HTTP/1.0 client). */
  readonly plain: Buffer;
}

export function encodeFrame(frame: Buffer): EncodedFrame {
  return {
    chunked: Buffer.concat([Buffer.from(`${frame.length.toString(16)}\r\n`), frame, CRLF]),
    plain: frame,
  };
}

export interface DeliveryReport {
  event: StreamEvent;
  delivered: number;
  /** From the event's createdAt to the last write on this node. */
  latencyMs: number;
}

export interface StreamHubOptions {
  bus: Bus;
  now?: () => number;
  heartbeatMs?: number;
  /** A client whose unsent bytes exceed this is dropped. */
  maxBufferedBytes?: number;
  /** A client whose socket stays full this long is dropped. */
  maxBlockedMs?: number;
  /**
   * Connections written per turn of the event loop: a large fan-out yields between slices so
   * the first subscribers get the event at once and the process keeps serving requests.
   */
  sliceSize?: number;
  /** Heartbeats go out in this many groups spread over `heartbeatMs`, not in one burst. */
  heartbeatSlots?: number;
  onDelivered?: (report: DeliveryReport) => void;
}

const CRLF = Buffer.from('\r\n');
const HEARTBEAT = encodeFrame(Buffer.from(':\n\n'));

/** One event's fan-out on this node, reported once its last outbox entry is written. */
interface Delivery {
  event: StreamEvent;
  /** Connections reached, the replaying ones (handed the frame in `pending`) included. */
  reached: number;
  /** Outbox entries of this event not yet written. */
  unwritten: number;
}

/** The one serialisation of an event: `id`, `event` and `data` lines, the data carrying the type. */
export function formatStreamFrame(event: StreamEvent): Buffer {
  const data = JSON.stringify({
    id: event.id,
    type: event.type,
    isDrill: event.isDrill,
    createdAt: event.createdAt,
    data: event.data,
  });
  return Buffer.from(`id: ${event.id}\nevent: ${event.type}\ndata: ${data}\n\n`);
}

/** Whether an event is for a connection: drills only to opted-in ones, keys must intersect. */
export function eventReaches(
  event: Pick<StreamEvent, 'keys' | 'isDrill'>,
  keys: ReadonlySet<string>,
  wantsDrills: boolean,
): boolean {
  if (event.isDrill && !wantsDrills) return false;
  return event.keys.length === 0 || event.keys.some((key) => keys.has(key));
}

/**
 * This node's open SSE connections, indexed by targeting key so an event costs one map lookup
 * per event key. Events arrive from the bus (`stream.published`), from this node or another.
 */
export class StreamHub {
  private readonly byKey = new Map<string, Set<StreamConnection>>();
  private readonly all = new Set<StreamConnection>();
  private readonly unsubscribe: () => void;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly now: () => number;
  private readonly maxBufferedBytes: number;
  private readonly maxBlockedMs: number;
  private readonly sliceSize: number;
  private readonly beatSlots: Array<Set<StreamConnection>>;
  private beatTick = 0;
  private added = 0;
  /** Connections with frames in their outbox, in the order they got their oldest one. */
  private readonly waiting = new Set<StreamConnection>();
  private writing: NodeJS.Immediate | undefined;
  /** Events written by this node since start. */
  deliveredTotal = 0;
  droppedTotal = 0;

  constructor(private readonly options: StreamHubOptions) {
    this.now = options.now ?? Date.now;
    this.maxBufferedBytes = options.maxBufferedBytes ?? 512 * 1024;
    this.maxBlockedMs = options.maxBlockedMs ?? 30_000;
    this.sliceSize = options.sliceSize ?? 1000;
    const slots = options.heartbeatSlots ?? 10;
    this.beatSlots = Array.from({ length: slots }, () => new Set());
    this.unsubscribe = options.bus.subscribe('stream.published', (event) => this.deliver(event));
    this.heartbeat = setInterval(() => this.beat(), (options.heartbeatMs ?? 25_000) / slots);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.all.size;
  }

  /** How many of this node's connections an event with these keys would reach (drills aside). */
  countReached(keys: readonly string[]): number {
    if (keys.length === 0) return this.all.size;
    const reached = new Set<StreamConnection>();
    for (const key of keys)
      for (const connection of this.byKey.get(key) ?? []) reached.add(connection);
    return reached.size;
  }

  /** Registers a connection; live events queue in `pending` until `endReplay`. */
  add(input: {
    response: ServerResponse;
    keys: Iterable<string>;
    wantsDrills: boolean;
    replaying: boolean;
  }): StreamConnection {
    const connection: StreamConnection = {
      response: input.response,
      keys: new Set(input.keys),
      wantsDrills: input.wantsDrills,
      lastEventId: undefined,
      pending: input.replaying ? [] : undefined,
      outbox: [],
      blockedSince: undefined,
      beatSlot: this.added++ % this.beatSlots.length,
    };
    // The hub writes to the socket itself, so the status line and headers must be out first.
    input.response.flushHeaders();
    this.all.add(connection);
    this.beatSlots[connection.beatSlot]!.add(connection);
    for (const key of connection.keys) {
      let set = this.byKey.get(key);
      if (!set) this.byKey.set(key, (set = new Set()));
      set.add(connection);
    }
    input.response.once('close', () => this.remove(connection));
    return connection;
  }

  /** Writes the replayed events, then the live ones that came meanwhile, never one twice. */
  endReplay(connection: StreamConnection, replayed: StreamEvent[]): void {
    const sent = new Set<string>();
    for (const event of replayed) {
      sent.add(event.id);
      this.write(connection, [encodeFrame(formatStreamFrame(event))]);
    }
    const pending = connection.pending ?? [];
    connection.pending = undefined;
    const live = pending.filter(({ id }) => !sent.has(id)).map(({ frame }) => frame);
    if (live.length > 0) this.write(connection, live);
  }

  remove(connection: StreamConnection): void {
    if (!this.all.delete(connection)) return;
    this.waiting.delete(connection);
    // A connection gone mid-fan-out counts as handed its frames, as a closed socket would.
    this.written(connection.outbox.splice(0));
    this.beatSlots[connection.beatSlot]!.delete(connection);
    for (const key of connection.keys) {
      const set = this.byKey.get(key);
      if (!set) continue;
      set.delete(connection);
      if (set.size === 0) this.byKey.delete(key);
    }
  }

  /**
   * Picks the event's connections now and queues the frame in each one's outbox; the outboxes
   * are written in slices, the first at once. When the process falls behind, a connection's
   * queued frames go out in one write: the cost per event shrinks as the load grows, and every
   * connection still gets its events in order.
   */
  deliver(event: StreamEvent): void {
    const frame = encodeFrame(formatStreamFrame(event));
    const delivery: Delivery = { event, reached: 0, unwritten: 0 };
    const offer = (connection: StreamConnection) => {
      if (connection.lastEventId === event.id) return;
      if (event.isDrill && !connection.wantsDrills) return;
      connection.lastEventId = event.id;
      delivery.reached += 1;
      if (connection.pending) {
        connection.pending.push({ id: event.id, frame });
        return;
      }
      connection.outbox.push({ frame, delivery });
      delivery.unwritten += 1;
      this.waiting.add(connection);
    };
    if (event.keys.length === 0) {
      for (const connection of this.all) offer(connection);
    } else {
      for (const key of event.keys) {
        const set = this.byKey.get(key);
        if (set) for (const connection of set) offer(connection);
      }
    }
    if (delivery.unwritten === 0) this.finish(delivery);
    if (!this.writing) this.writeSlice();
  }

  /** Writes the outboxes of one slice of connections, then yields to the event loop if any wait. */
  private writeSlice(): void {
    this.writing = undefined;
    let budget = this.sliceSize;
    for (const connection of this.waiting) {
      if (budget === 0) break;
      budget -= 1;
      this.waiting.delete(connection);
      const entries = connection.outbox.splice(0);
      this.write(
        connection,
        entries.map((entry) => entry.frame),
      );
      this.written(entries);
    }
    if (this.waiting.size > 0) this.writing = setImmediate(() => this.writeSlice());
  }

  private written(entries: Array<{ delivery: Delivery }>): void {
    for (const { delivery } of entries) {
      delivery.unwritten -= 1;
      if (delivery.unwritten === 0) this.finish(delivery);
    }
  }

  private finish({ event, reached }: Delivery): void {
    this.deliveredTotal += reached;
    if (reached === 0) return;
    this.options.onDelivered?.({
      event,
      delivered: reached,
      latencyMs: Math.max(0, this.now() - Date.parse(event.createdAt)),
    });
  }

  /** Ends every connection (the app is closing) and stops listening to the bus. */
  close(): void {
    clearInterval(this.heartbeat);
    if (this.writing) clearImmediate(this.writing);
    this.waiting.clear();
    this.unsubscribe();
    for (const connection of [...this.all]) {
      this.remove(connection);
      connection.response.end();
    }
  }

  /** Beats one slot's connections per tick: a tenth of them every tenth of the period. */
  private beat(): void {
    const slot = this.beatSlots[this.beatTick % this.beatSlots.length]!;
    this.beatTick += 1;
    for (const connection of [...slot])
      if (!connection.pending) this.write(connection, [HEARTBEAT]);
  }

  /** Writes unless the client cannot keep up; a slow client is dropped, not buffered forever. */
  private write(connection: StreamConnection, frames: EncodedFrame[]): void {
    const { response } = connection;
    const socket = directSocket(response);
    if (response.destroyed || socket?.destroyed) return this.remove(connection);
    const pick = (frame: EncodedFrame) =>
      socket && response.chunkedEncoding ? frame.chunked : frame.plain;
    const bytes = frames.length === 1 ? pick(frames[0]!) : Buffer.concat(frames.map(pick));
    const stuck =
      connection.blockedSince !== undefined &&
      this.now() - connection.blockedSince > this.maxBlockedMs;
    if (stuck || response.writableLength + bytes.length > this.maxBufferedBytes) {
      this.droppedTotal += 1;
      this.remove(connection);
      response.destroy();
      return;
    }
    const target = socket ?? response;
    if (!target.write(bytes) && connection.blockedSince === undefined) {
      connection.blockedSince = this.now();
      target.once('drain', () => {
        connection.blockedSince = undefined;
      });
    }
  }
}

/**
 * The socket under a response whose headers are out and which buffers nothing itself: writing
 * there skips Node's per-write HTTP work (chunk framing is already in the encoded frame).
 * Otherwise (no socket yet, output queued in the response) undefined, and the response writes.
 */
function directSocket(response: ServerResponse): Socket | undefined {
  const socket = response.socket;
  if (!socket || response.writableLength !== socket.writableLength) return undefined;
  return socket;
}
