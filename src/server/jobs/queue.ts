import type { Tx } from '../db/database.js';

/**
 * Every job's payload, by name (`noun.verb-past`). The owning feature adds its own by
 * declaration merging (`declare module '…/jobs/queue.js'`) and lists its definition in its
 * module; a payload is plain JSON, since it is stored in the `job` table.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the features
export interface JobPayloads {}
export type JobName = keyof JobPayloads;

export interface EnqueueOptions {
  runAt?: Date;
}

/** The background work of a node: enqueue in a transaction, claimed and run by any node. */
export interface Jobs {
  enqueue<N extends JobName>(
    tx: Tx,
    name: N,
    payload: JobPayloads[N],
    options?: EnqueueOptions,
  ): Promise<string>;
  /** Runs every job due now (and any it makes due now) to completion: tests drain with it. */
  runDueJobs(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}
