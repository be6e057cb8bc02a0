import type { Db } from '../db/database.js';
import type { NewStreamEventRow, StreamEventRow } from './stream.table.js';

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
