import cluster, { type Worker } from 'node:cluster';
import os from 'node:os';
import type { Config } from './config.js';
import type { ContextOptions } from './context.js';
import type { Logger } from './logger.js';
import { createClusterBus, relayClusterBus } from './realtime/cluster-bus.js';

/** Which worker of `serve --workers N` a process is (0 … N−1), from the primary. */
const WORKER_INDEX = 'SIAGA_WORKER_INDEX';
/** A worker that died is started again after this, so a crash loop does not spin. */
const RESTART_DELAY_MS = 1000;

export function defaultWorkerCount(): number {
  return os.availableParallelism();
}

/**
 * The context of one worker process: an ordinary bus subscriber (Redis when configured, else
 * the primary's IPC relay), running the job worker unless the database wants one writer of
 * jobs per node (SQLite: worker 0 only).
 */
export function workerContextOptions(config: Config): ContextOptions {
  const index = Number(process.env[WORKER_INDEX] ?? 0);
  return {
    ...(config.redisUrl ? {} : { bus: createClusterBus() }),
    runsJobs: config.databaseUrl !== undefined || index === 0,
  };
}

/**
 * The primary of `serve --workers N`: forks N workers that share its listening port (Node's
 * cluster hands each new connection to the next worker), relays their bus events, starts a
 * worker again if it dies, and on SIGTERM/SIGINT stops them all before it exits. Resolves once
 * every worker listens.
 */
export function runClusterPrimary(count: number, log: Logger): Promise<void> {
  relayClusterBus();
  const indexOf = new Map<Worker, number>();
  const listening = new Set<number>();
  const allListening = new Promise<void>((resolve) => {
    cluster.on('listening', (worker) => {
      listening.add(indexOf.get(worker) ?? 0);
      if (listening.size === count) resolve();
    });
  });
  let stopping = false;
  const fork = (index: number) => {
    const worker = cluster.fork({ [WORKER_INDEX]: String(index) });
    indexOf.set(worker, index);
  };
  for (let index = 0; index < count; index += 1) fork(index);
  cluster.on('exit', (worker, code, signal) => {
    const index = indexOf.get(worker) ?? 0;
    indexOf.delete(worker);
    if (stopping) {
      if (indexOf.size === 0) process.exit(0);
      return;
    }
    log.error({ worker: index, code, signal }, 'worker process died, starting it again');
    setTimeout(() => fork(index), RESTART_DELAY_MS).unref();
  });
  for (const name of ['SIGTERM', 'SIGINT'] as const) {
    process.once(name, () => {
      stopping = true;
      log.info({ workers: indexOf.size }, 'stopping the worker processes');
      if (indexOf.size === 0) process.exit(0);
      for (const worker of indexOf.keys()) worker.process.kill('SIGTERM');
    });
  }
  return allListening;
}

export const isClusterWorker = () => cluster.isWorker;
