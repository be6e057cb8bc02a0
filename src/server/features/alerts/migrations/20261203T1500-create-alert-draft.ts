import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('alert_draft')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stationId', 'text', (c) => c.notNull().references('station.id'))
    // open | issued | discarded
    .addColumn('state', 'text', (c) => c.notNull())
    // JSON: the alert as it would be issued, without its station
    .addColumn('content', 'text', (c) => c.notNull())
    // What it was drafted from, e.g. `report` (a cluster of reports)
    .addColumn('sourceType', 'text', (c) => c.notNull())
    .addColumn('alertId', 'text', (c) => c.references('alert.id'))
    .addColumn('authorId', 'text', (c) => c.notNull())
    .addColumn('authorName', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('alert_draft_station_state_idx')
    .on('alert_draft')
    .columns(['stationId', 'state', 'createdAt'])
    .execute();
  await db.schema
    .createTable('alert_draft_source')
    .addColumn('draftId', 'text', (c) =>
      c.notNull().references('alert_draft.id').onDelete('cascade'),
    )
    .addColumn('sourceId', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('alert_draft_source_pk', ['draftId', 'sourceId'])
    .execute();
  await db.schema
    .createIndex('alert_draft_source_source_idx')
    .on('alert_draft_source')
    .column('sourceId')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('alert_draft_source').execute();
  await db.schema.dropTable('alert_draft').execute();
}
