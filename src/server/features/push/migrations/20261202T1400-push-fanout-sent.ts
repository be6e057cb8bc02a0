import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  // Which subscriptions a fan-out has finished with, so a re-run after a dead node skips them.
  await db.schema
    .createTable('push_fanout_sent')
    .addColumn('fanoutId', 'text', (c) => c.notNull())
    .addColumn('subscriptionId', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('push_fanout_sent_pk', ['fanoutId', 'subscriptionId'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('push_fanout_sent').execute();
}
