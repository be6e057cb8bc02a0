import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('clarification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stationId', 'text', (c) => c.notNull().references('station.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('claim', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('explanationHtml', 'text', (c) => c.notNull())
    .addColumn('sources', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('examples', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('createdBy', 'text', (c) => c.notNull().references('account.id'))
    .addColumn('publishedBy', 'text', (c) => c.references('account.id'))
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .addColumn('publishedAt', 'text')
    .execute();
  await db.schema
    .createIndex('clarification_published_idx')
    .on('clarification')
    .columns(['status', 'publishedAt', 'id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('clarification').execute();
}
