import type { FactcheckCheckResult } from '../../../common/api/factcheck.js';
import type { AppContext } from '../../context.js';
import { addClarificationChecks } from './factcheck.repository.js';

const FLUSH_EVERY_MS = 5000;
const WIB_OFFSET_MS = 7 * 3600_000;

/** The Monday (in WIB) of the week a moment falls in, as `YYYY-MM-DD`. */
export function weekOf(moment: Date): string {
  const local = new Date(moment.getTime() + WIB_OFFSET_MS);
  local.setUTCDate(local.getUTCDate() - ((local.getUTCDay() + 6) % 7));
  return local.toISOString().slice(0, 10);
}

export interface CheckCounter {
  /** Counts a check whose best answer was confident; hands the result back unchanged. */
  countAnswer(result: FactcheckCheckResult): FactcheckCheckResult;
  /** Writes what this node counted so far (the list reads after it). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/**
 * "Paling banyak dicek": counts per clarification and week, held in memory and added to the
 * database every few seconds, so a viral hoax does not make every check write the same row. Only
 * the clarification and the week are kept: nothing that could tell who checked, or when.
 */
export function openCheckCounter(ctx: AppContext): CheckCounter {
  let pending = new Map<string, Map<string, number>>();
  let writing = Promise.resolve();
  const flush = () => {
    const batch = pending;
    pending = new Map();
    writing = writing.then(async () => {
      for (const [week, counts] of batch) {
        await addClarificationChecks(ctx.db, week, counts).catch((err: unknown) =>
          ctx.log.error({ err, week }, 'factcheck check counts not written'),
        );
      }
    });
    return writing;
  };
  const timer = setInterval(() => void flush(), FLUSH_EVERY_MS);
  timer.unref();
  return {
    countAnswer(result) {
      const best = result.candidates[0];
      if (best?.confident) {
        const week = weekOf(ctx.clock.now());
        const counts = pending.get(week) ?? new Map<string, number>();
        counts.set(best.clarificationId, (counts.get(best.clarificationId) ?? 0) + 1);
        pending.set(week, counts);
      }
      return result;
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}
