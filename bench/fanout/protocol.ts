/** Messages between bench/fanout.ts and its server and client processes. */

export type ServerKind = 'siaga' | 'baseline';

export type ToServer = { type: 'memory' } | { type: 'publish'; areas: string[] } | { type: 'stop' };

export type FromServer =
  | { type: 'ready'; port: number }
  | { type: 'memory'; rss: number; heapUsed: number; connections: number }
  | { type: 'published'; at: number };

export type ToClients =
  | { type: 'connect'; port: number; first: number; count: number }
  | { type: 'expect'; deadlineMs: number }
  | { type: 'stop' };

export type FromClients =
  | { type: 'connected'; ok: number; failed: number }
  | {
      type: 'result';
      /** Receive times (ms since the epoch, sub-ms) of the clients that should get it. */
      received: number[];
      expected: number;
      /** Clients that got the event though none of their areas was targeted. */
      unexpected: number;
    };

export const AREA_COUNT = 200;
export const TARGETED_AREAS = 10;

/** 200 village codes in two districts of Jakarta Pusat. */
export function areaCode(index: number): string {
  const district = String(1 + Math.floor(index / 100)).padStart(2, '0');
  return `31.71.${district}.${1001 + (index % 100)}`;
}

/** Wall-clock time with sub-millisecond precision, comparable across processes. */
export const preciseNow = (): number => performance.timeOrigin + performance.now();
