import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('push_subscription')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('endpoint', 'text', (c) => c.notNull().unique())
    .addColumn('p256dh', 'text', (c) => c.notNull())
    .addColumn('auth', 'text', (c) => c.notNull())
    .addColumn('accountId', 'text', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('wantsDrills', 'integer', (c) => c.notNull().defaultTo(0))
    // JSON array of alert categories the subscriber muted (severe alerts come through anyway).
    .addColumn('mutedCategories', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('push_subscription_key')
    .addColumn('subscriptionId', 'text', (c) =>
      c.notNull().references('push_subscription.id').onDelete('cascade'),
    )
    .addColumn('key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('push_subscription_key_pk', ['subscriptionId', 'key'])
    .execute();
  await db.schema
    .createIndex('push_subscription_key_key_idx')
    .on('push_subscription_key')
    .columns(['key', 'subscriptionId'])
    .execute();

  await db.schema
    .createTable('delivery_stat')
    .addColumn('sourceType', 'text', (c) => c.notNull())
    .addColumn('sourceId', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    // Stream deliveries are counted by each node; push uses '' (any node may send).
    .addColumn('nodeId', 'text', (c) => c.notNull())
    .addColumn('sent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('delivered', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('opened', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('delivery_stat_pk', ['sourceType', 'sourceId', 'channel', 'nodeId'])
    .execute();

  await db.schema
    .createTable('delivery_latency')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sourceType', 'text', (c) => c.notNull())
    .addColumn('sourceId', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('latencyMs', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('delivery_latency_source_idx')
    .on('delivery_latency')
    .columns(['sourceType', 'sourceId', 'channel'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'delivery_latency',
    'delivery_stat',
    'push_subscription_key',
    'push_subscription',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
