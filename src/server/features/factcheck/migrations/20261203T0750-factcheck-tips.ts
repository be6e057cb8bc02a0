import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('factcheck_tip_group')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stationId', 'text', (c) => c.notNull().references('station.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('tipCount', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('clarificationId', 'text', (c) => c.references('clarification.id'))
    .addColumn('firstAt', 'text', (c) => c.notNull())
    .addColumn('lastAt', 'text', (c) => c.notNull())
    .addColumn('answeredAt', 'text')
    .execute();
  await db.schema
    .createIndex('factcheck_tip_group_queue_idx')
    .on('factcheck_tip_group')
    .columns(['stationId', 'status', 'tipCount'])
    .execute();
  await db.schema
    .createTable('factcheck_tip')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('groupId', 'text', (c) => c.notNull().references('factcheck_tip_group.id'))
    .addColumn('stationId', 'text', (c) => c.notNull().references('station.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('mediaId', 'text', (c) => c.references('media.id'))
    .addColumn('accountId', 'text', (c) => c.references('account.id'))
    .addColumn('trackingCode', 'text', (c) => c.notNull().unique())
    .addColumn('secretHash', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('factcheck_tip_group_idx')
    .on('factcheck_tip')
    .columns(['groupId', 'createdAt'])
    .execute();
  await db.schema
    .alterTable('clarification')
    .addColumn('tipGroupId', 'text', (c) => c.references('factcheck_tip_group.id'))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('clarification').dropColumn('tipGroupId').execute();
  await db.schema.dropTable('factcheck_tip').execute();
  await db.schema.dropTable('factcheck_tip_group').execute();
}
