import type { AppContext } from '../../context.js';
import { transaction } from '../../db/database.js';
import { defineJob } from '../../jobs/jobs.js';
import { hasQueuedJob } from '../../jobs/jobs.repository.js';
import { eraseExpiredReportData } from './reports.service.js';

const RETENTION_INTERVAL_MS = 24 * 60 * 60_000;

// A JSON object with nothing in it: the job reads the period from the configuration.
export type ReportRetentionPayload = Record<string, never>;

declare module '../../jobs/queue.js' {
  interface JobPayloads {
    'report.retention': ReportRetentionPayload;
  }
}

/** Queues the next daily run unless one is queued already. */
export async function scheduleReportRetention(ctx: AppContext): Promise<void> {
  if (await hasQueuedJob(ctx.db, 'report.retention')) return;
  const runAt = new Date(ctx.clock.now().getTime() + RETENTION_INTERVAL_MS);
  await transaction(ctx.db, (tx) => ctx.jobs.enqueue(tx, 'report.retention', {}, { runAt }));
}

/** Daily: erases the personal data of closed reports past the retention period. */
export const reportRetentionJob = defineJob({
  name: 'report.retention',
  attempts: 3,
  backoff: { baseMs: 60_000, maxMs: 30 * 60_000 },
  async run(ctx) {
    const erased = await eraseExpiredReportData(ctx);
    if (erased > 0) ctx.log.info({ erased }, 'report personal data erased after retention');
    await scheduleReportRetention(ctx);
  },
});
