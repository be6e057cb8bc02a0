import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('trackingCode', 'text', (c) => c.notNull().unique())
    .addColumn('stationId', 'text', (c) => c.notNull().references('station.id'))
    .addColumn('alertId', 'text', (c) => c.references('alert.id'))
    // No foreign key: the area table is re-imported from official data.
    .addColumn('areaCode', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('category', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('isAnonymous', 'integer', (c) => c.notNull().defaultTo(0))
    // A deleted account leaves its reports behind, no longer linked to anyone.
    .addColumn('reporterAccountId', 'text', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('contact', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .addColumn('firstResponseAt', 'text')
    .execute();
  await db.schema
    .createIndex('report_station_status_idx')
    .on('report')
    .columns(['stationId', 'status', 'createdAt'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report').execute();
}
