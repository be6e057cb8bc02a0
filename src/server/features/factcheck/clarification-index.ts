import type { AppContext } from '../../context.js';
import { indonesianAnalyser } from '../../text/analyser.js';
import { ClaimMatcher, type MatchableClarification } from './claim-matcher.js';
import {
  findClarificationById,
  listAllPublishedClarifications,
  listClarificationImages,
} from './factcheck.repository.js';
import { ImageIndex } from './image-hash.js';
import type { ClarificationRow } from './factcheck.table.js';

/** This node's matcher: built from the database at start, kept current through the bus. */
export interface ClarificationIndex {
  matcher(): Promise<ClaimMatcher>;
  /** The example images' hashes, loaded and kept current with the text index. */
  images(): Promise<ImageIndex>;
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
  const images = new ImageIndex();
  const putImages = (id: string, rows: ReadonlyArray<{ hashes: string }>) =>
    images.put(
      id,
      rows.map((row) => JSON.parse(row.hashes) as string[]),
    );
  let loading: Promise<void> | undefined;
  const ready = () =>
    (loading ??= (async () => {
      const published = await listAllPublishedClarifications(ctx.db);
      for (const row of published) matcher.put(toMatchable(row));
      const ids = new Set(published.map((row) => row.id));
      const byClarification = new Map<string, Array<{ hashes: string }>>();
      for (const image of await listClarificationImages(ctx.db)) {
        if (!ids.has(image.clarificationId)) continue;
        const list = byClarification.get(image.clarificationId) ?? [];
        list.push(image);
        byClarification.set(image.clarificationId, list);
      }
      for (const [id, rows] of byClarification) putImages(id, rows);
    })());
  // Whatever the event (published, corrected, withdrawn), the row as it now stands decides.
  const refresh = async (id: string) => {
    await ready();
    const row = await findClarificationById(ctx.db, id);
    if (row?.status === 'published') {
      matcher.put(toMatchable(row));
      putImages(id, await listClarificationImages(ctx.db, [id]));
    } else {
      matcher.remove(id);
      images.remove(id);
    }
  };
  const unsubscribe = ctx.bus.subscribe('factcheck.changed', ({ clarificationId }) => {
    refresh(clarificationId).catch((err: unknown) =>
      ctx.log.error({ err, clarificationId }, 'factcheck index refresh failed'),
    );
  });
  return {
    matcher: () => ready().then(() => matcher),
    images: () => ready().then(() => images),
    close: unsubscribe,
  };
}
