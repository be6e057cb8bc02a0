import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('clarification_check_week')
    .addColumn('clarificationId', 'text', (c) => c.notNull().references('clarification.id'))
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('checks', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('clarification_check_week_pk', ['clarificationId', 'week'])
    .execute();
  await db.schema
    .createIndex('clarification_check_week_week_idx')
    .on('clarification_check_week')
    .columns(['week', 'checks'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('clarification_check_week').execute();
}
