import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('clarification_document')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clarificationId', 'text', (c) => c.notNull().references('clarification.id'))
    .addColumn('mediaId', 'text', (c) => c.notNull().references('media.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('createdBy', 'text', (c) => c.notNull().references('account.id'))
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('clarification_document_clarification_idx')
    .on('clarification_document')
    .columns(['clarificationId', 'createdAt'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('clarification_document').execute();
}
