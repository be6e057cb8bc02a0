import { sql } from 'kysely';
import type { PostKind, PostStatus } from '../../../common/domain/posts.js';
import type { PublishedCursor } from '../../db/published-cursor.js';
import type { Db } from '../../db/database.js';
import type {
  CampaignRow,
  CampaignTable,
  NewPostRow,
  PostImageRow,
  PostRow,
  PostUpdate,
  PostVersionRow,
} from './posts.table.js';

// ---- posts --------------------------------------------------------------------------------------

export async function insertPost(db: Db, row: NewPostRow): Promise<void> {
  await db.insertInto('post').values(row).execute();
}

export function findPostById(db: Db, id: string): Promise<PostRow | undefined> {
  return db.selectFrom('post').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updatePost(db: Db, id: string, changes: PostUpdate): Promise<void> {
  await db.updateTable('post').set(changes).where('id', '=', id).execute();
}

/** Replaces the filterable copies of a post's tags and target areas. */
export async function replacePostFilters(
  db: Db,
  postId: string,
  tags: readonly string[],
  areas: readonly string[],
): Promise<void> {
  await db.deleteFrom('post_tag').where('postId', '=', postId).execute();
  await db.deleteFrom('post_area').where('postId', '=', postId).execute();
  if (tags.length > 0) {
    await db
      .insertInto('post_tag')
      .values(tags.map((tag) => ({ postId, tag })))
      .execute();
  }
  if (areas.length > 0) {
    await db
      .insertInto('post_area')
      .values(areas.map((areaCode) => ({ postId, areaCode })))
      .execute();
  }
}

/** The `post_feed` key of the national feed (no station id is empty). */
export const NATIONAL_FEED = '';

/** Puts a post in the feeds of these stations and the national one (its publication order). */
export async function enterFeeds(
  db: Db,
  post: { id: string; publishedAt: string },
  stationIds: readonly string[],
): Promise<void> {
  await leaveFeeds(db, post.id);
  await db
    .insertInto('post_feed')
    .values(
      [NATIONAL_FEED, ...stationIds].map((stationId) => ({
        stationId,
        publishedAt: post.publishedAt,
        postId: post.id,
      })),
    )
    .execute();
}

export async function leaveFeeds(db: Db, postId: string): Promise<void> {
  await db.deleteFrom('post_feed').where('postId', '=', postId).execute();
}

export interface FeedFilter {
  /** A station's feed (its posts and those of the stations below); national when absent. */
  stationId?: string;
  kind?: PostKind;
  tag?: string;
  campaignId?: string;
  /** Near an area: targeted at it, above it or inside it, or untargeted from these stations. */
  near?: { lineage: string[]; code: string; stationPaths: string[] };
  ids?: readonly string[];
  before?: PublishedCursor;
  limit: number;
}

/** Published posts, newest first (ties by id), one page. */
export function listPublishedPosts(db: Db, filter: FeedFilter): Promise<PostRow[]> {
  if (filter.ids?.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('post_feed')
    .innerJoin('post', 'post.id', 'post_feed.postId')
    .selectAll('post')
    .where('post_feed.stationId', '=', filter.stationId ?? NATIONAL_FEED)
    .where('post.status', '=', 'published');
  if (filter.kind) query = query.where('post.kind', '=', filter.kind);
  if (filter.campaignId) query = query.where('post.campaignId', '=', filter.campaignId);
  if (filter.ids) query = query.where('post.id', 'in', [...filter.ids]);
  const { tag, near, before } = filter;
  if (tag) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('post_tag')
          .select('post_tag.postId')
          .whereRef('post_tag.postId', '=', 'post.id')
          .where('post_tag.tag', '=', tag),
      ),
    );
  }
  if (near) {
    query = query.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('post_area')
            .select('post_area.postId')
            .whereRef('post_area.postId', '=', 'post.id')
            .where((inner) =>
              inner.or([
                inner('post_area.areaCode', 'in', near.lineage),
                inner('post_area.areaCode', 'like', `${near.code}.%`),
              ]),
            ),
        ),
        near.stationPaths.length > 0
          ? eb.and([eb('post.areas', '=', '[]'), eb('post.stationPath', 'in', near.stationPaths)])
          : eb.val(false),
      ]),
    );
  }
  if (before) {
    // A row-value comparison on the feed's key keeps the scan on its index.
    query = query.where((eb) =>
      eb(
        eb.refTuple('post_feed.publishedAt', 'post_feed.postId'),
        '<',
        eb.tuple(before.publishedAt, before.id),
      ),
    );
  }
  return query
    .orderBy('post_feed.publishedAt', 'desc')
    .orderBy('post_feed.postId', 'desc')
    .limit(filter.limit)
    .execute();
}

