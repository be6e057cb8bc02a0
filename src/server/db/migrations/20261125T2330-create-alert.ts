import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('alert')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('threadId', 'text', (c) => c.notNull())
    .addColumn('stationId', 'text', (c) => c.notNull().references('station.id'))
    .addColumn('msgType', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('isSuperseded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('certainty', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('instruction', 'text')
    .addColumn('titleEn', 'text')
    .addColumn('bodyEn', 'text')
    .addColumn('instructionEn', 'text')
    .addColumn('describesSuspect', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hasPersonPhoto', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('areaCodes', 'text', (c) => c.notNull())
    .addColumn('keys', 'text', (c) => c.notNull())
    .addColumn('effectiveAt', 'text', (c) => c.notNull())
    .addColumn('expiresAt', 'text', (c) => c.notNull())
    .addColumn('sentAt', 'text')
    .addColumn('authorId', 'text', (c) => c.notNull())
    .addColumn('authorName', 'text', (c) => c.notNull())
    .addColumn('reviewerId', 'text')
    .addColumn('reviewerName', 'text')
    .addColumn('reviewedAt', 'text')
    .addColumn('note', 'text')
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alert_thread_idx').on('alert').column('threadId').execute();
  await db.schema
    .createIndex('alert_station_idx')
    .on('alert')
    .columns(['stationId', 'createdAt'])
    .execute();
  // The active listing: published, not superseded, by expiry.
  await db.schema
    .createIndex('alert_active_idx')
    .on('alert')
    .columns(['state', 'isSuperseded', 'expiresAt'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('alert').execute();
}
