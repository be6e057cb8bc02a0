import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('ownerType', 'text')
    .addColumn('ownerId', 'text')
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('media_owner_idx')
    .on('media')
    .columns(['ownerType', 'ownerId'])
    .execute();
  await db.schema
    .createTable('media_variant')
    .addColumn('mediaId', 'text', (c) => c.notNull().references('media.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('media_variant_pk', ['mediaId', 'key'])
    .execute();
  // Serving and the orphan sweep look files up by key.
  await db.schema.createIndex('media_variant_key_idx').on('media_variant').column('key').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('media_variant').execute();
  await db.schema.dropTable('media').execute();
}
