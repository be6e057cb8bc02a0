import type { Db } from '../db/database.js';
import type { NewStreamEventRow, StreamEventRow } from './stream.table.js';

/** The greatest stored event id; read under the caller's lock, the next id must exceed it. */
export async function greatestStreamEventId(db: Db): Promise<string | undefined> {
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
