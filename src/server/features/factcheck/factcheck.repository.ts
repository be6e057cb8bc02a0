import type { PublishedCursor } from '../../db/published-cursor.js';
import type { Db } from '../../db/database.js';
import type { ClarificationImageRow, ClarificationRow } from './factcheck.table.js';

export async function insertClarification(db: Db, row: ClarificationRow): Promise<void> {
  await db.insertInto('clarification').values(row).execute();
}

export function findClarificationById(db: Db, id: string): Promise<ClarificationRow | undefined> {
  return db.selectFrom('clarification').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findClarificationsByIds(
  db: Db,
  ids: readonly string[],
): Promise<ClarificationRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('clarification')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
}

/** Published clarifications, newest first, after the keyset `(publishedAt, id)` if given. */
export function listPublishedClarifications(
  db: Db,
  options: { after?: PublishedCursor; limit: number },
): Promise<ClarificationRow[]> {
  let query = db
    .selectFrom('clarification')
    .selectAll()
    .where('status', '=', 'published')
    .orderBy('publishedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit);
  const after = options.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('publishedAt', '<', after.publishedAt),
        eb.and([eb('publishedAt', '=', after.publishedAt), eb('id', '<', after.id)]),
      ]),
    );
  }
  return query.execute();
}

export function listAllPublishedClarifications(db: Db): Promise<ClarificationRow[]> {
  return db.selectFrom('clarification').selectAll().where('status', '=', 'published').execute();
}

export async function insertClarificationImage(db: Db, row: ClarificationImageRow): Promise<void> {
  await db.insertInto('clarification_image').values(row).execute();
}

export function listClarificationImages(
  db: Db,
  clarificationIds?: readonly string[],
): Promise<ClarificationImageRow[]> {
  let query = db.selectFrom('clarification_image').selectAll().orderBy('createdAt');
  if (clarificationIds) {
    if (clarificationIds.length === 0) return Promise.resolve([]);
    query = query.where('clarificationId', 'in', clarificationIds);
  }
  return query.execute();
}
