/** Messages between bench/fanout.ts and its server and client processes. */

/**
 * `siaga`: the real app, alerts issued through `POST /api/alerts`. `http`: a bare node:http
 * server calling `response.write` per client. `raw`: the same, writing one pre-encoded HTTP
 * chunk straight to each socket — the least a Node process can do per subscriber.
 */
export type ServerKind = 'siaga' | 'http' | 'raw';
export const SERVER_KINDS: readonly ServerKind[] = ['siaga', 'http', 'raw'];

export type ToServer =
  { type: 'memory' } | { type: 'cpu' } | { type: 'publish'; warmUp: boolean } | { type: 'stop' };

export type FromServer =
  | { type: 'ready'; port: number }
  | { type: 'memory'; rss: number; heapUsed: number; connections: number }
  | { type: 'cpu'; userMicros: number; systemMicros: number }
  /** `at`: when the officer's request left (siaga) or the write loop began; `busAt`: the bus publish. */
  | { type: 'published'; at: number; busAt: number; frameBytes: number };

export type ToClients =
  | { type: 'connect'; port: number; count: number }
  | { type: 'expect'; deadlineMs: number }
  | { type: 'stop' };

export type FromClients =
  | { type: 'connected'; ok: number; failed: number }
  | {
      type: 'result';
      /** Receive times (ms since the epoch, sub-ms) of the clients that got the alert. */
      received: number[];
      expected: number;
    };

/** Every client subscribes to this village and every alert targets it. */
export const TARGET_VILLAGE = '31.74.07.1001';

/** Wall-clock time with sub-millisecond precision, comparable across processes. */
export const preciseNow = (): number => performance.timeOrigin + performance.now();
