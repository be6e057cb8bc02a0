import type { Db } from '../../db/database.js';
import type { AuditLogRow, NewAuditLogRow } from './audit.table.js';

export async function findLastAuditEntry(db: Db): Promise<AuditLogRow | undefined> {
  return db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

export async function insertAuditEntry(db: Db, row: NewAuditLogRow): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

/** The whole chain in order, a page at a time, for verification. */
export async function listAuditEntriesAfter(
  db: Db,
  afterSeq: number,
  limit: number,
): Promise<AuditLogRow[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq', 'asc')
    .limit(limit)
    .execute();
}

export async function listAuditEntriesOfStations(
  db: Db,
  stationIds: string[],
  page: { beforeSeq?: number; limit: number },
): Promise<AuditLogRow[]> {
  if (stationIds.length === 0) return [];
  let query = db
    .selectFrom('audit_log')
    .selectAll()
    .where('stationId', 'in', stationIds)
    .orderBy('seq', 'desc')
    .limit(page.limit);
  if (page.beforeSeq !== undefined) query = query.where('seq', '<', page.beforeSeq);
  return query.execute();
}

export async function findFirstAuditEntry(db: Db): Promise<AuditLogRow | undefined> {
  return db.selectFrom('audit_log').selectAll().orderBy('seq', 'asc').limit(1).executeTakeFirst();
}

/** Rewrites one entry's links, for re-keying a chain in place. */
export async function updateAuditEntryChain(
  db: Db,
  seq: number,
  chain: { prevHash: string; hash: string },
): Promise<void> {
  await db.updateTable('audit_log').set(chain).where('seq', '=', seq).execute();
}
