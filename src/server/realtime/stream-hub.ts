import type { ServerResponse } from 'node:http';
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
  pending: Array<{ id: string; frame: Buffer }> | undefined;
  /** When the socket buffer last stopped accepting writes; undefined while it drains freely. */
  blockedSince: number | undefined;
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
  onDelivered?: (report: DeliveryReport) => void;
}

const HEARTBEAT = Buffer.from(':\n\n');

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
  /** Events written by this node since start. */
  deliveredTotal = 0;
  droppedTotal = 0;

  constructor(private readonly options: StreamHubOptions) {
    this.now = options.now ?? Date.now;
    this.maxBufferedBytes = options.maxBufferedBytes ?? 512 * 1024;
    this.maxBlockedMs = options.maxBlockedMs ?? 30_000;
    this.unsubscribe = options.bus.subscribe('stream.published', (event) => this.deliver(event));
    this.heartbeat = setInterval(() => this.beat(), options.heartbeatMs ?? 25_000);
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
      blockedSince: undefined,
    };
    this.all.add(connection);
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
      this.write(connection, formatStreamFrame(event));
    }
    const pending = connection.pending ?? [];
    connection.pending = undefined;
    for (const { id, frame } of pending) if (!sent.has(id)) this.write(connection, frame);
  }

  remove(connection: StreamConnection): void {
    if (!this.all.delete(connection)) return;
    for (const key of connection.keys) {
      const set = this.byKey.get(key);
      if (!set) continue;
      set.delete(connection);
      if (set.size === 0) this.byKey.delete(key);
    }
  }

  deliver(event: StreamEvent): void {
    const frame = formatStreamFrame(event);
    let delivered = 0;
    const offer = (connection: StreamConnection) => {
      if (connection.lastEventId === event.id) return;
      if (event.isDrill && !connection.wantsDrills) return;
      connection.lastEventId = event.id;
      delivered += 1;
      if (connection.pending) connection.pending.push({ id: event.id, frame });
      else this.write(connection, frame);
    };
    if (event.keys.length === 0) {
      for (const connection of this.all) offer(connection);
    } else {
      for (const key of event.keys) {
        const set = this.byKey.get(key);
        if (set) for (const connection of set) offer(connection);
      }
    }
    this.deliveredTotal += delivered;
    if (delivered > 0) {
      this.options.onDelivered?.({
        event,
        delivered,
        latencyMs: Math.max(0, this.now() - Date.parse(event.createdAt)),
      });
    }
  }

  /** Ends every connection (the app is closing) and stops listening to the bus. */
  close(): void {
    clearInterval(this.heartbeat);
    this.unsubscribe();
    for (const connection of [...this.all]) {
      this.remove(connection);
      connection.response.end();
    }
  }

  private beat(): void {
    for (const connection of [...this.all])
      if (!connection.pending) this.write(connection, HEARTBEAT);
  }

  /** Writes unless the client cannot keep up; a slow client is dropped, not buffered forever. */
  private write(connection: StreamConnection, frame: Buffer): void {
    const { response } = connection;
    if (response.destroyed) return this.remove(connection);
    const stuck =
      connection.blockedSince !== undefined &&
      this.now() - connection.blockedSince > this.maxBlockedMs;
    if (stuck || response.writableLength + frame.length > this.maxBufferedBytes) {
      this.droppedTotal += 1;
      this.remove(connection);
      response.destroy();
      return;
    }
    if (!response.write(frame) && connection.blockedSince === undefined) {
      connection.blockedSince = this.now();
      response.once('drain', () => {
        connection.blockedSince = undefined;
      });
    }
  }
}
