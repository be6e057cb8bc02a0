import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('stream_event')
    // UUIDv7: ordered, so it doubles as the SSE event id for Last-Event-ID replay.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    /** JSON array of targeting keys (see geo/targeting.ts); empty = everyone. */
    .addColumn('keys', 'text', (c) => c.notNull())
    .addColumn('isDrill', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stream_event_created_idx')
    .on('stream_event')
    .column('createdAt')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stream_event').execute();
}
