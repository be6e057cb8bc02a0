import type { AppContext } from '../context.js';
import type { Database } from '../db/database.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { newId } from '../ids.js';
import type { JobName, JobPayloads, Jobs } from './queue.js';
import {
  claimDueJobs,
  completeJob,
  failJob,
  insertJob,
  renewJobLease,
  rescheduleJob,
} from './jobs.repository.js';

export interface Backoff {
  /** Delay before the first retry; each later retry doubles it. */
  baseMs: number;
  maxMs: number;
}

export interface JobDefinition<N extends JobName = JobName> {
  name: N;
  /** Runs in total, the first included. */
  attempts: number;
  backoff: Backoff;
  /**
   * Must be idempotent: a job whose worker died mid-run is run again. `lost` is aborted when
   * this worker's lease was taken over (it stalled past it): stop, another worker runs the job.
   */
  run(ctx: AppContext, payload: JobPayloads[N], lost: AbortSignal): Promise<void>;
}

export function defineJob<N extends JobName>(definition: JobDefinition<N>): JobDefinition<N> {
  return definition;
}

export interface JobsOptions {
  database: Database;
  clock: Clock;
  log: Logger;
  definitions: readonly JobDefinition[];
  /** The context handed to job handlers (built after the job runner). */
  context: () => AppContext;
  pollIntervalMs?: number;
  /**
   * A claimed job whose lease is not renewed for this long is claimed again (its worker is
   * presumed dead); a running job renews it every third of it, so it can be short.
   */
  leaseMs?: number;
  batchSize?: number;
  /** False: `start` runs nothing, another process of the node runs the jobs (enqueue still works). */
  runner?: boolean;
}

/** How long a dead node's job waits before another claims it (SIAGA_JOB_LEASE_SECONDS). */
export const DEFAULT_JOB_LEASE_MS = 30_000;

export function retryDelayMs(backoff: Backoff, attemptsMade: number): number {
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attemptsMade - 1));
}

export function createJobs(options: JobsOptions): Jobs {
  const { database, clock, log } = options;
  const registry = new Map<string, JobDefinition>(options.definitions.map((d) => [d.name, d]));
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const leaseMs = options.leaseMs ?? DEFAULT_JOB_LEASE_MS;
  const batchSize = options.batchSize ?? 10;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let current: Promise<number> | undefined;
  let wakeRequested = false;

  async function runOne(job: {
    id: string;
    name: string;
    payload: string;
    attempts: number;
    maxAttempts: number;
  }) {
    const definition = registry.get(job.name);
    const now = () => clock.now().toISOString();
    if (!definition) {
      await failJob(database.db, job, `no job named ${job.name}`, now());
      return;
    }
    const lost = new AbortController();
    const heartbeat = setInterval(() => {
      const at = clock.now();
      renewJobLease(database.db, job, {
        lockedUntil: new Date(at.getTime() + leaseMs).toISOString(),
        now: at.toISOString(),
      }).then(
        (renewed) => {
          if (renewed) return;
          log.warn({ job: job.name, jobId: job.id }, 'job lease taken over, stopping this run');
          clearInterval(heartbeat);
          lost.abort();
        },
        (err: unknown) => log.warn({ err, jobId: job.id }, 'job lease renewal failed'),
      );
    }, leaseMs / 3);
    heartbeat.unref();
    try {
      // The payload was written by enqueue for this very name.
      await definition.run(options.context(), JSON.parse(job.payload) as never, lost.signal);
      clearInterval(heartbeat);
      await completeJob(database.db, job, now());
    } catch (err) {
      clearInterval(heartbeat);
      if (lost.signal.aborted) return;
      const message = err instanceof Error ? err.message : String(err);
      if (job.attempts >= job.maxAttempts) {
        log.error({ err, job: job.name, jobId: job.id }, 'job failed for good');
        await failJob(database.db, job, message, now());
        return;
      }
      const runAt = new Date(
        clock.now().getTime() + retryDelayMs(definition.backoff, job.attempts),
      );
      log.warn({ err, job: job.name, jobId: job.id, runAt }, 'job failed, will retry');
      await rescheduleJob(database.db, job, message, runAt.toISOString(), now());
    }
  }

  async function drain(): Promise<number> {
    let count = 0;
    for (;;) {
      const now = clock.now();
      const claimed = await claimDueJobs(database, {
        now: now.toISOString(),
        lockedUntil: new Date(now.getTime() + leaseMs).toISOString(),
        limit: batchSize,
      });
      if (claimed.length === 0) return count;
      await Promise.all(claimed.map(runOne));
      count += claimed.length;
    }
  }

  /** One drain at a time per node; a wake during a drain runs another right after. */
  function runDueJobs(): Promise<number> {
    if (current) {
      wakeRequested = true;
      return current;
    }
    current = drain().finally(() => {
      current = undefined;
      if (wakeRequested) {
        wakeRequested = false;
        if (running) schedule(0);
      }
    });
    return current;
  }

  function schedule(delayMs: number) {
    if (!running) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      runDueJobs()
        .catch((err: unknown) => log.error({ err }, 'job worker loop failed'))
        .finally(() => schedule(pollIntervalMs));
    }, delayMs);
    timer.unref();
  }

  return {
    async enqueue(tx, name, payload, enqueueOptions = {}) {
      const definition = registry.get(name);
      if (!definition) throw new Error(`No job named ${name} is defined`);
      const now = clock.now();
      const id = newId(now.getTime());
      const runAt = enqueueOptions.runAt ?? now;
      await insertJob(tx.db, {
        id,
        name,
        payload: JSON.stringify(payload),
        status: 'queued',
        runAt: runAt.toISOString(),
        attempts: 0,
        maxAttempts: definition.attempts,
        lockedUntil: null,
        lastError: null,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      });
      // Start due work at once on this node instead of waiting for the next poll.
      if (runAt.getTime() <= now.getTime()) tx.onCommit(() => schedule(0));
      return id;
    },
    runDueJobs,
    start() {
      if (running || options.runner === false) return;
      running = true;
      schedule(0);
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      await current;
    },
  };
}
