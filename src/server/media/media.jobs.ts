import type { AppContext } from '../context.js';
import { transaction } from '../db/database.js';
import { defineJob } from '../jobs/jobs.js';
import { hasQueuedJob } from '../jobs/jobs.repository.js';

const SWEEP_INTERVAL_MS = 60 * 60_000;

// A JSON object with nothing in it: the sweep needs no input.
export type MediaSweepPayload = Record<string, never>;

declare module '../jobs/queue.js' {
  interface JobPayloads {
    'media.swept': MediaSweepPayload;
  }
}

/** Queues the next sweep unless one is queued already (so concurrent chains fold into one). */
export async function scheduleMediaSweep(ctx: AppContext): Promise<void> {
  if (await hasQueuedJob(ctx.db, 'media.swept')) return;
  const runAt = new Date(ctx.clock.now().getTime() + SWEEP_INTERVAL_MS);
  await transaction(ctx.db, (tx) => ctx.jobs.enqueue(tx, 'media.swept', {}, { runAt }));
}

/** Hourly: removes stored files no row references, once they are older than the grace period. */
export const mediaSweepJob = defineJob({
  name: 'media.swept',
  attempts: 3,
  backoff: { baseMs: 60_000, maxMs: 15 * 60_000 },
  async run(ctx) {
    await ctx.media.sweepOrphans();
    await scheduleMediaSweep(ctx);
  },
});
