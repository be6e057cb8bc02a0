import type { AppContext } from '../../context.js';
import { indonesianAnalyser } from '../../text/analyser.js';
import { ClaimMatcher, type MatchableClarification } from './claim-matcher.js';
import { findClarificationById, listAllPublishedClarifications } from './factcheck.repository.js';
import type { ClarificationRow } from './factcheck.table.js';

/** This node's matcher: built from the database at start, kept current through the bus. */
export interface ClarificationIndex {
  matcher(): Promise<ClaimMatcher>;
  close(): void;
}

export function toMatchable(row: ClarificationRow): MatchableClarification {
  return {
    id: row.id,
    title: row.title,
    claim: row.claim,
    examples: JSON.parse(row.examples) as string[],
  };
}

export function openClarificationIndex(ctx: AppContext): ClarificationIndex {
  const matcher = new ClaimMatcher(indonesianAnalyser());
  let loading: Promise<ClaimMatcher> | undefined;
  const ready = () =>
    (loading ??= (async () => {
      for (const row of await listAllPublishedClarifications(ctx.db)) matcher.put(toMatchable(row));
      return matcher;
    })());
  // Whatever the event (published, corrected, withdrawn), the row as it now stands decides.
  const refresh = async (id: string) => {
    await ready();
    const row = await findClarificationById(ctx.db, id);
    if (row?.status === 'published') matcher.put(toMatchable(row));
    else matcher.remove(id);
  };
  const unsubscribe = ctx.bus.subscribe('factcheck.changed', ({ clarificationId }) => {
    refresh(clarificationId).catch((err: unknown) =>
      ctx.log.error({ err, clarificationId }, 'factcheck index refresh failed'),
    );
  });
  return { matcher: ready, close: unsubscribe };
}
