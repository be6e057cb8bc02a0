import { sql } from 'kysely';
import type { Db, Dialect } from '../db/database.js';
import type { NewStreamEventRow, StreamEventRow } from './stream.table.js';

/** Any constant: the key of PostgreSQL's advisory lock that orders stream event ids. */
const STREAM_ORDER_LOCK = 7_411_026_015;

/**
 * Takes the transaction-scoped lock every publisher of a stream event takes, and returns the
 * greatest id stored, as seen under that lock. PostgreSQL: an advisory lock held until commit.
 * SQLite: a write statement (it changes no row) takes the database's single write lock, which
 * a deferred transaction otherwise takes only at its first write.
 */
export async function lockStreamOrder(db: Db, dialect: Dialect): Promise<string | undefined> {
  if (dialect === 'postgres')
    await sql`select pg_advisory_xact_lock(${STREAM_ORDER_LOCK})`.execute(db);
  else await sql`update stream_event set id = id where 0`.execute(db);
  const row = await db
    .selectFrom('stream_event')
    .select((eb) => eb.fn.max('id').as('greatest'))
    .executeTakeFirst();
  return row?.greatest ?? undefined;
}

export async function insertStreamEvent(db: Db, row: NewStreamEventRow): Promise<void> {
  await db.insertInto('stream_event').values(row).execute();
}

/** Events newer than `afterId` (UUIDv7 ids sort by time) and not older than `since`, oldest first. */
export async function listStreamEventsAfter(
  db: Db,
  input: { afterId: string; since: string; limit: number },
): Promise<StreamEventRow[]> {
  return db
    .selectFrom('stream_event')
    .selectAll()
    .where('id', '>', input.afterId)
    .where('createdAt', '>=', input.since)
    .orderBy('id')
    .limit(input.limit)
    .execute();
}
