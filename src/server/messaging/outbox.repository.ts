import type { Db } from '../db/database.js';

/** The local outbox, newest first (read by the development console and the tests). */
export async function listOutboxMessages(db: Db, filter: { to?: string; limit: number }) {
  let query = db
    .selectFrom('outbox_message')
    .selectAll()
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit);
  if (filter.to !== undefined) query = query.where('recipient', '=', filter.to);
  return query.execute();
}

/** Erases what was sent to these addresses (the person asked for their data to go). */
export async function deleteOutboxMessagesTo(db: Db, recipients: string[]): Promise<void> {
  if (recipients.length === 0) return;
  await db.deleteFrom('outbox_message').where('recipient', 'in', recipients).execute();
}
