import type { Insertable } from 'kysely';
import type { Db } from '../db/database.js';
import type { MediaVariantTable, NewMediaRow } from './media.table.js';

export async function insertMedia(
  db: Db,
  media: NewMediaRow,
  variants: Insertable<MediaVariantTable>[],
): Promise<void> {
  await db.insertInto('media').values(media).execute();
  await db.insertInto('media_variant').values(variants).execute();
}

export async function deleteMediaByIds(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('media').where('id', 'in', ids).execute();
}

export async function listMediaWithVariants(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const [media, variants] = await Promise.all([
    db.selectFrom('media').selectAll().where('id', 'in', ids).execute(),
    db
      .selectFrom('media_variant')
      .selectAll()
      .where('mediaId', 'in', ids)
      .orderBy('width')
      .orderBy('mime')
      .execute(),
  ]);
  return media.map((row) => ({
    ...row,
    variants: variants.filter((variant) => variant.mediaId === row.id),
  }));
}

/** A stored file as one media (or, with mediaId absent, any public media) serves it. */
export async function findServableVariant(
  db: Db,
  key: string,
  scope: { mediaId: string } | { visibility: 'public' },
) {
  let query = db
    .selectFrom('media_variant')
    .innerJoin('media', 'media.id', 'media_variant.mediaId')
    .select(['media_variant.key', 'media_variant.mime', 'media_variant.bytes'])
    .where('media_variant.key', '=', key);
  query =
    'mediaId' in scope
      ? query.where('media.id', '=', scope.mediaId)
      : query.where('media.visibility', '=', scope.visibility);
  return query.limit(1).executeTakeFirst();
}

/** Which of these keys some row still references. */
export async function listReferencedKeys(db: Db, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .selectFrom('media_variant')
    .select('key')
    .distinct()
    .where('key', 'in', keys)
    .execute();
  return new Set(rows.map((row) => row.key));
}
