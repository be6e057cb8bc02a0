import { sql, type Kysely } from 'kysely';

const RENAMED_STATUSES: Array<[string, string]> = [
  ['received', 'diterima'],
  ['in_review', 'diverifikasi'],
  ['resolved', 'selesai'],
  ['rejected', 'ditolak'],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  for (const column of [
    db.schema.alterTable('report').addColumn('secretHash', 'text'),
    db.schema.alterTable('report').addColumn('idempotencyKey', 'text'),
    db.schema.alterTable('report').addColumn('accuracyM', 'double precision'),
    db.schema.alterTable('report').addColumn('occurredAt', 'text'),
    db.schema
      .alterTable('report')
      .addColumn('assigneeAccountId', 'text', (c) =>
        c.references('account.id').onDelete('set null'),
      ),
    db.schema.alterTable('report').addColumn('rejectionReason', 'text'),
    db.schema.alterTable('report').addColumn('duplicateOfId', 'text'),
    db.schema.alterTable('report').addColumn('resolvedAt', 'text'),
    db.schema.alterTable('report').addColumn('personalDataErasedAt', 'text'),
  ]) {
    await column.execute();
  }
  for (const [from, to] of RENAMED_STATUSES) {
    await db.updateTable('report').set({ status: to }).where('status', '=', from).execute();
  }
  await sql`update report set "resolvedAt" = "updatedAt" where status = 'selesai'`.execute(db);
  // A retry of the same submission finds the report it made; the database keeps it single.
  await db.schema
    .createIndex('report_idempotency_uq')
    .on('report')
    .column('idempotencyKey')
    .unique()
    .execute();
  await db.schema
    .createIndex('report_category_created_idx')
    .on('report')
    .columns(['category', 'createdAt'])
    .execute();

  await db.schema
    .createTable('report_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reportId', 'text', (c) => c.notNull().references('report.id').onDelete('cascade'))
    // status | reply | note | message
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text')
    .addColumn('body', 'text')
    // Officers only: a reporter's message names nobody.
    .addColumn('authorAccountId', 'text', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('authorName', 'text')
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_event_report_idx')
    .on('report_event')
    .columns(['reportId', 'createdAt'])
    .execute();

  await db.schema
    .createTable('report_photo')
    .addColumn('reportId', 'text', (c) => c.notNull().references('report.id').onDelete('cascade'))
    .addColumn('mediaId', 'text', (c) => c.notNull().references('media.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_photo_pk', ['reportId', 'mediaId'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_photo').execute();
  await db.schema.dropTable('report_event').execute();
  await db.schema.dropIndex('report_category_created_idx').execute();
  await db.schema.dropIndex('report_idempotency_uq').execute();
  for (const column of [
    'personalDataErasedAt',
    'resolvedAt',
    'duplicateOfId',
    'rejectionReason',
    'assigneeAccountId',
    'occurredAt',
    'accuracyM',
    'idempotencyKey',
    'secretHash',
  ]) {
    await db.schema.alterTable('report').dropColumn(column).execute();
  }
  for (const [from, to] of RENAMED_STATUSES) {
    await db.updateTable('report').set({ status: from }).where('status', '=', to).execute();
  }
}
