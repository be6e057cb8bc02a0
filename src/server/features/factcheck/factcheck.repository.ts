import type { PublishedCursor } from '../../db/published-cursor.js';
import type { Db } from '../../db/database.js';
import type { Updateable } from 'kysely';
import type {
  ClarificationCorrectionRow,
  ClarificationDocumentRow,
  ClarificationImageRow,
  ClarificationRow,
  ClarificationTable,
} from './factcheck.table.js';

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

/**
 * Published clarifications (of one station if given), newest first, after the keyset
 * `(publishedAt, id)` if given.
 */
export function listPublishedClarifications(
  db: Db,
  options: { after?: PublishedCursor; stationId?: string; limit: number },
): Promise<ClarificationRow[]> {
  let query = db
    .selectFrom('clarification')
    .selectAll()
    .where('status', '=', 'published')
    .orderBy('publishedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit);
  if (options.stationId) query = query.where('stationId', '=', options.stationId);
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

/**
 * Writes an edit only if nobody changed the row since it was read (same `updatedAt`, same
 * status): two editors correcting at once cannot overwrite each other unseen.
 */
export async function updateClarificationIfUnchanged(
  db: Db,
  row: Pick<ClarificationRow, 'id' | 'updatedAt' | 'status'>,
  patch: Updateable<ClarificationTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('clarification')
    .set(patch)
    .where('id', '=', row.id)
    .where('updatedAt', '=', row.updatedAt)
    .where('status', '=', row.status)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function insertClarificationCorrection(
  db: Db,
  row: ClarificationCorrectionRow,
): Promise<void> {
  await db.insertInto('clarification_correction').values(row).execute();
}

export function listCorrectionsOf(
  db: Db,
  clarificationIds: readonly string[],
): Promise<ClarificationCorrectionRow[]> {
  if (clarificationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('clarification_correction')
    .selectAll()
    .where('clarificationId', 'in', [...clarificationIds])
    .orderBy('correctedAt')
    .orderBy('id')
    .execute();
}

/** Adds a node's counted checks of one week; nodes add to the same row. */
export async function addClarificationChecks(
  db: Db,
  week: string,
  counts: ReadonlyMap<string, number>,
): Promise<void> {
  if (counts.size === 0) return;
  await db
    .insertInto('clarification_check_week')
    .values([...counts].map(([clarificationId, checks]) => ({ clarificationId, week, checks })))
    .onConflict((oc) =>
      oc.columns(['clarificationId', 'week']).doUpdateSet((eb) => ({
        checks: eb(eb.ref('clarification_check_week.checks'), '+', eb.ref('excluded.checks')),
      })),
    )
    .execute();
}

/** The most checked published clarifications of a week, most first. */
export function listMostCheckedRows(
  db: Db,
  week: string,
  limit: number,
): Promise<Array<ClarificationRow & { checks: number }>> {
  return db
    .selectFrom('clarification_check_week as w')
    .innerJoin('clarification as c', 'c.id', 'w.clarificationId')
    .selectAll('c')
    .select('w.checks')
    .where('w.week', '=', week)
    .where('c.status', '=', 'published')
    .orderBy('w.checks', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();
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

export async function insertClarificationDocument(
  db: Db,
  row: ClarificationDocumentRow,
): Promise<void> {
  await db.insertInto('clarification_document').values(row).execute();
}

export function listClarificationDocuments(
  db: Db,
  clarificationIds: readonly string[],
): Promise<ClarificationDocumentRow[]> {
  if (clarificationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('clarification_document')
    .selectAll()
    .where('clarificationId', 'in', [...clarificationIds])
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

export async function countClarificationDocuments(
  db: Db,
  clarificationId: string,
): Promise<number> {
  const row = await db
    .selectFrom('clarification_document')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('clarificationId', '=', clarificationId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export function deleteClarificationDocument(
  db: Db,
  clarificationId: string,
  documentId: string,
): Promise<ClarificationDocumentRow | undefined> {
  return db
    .deleteFrom('clarification_document')
    .where('id', '=', documentId)
    .where('clarificationId', '=', clarificationId)
    .returningAll()
    .executeTakeFirst();
}
