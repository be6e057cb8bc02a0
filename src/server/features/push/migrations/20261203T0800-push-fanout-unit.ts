import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  // The parts of a fan-out (its plan, each page job, each retry round): the ledger goes when
  // none is left undone, and a part finished once is never run again.
  await db.schema
    .createTable('push_fanout_unit')
    .addColumn('fanoutId', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('push_fanout_unit_pk', ['fanoutId', 'unit'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('push_fanout_unit').execute();
}
