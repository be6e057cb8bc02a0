import type { Db } from '../../db/database.js';
import type { TipGroupRow, TipRow, TipStatus } from './tipline.table.js';

/** Groups still waiting for an answer, most recently asked first (what a new tip may join). */
export function listOpenTipGroups(
  db: Db,
  stationId: string,
  limit: number,
): Promise<TipGroupRow[]> {
  return db
    .selectFrom('factcheck_tip_group')
    .selectAll()
    .where('stationId', '=', stationId)
    .where('status', '=', 'open')
    .orderBy('lastAt', 'desc')
    .limit(limit)
    .execute();
}

export function listTipGroups(
  db: Db,
  filter: { stationId: string; status: TipStatus },
  limit: number,
): Promise<TipGroupRow[]> {
  return db
    .selectFrom('factcheck_tip_group')
    .selectAll()
    .where('stationId', '=', filter.stationId)
    .where('status', '=', filter.status)
    .orderBy('tipCount', 'desc')
    .orderBy('lastAt', 'desc')
    .limit(limit)
    .execute();
}

export function findTipGroupById(db: Db, id: string): Promise<TipGroupRow | undefined> {
  return db.selectFrom('factcheck_tip_group').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertTipGroup(db: Db, row: TipGroupRow): Promise<void> {
  await db.insertInto('factcheck_tip_group').values(row).execute();
}

/** One more person asked: counted in the statement, so parallel tips all count. */
export async function addTipToGroup(db: Db, groupId: string, at: string): Promise<void> {
  await db
    .updateTable('factcheck_tip_group')
    .set((eb) => ({ tipCount: eb('tipCount', '+', 1), lastAt: at }))
    .where('id', '=', groupId)
    .execute();
}

export async function answerTipGroupRow(
  db: Db,
  groupId: string,
  clarificationId: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('factcheck_tip_group')
    .set({ status: 'answered', clarificationId, answeredAt: at })
    .where('id', '=', groupId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function insertTip(db: Db, row: TipRow): Promise<void> {
  await db.insertInto('factcheck_tip').values(row).execute();
}

export function findTipByTrackingCode(db: Db, trackingCode: string): Promise<TipRow | undefined> {
  return db
    .selectFrom('factcheck_tip')
    .selectAll()
    .where('trackingCode', '=', trackingCode)
    .executeTakeFirst();
}

export function listTipsOfGroups(db: Db, groupIds: readonly string[]): Promise<TipRow[]> {
  if (groupIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('factcheck_tip')
    .selectAll()
    .where('groupId', 'in', [...groupIds])
    .orderBy('createdAt', 'desc')
    .execute();
}
