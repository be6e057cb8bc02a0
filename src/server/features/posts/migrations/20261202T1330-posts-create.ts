import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('campaign')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stationId', 'text', (c) => c.notNull().references('station.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('themeHtml', 'text', (c) => c.notNull())
    .addColumn('startsOn', 'text', (c) => c.notNull())
    .addColumn('endsOn', 'text', (c) => c.notNull())
    .addColumn('coverMediaId', 'text')
    .addColumn('createdBy', 'text', (c) => c.notNull().references('account.id'))
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('campaign_station_idx')
    .on('campaign')
    .columns(['stationId', 'startsOn'])
    .execute();

  await db.schema
    .createTable('post')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stationId', 'text', (c) => c.notNull().references('station.id'))
    .addColumn('stationPath', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('areas', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('campaignId', 'text', (c) => c.references('campaign.id').onDelete('set null'))
    .addColumn('campaignPosition', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('authorId', 'text', (c) => c.notNull().references('account.id'))
    .addColumn('publishAt', 'text')
    .addColumn('publishedAt', 'text')
    .addColumn('editedAt', 'text')
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .execute();
  // Published posts newest first (the feeds themselves read post_feed).
  await db.schema
    .createIndex('post_feed_idx')
    .on('post')
    .columns(['status', 'publishedAt', 'id'])
    .execute();
  await db.schema
    .createIndex('post_manage_idx')
    .on('post')
    .columns(['stationId', 'status', 'updatedAt'])
    .execute();
  await db.schema
    .createIndex('post_campaign_idx')
    .on('post')
    .columns(['campaignId', 'campaignPosition'])
    .where(sql.ref('campaignId'), 'is not', null)
    .execute();

  await db.schema
    .createTable('post_feed')
    .addColumn('stationId', 'text', (c) => c.notNull())
    .addColumn('publishedAt', 'text', (c) => c.notNull())
    .addColumn('postId', 'text', (c) => c.notNull().references('post.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('post_feed_pk', ['stationId', 'publishedAt', 'postId'])
    .execute();
  await db.schema.createIndex('post_feed_post_idx').on('post_feed').column('postId').execute();

  for (const [table, column] of [
    ['post_tag', 'tag'],
    ['post_area', 'areaCode'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('postId', 'text', (c) => c.notNull().references('post.id').onDelete('cascade'))
      .addColumn(column, 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, [column, 'postId'])
      .execute();
  }

  await db.schema
    .createTable('post_version')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('postId', 'text', (c) => c.notNull().references('post.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('since', 'text', (c) => c.notNull())
    .addColumn('replacedAt', 'text', (c) => c.notNull())
    .addColumn('editedBy', 'text', (c) => c.notNull().references('account.id'))
    .execute();
  await db.schema
    .createIndex('post_version_post_idx')
    .on('post_version')
    .columns(['postId', 'replacedAt'])
    .execute();

  await db.schema
    .createTable('post_image')
    .addColumn('postId', 'text', (c) => c.notNull().references('post.id').onDelete('cascade'))
    .addColumn('mediaId', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('caption', 'text', (c) => c.notNull())
    .addColumn('alt', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('post_image_pk', ['postId', 'mediaId'])
    .execute();

  await db.schema
    .createTable('post_reach')
    .addColumn('postId', 'text', (c) => c.notNull().references('post.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('visitors', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('shares', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('post_reach_pk', ['postId', 'day'])
    .execute();
  await db.schema
    .createTable('post_visitor')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('postId', 'text', (c) => c.notNull().references('post.id').onDelete('cascade'))
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('post_visitor_pk', ['day', 'postId', 'hash'])
    .execute();
  await db.schema
    .createTable('post_reach_salt')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('salt', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'post_reach_salt',
    'post_visitor',
    'post_reach',
    'post_image',
    'post_version',
    'post_area',
    'post_tag',
    'post_feed',
    'post',
    'campaign',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
