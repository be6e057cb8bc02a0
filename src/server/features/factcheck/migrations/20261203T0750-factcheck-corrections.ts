import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('clarification').addColumn('withdrawnAt', 'text').execute();
  await db.schema
    .alterTable('clarification')
    .addColumn('withdrawnBy', 'text', (c) => c.references('account.id'))
    .execute();
  await db.schema.alterTable('clarification').addColumn('withdrawnReason', 'text').execute();
  await db.schema
    .createTable('clarification_correction')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clarificationId', 'text', (c) => c.notNull().references('clarification.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('changed', 'text', (c) => c.notNull())
    .addColumn('previous', 'text', (c) => c.notNull())
    .addColumn('correctedBy', 'text', (c) => c.notNull().references('account.id'))
    .addColumn('correctedAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('clarification_correction_clarification_idx')
    .on('clarification_correction')
    .columns(['clarificationId', 'correctedAt'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('clarification_correction').execute();
  for (const column of ['withdrawnReason', 'withdrawnBy', 'withdrawnAt']) {
    await db.schema.alterTable('clarification').dropColumn(column).execute();
  }
}