/** A station's posts in every state but archived (the console), newest change first. */
export function listManagedPosts(
  db: Db,
  stationIds: readonly string[],
  status: PostStatus | undefined,
  limit: number,
): Promise<PostRow[]> {
  if (stationIds.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('post')
    .selectAll()
    .where('stationId', 'in', [...stationIds]);
  query = status ? query.where('status', '=', status) : query.where('status', '!=', 'archived');
  return query.orderBy('updatedAt', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export function listCampaignPosts(db: Db, campaignId: string): Promise<PostRow[]> {
  return db
    .selectFrom('post')
    .selectAll()
    .where('campaignId', '=', campaignId)
    .orderBy('campaignPosition')
    .orderBy('createdAt')
    .execute();
}

export async function nextCampaignPosition(db: Db, campaignId: string): Promise<number> {
  const row = await db
    .selectFrom('post')
    .select((eb) => eb.fn.max('campaignPosition').as('last'))
    .where('campaignId', '=', campaignId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

// ---- versions -----------------------------------------------------------------------------------

export async function insertPostVersion(db: Db, row: PostVersionRow): Promise<void> {
  await db.insertInto('post_version').values(row).execute();
}

export function listPostVersions(db: Db, postId: string): Promise<PostVersionRow[]> {
  return db
    .selectFrom('post_version')
    .selectAll()
    .where('postId', '=', postId)
    .orderBy('replacedAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function countPostVersions(
  db: Db,
  postIds: readonly string[],
): Promise<Map<string, number>> {
  if (postIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('post_version')
    .select(['postId', (eb) => eb.fn.countAll<string | number>().as('count')])
    .where('postId', 'in', [...postIds])
    .groupBy('postId')
    .execute();
  return new Map(rows.map((row) => [row.postId, Number(row.count)]));
}

// ---- images -------------------------------------------------------------------------------------

export async function insertPostImage(db: Db, row: PostImageRow): Promise<void> {
  await db.insertInto('post_image').values(row).execute();
}

export async function deletePostImage(db: Db, postId: string, mediaId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('post_image')
    .where('postId', '=', postId)
    .where('mediaId', '=', mediaId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export function listPostImages(db: Db, postIds: readonly string[]): Promise<PostImageRow[]> {
  if (postIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('post_image')
    .selectAll()
    .where('postId', 'in', [...postIds])
    .orderBy('postId')
    .orderBy('position')
    .execute();
}

// ---- campaigns ----------------------------------------------------------------------------------

export async function insertCampaign(db: Db, row: CampaignTable): Promise<void> {
  await db.insertInto('campaign').values(row).execute();
}

export function findCampaignById(db: Db, id: string): Promise<CampaignRow | undefined> {
  return db.selectFrom('campaign').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateCampaign(
  db: Db,
  id: string,
  changes: Partial<CampaignTable>,
): Promise<void> {
  await db.updateTable('campaign').set(changes).where('id', '=', id).execute();
}

export function listCampaigns(db: Db, stationIds: readonly string[] | undefined) {
  let query = db.selectFrom('campaign').selectAll();
  if (stationIds) {
    if (stationIds.length === 0) return Promise.resolve([]);
    query = query.where('stationId', 'in', [...stationIds]);
  }
  return query.orderBy('startsOn', 'desc').orderBy('id', 'desc').limit(100).execute();
}

/** Puts the campaign's series in this order; posts left out leave the campaign. */
export async function setCampaignSeries(
  db: Db,
  campaignId: string,
  postIds: readonly string[],
): Promise<void> {
  await db
    .updateTable('post')
    .set({ campaignId: null, campaignPosition: null })
    .where('campaignId', '=', campaignId)
    .execute();
  for (const [index, id] of postIds.entries()) {
    await db
      .updateTable('post')
      .set({ campaignId, campaignPosition: index + 1 })
      .where('id', '=', id)
      .execute();
  }
}

// ---- reach --------------------------------------------------------------------------------------

/** Deletes earlier days' salts and visitor hashes, so old hashes mean nothing. */
export async function forgetVisitorsBefore(db: Db, day: string): Promise<void> {
  await db.deleteFrom('post_reach_salt').where('day', '<', day).execute();
  await db.deleteFrom('post_visitor').where('day', '<', day).execute();
}

/** The day's salt, the same on every node: the first to ask makes it. */
export async function saltOfDay(db: Db, day: string, fresh: string): Promise<string> {
  await db
    .insertInto('post_reach_salt')
    .values({ day, salt: fresh })
    .onConflict((oc) => oc.column('day').doNothing())
    .execute();
  const row = await db
    .selectFrom('post_reach_salt')
    .select('salt')
    .where('day', '=', day)
    .executeTakeFirstOrThrow();
  return row.salt;
}

/** Whether this visitor is new for the post today. */
export async function insertVisitor(
  db: Db,
  row: { day: string; postId: string; hash: string },
): Promise<boolean> {
  const result = await db
    .insertInto('post_visitor')
    .values(row)
    .onConflict((oc) => oc.columns(['day', 'postId', 'hash']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function addReach(
  db: Db,
  key: { postId: string; day: string },
  add: { views: number; visitors: number; shares: number },
): Promise<void> {
  await db
    .insertInto('post_reach')
    .values({ ...key, ...add })
    .onConflict((oc) =>
      oc.columns(['postId', 'day']).doUpdateSet({
        views: sql`post_reach.views + ${add.views}`,
        visitors: sql`post_reach.visitors + ${add.visitors}`,
        shares: sql`post_reach.shares + ${add.shares}`,
      }),
    )
    .execute();
}

export function listReach(
  db: Db,
  stationIds: readonly string[],
  range: { from: string; to: string },
) {
  if (stationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('post_reach')
    .innerJoin('post', 'post.id', 'post_reach.postId')
    .select([
      'post_reach.postId',
      'post.title',
      'post_reach.day',
      'post_reach.views',
      'post_reach.visitors',
      'post_reach.shares',
    ])
    .where('post.stationId', 'in', [...stationIds])
    .where('post_reach.day', '>=', range.from)
    .where('post_reach.day', '<=', range.to)
    .orderBy('post_reach.day', 'desc')
    .orderBy('post_reach.views', 'desc')
    .limit(2000)
    .execute();
}
