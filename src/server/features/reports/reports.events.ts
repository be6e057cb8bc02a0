import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';

declare module '../../realtime/bus.js' {
  interface BusEvents {
    /**
     * What the reporter sees of a report changed (status, a public reply, a message): open
     * tracking pages read it anew. Names the report only; the bus never carries its secret.
     */
    'report.tracking-changed': { reportId: string };
  }
}

/** Tells the open tracking pages of the report, once the change has committed. */
export function announceTrackingChange(ctx: AppContext, tx: Tx, reportId: string): void {
  tx.onCommit(() => ctx.bus.publish('report.tracking-changed', { reportId }));
}

/** Calls `handler` on every change of the report's tracking view; returns the unsubscribe. */
export function onTrackingChange(
  ctx: AppContext,
  reportId: string,
  handler: () => void,
): () => void {
  return ctx.bus.subscribe('report.tracking-changed', (event) => {
    if (event.reportId === reportId) handler();
  });
}
