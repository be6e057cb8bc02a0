/** Messages between bench/qa.ts and its server and viewer processes. */
export type ServerKind = 'siaga' | 'baseline';

export type ToServer = { type: 'vote'; rate: number; seconds: number } | { type: 'stop' };

export type FromServer =
  | { type: 'ready'; port: number; path: string }
  | {
      type: 'voted';
      /** sentAt[k - 1]: when the vote that made the count k was sent (ms, sub-ms). */
      sentAt: number[];
      cast: number;
      /** The question's count in the database (Siaga) or the counter (baseline). */
      stored: number;
    };

export type ToViewers =
  | { type: 'connect'; port: number; path: string; count: number; sampleEvery: number }
  | { type: 'collect'; sentAt: number[]; waitForVotes: number; deadlineMs: number }
  | { type: 'stop' };

export type FromViewers =
  | { type: 'connected'; ok: number; failed: number }
  | {
      type: 'collected';
      /** Vote-to-visible latencies of the sampled viewers, ms. */
      latencies: number[];
      /** How many viewers ended on the final count. */
      onFinalCount: number;
      viewers: number;
    };
