import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  // One row per station and month that has figures: how they came about and which version.
  await db.schema
    .createTable('crime_month')
    .addColumn('stationId', 'text', (c) => c.notNull().references('station.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('publishedAt', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('crime_month_pk', ['stationId', 'month'])
    .execute();
  // The figures themselves, per station, month and category: what every summary sums.
  await db.schema
    .createTable('crime_figure')
    .addColumn('stationId', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('crimeTotal', 'integer', (c) => c.notNull())
    .addColumn('crimeCleared', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('crime_figure_pk', ['stationId', 'month', 'category'])
    .addForeignKeyConstraint('crime_figure_month_fk', ['stationId', 'month'], 'crime_month', [
      'stationId',
      'month',
    ])
    .execute();
  // Covers every summary (a range of months, all stations or some) without touching the table,
  // in the order they group by.
  await db.schema
    .createIndex('crime_figure_month_idx')
    .on('crime_figure')
    .columns(['month', 'category', 'stationId', 'crimeTotal', 'crimeCleared'])
    .execute();
  await db.schema
    .createTable('crime_correction')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stationId', 'text', (c) => c.notNull().references('station.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    // JSON [{ category, crimeTotal, crimeCleared }] as published before the correction
    .addColumn('previous', 'text', (c) => c.notNull())
    .addColumn('correctedAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('crime_correction_station_idx')
    .on('crime_correction')
    .columns(['stationId', 'month'])
    .execute();
  await db.schema
    .createTable('crime_case')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stationId', 'text', (c) => c.notNull().references('station.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('reportedOn', 'text', (c) => c.notNull())
    .addColumn('areaCode', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('clearedOn', 'text')
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('crime_case_station_idx')
    .on('crime_case')
    .columns(['stationId', 'reportedOn'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('crime_case').execute();
  await db.schema.dropTable('crime_correction').execute();
  await db.schema.dropTable('crime_figure').execute();
  await db.schema.dropTable('crime_month').execute();
}
