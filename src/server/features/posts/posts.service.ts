import { createHash, randomBytes } from 'node:crypto';
import type {
  CampaignView,
  CreateCampaignBody,
  CreatePostBody,
  ManagedPostsQuery,
  PostCard,
  PostList,
  PostListQuery,
  PostVersionView,
  PostView,
  ReachQuery,
  ReachView,
  UpdateCampaignBody,
  UpdatePostBody,
} from '../../../common/api/posts.js';
import { ancestorAreaCodes } from '../../../common/domain/areas.js';
import {
  POST_ALT_MAX,
  POST_CAPTION_MAX,
  POST_IMAGES_MAX,
  POST_PAGE_SIZE,
  type PostKind,
  type PostStatus,
  type ShareChannel,
} from '../../../common/domain/posts.js';
import type { AccountActor, Actor } from '../../auth/actor.js';
import { assertCan, can, isPlatformAdmin, requireAccount } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { decodePublishedCursor, encodePublishedCursor } from '../../db/published-cursor.js';
import { coarsenAddress } from '../../logging.js';
import { transaction, type Tx } from '../../db/database.js';
import { transitionRow } from '../../db/transitions.js';
import {
  AppError,
  badRequest,
  conflict,
  forbidden,
  invalidFields,
  notFound,
} from '../../errors.js';
import { newId } from '../../ids.js';
import type { StagedUpload } from '../../media/intake.js';
import type { MediaView } from '../../media/media.js';
import { defineMediaUse } from '../../media/media-use.js';
import { renderMarkdown } from '../../text/markdown.js';
import { findAccountNames } from '../accounts/accounts.service.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  findResponsibleStations,
  getStationByIdOrSlug,
  findStationsById,
  getStationOrThrow,
  listStationIdsUnder,
  stationCoversAreas,
  type StationSummary,
} from '../stations/stations.service.js';
import { renderReachChart, toCampaignView, toPostCard, toPostView } from './posts.presenter.js';
import {
  addReach,
  countPostVersions,
  enterFeeds,
  leaveFeeds,
  deletePostImage,
  findCampaignById,
  findPostById,
  insertCampaign,
  insertPost,
  insertPostImage,
  insertPostVersion,
  insertVisitor,
  listCampaignPosts,
  listCampaigns,
  listManagedPosts,
  listPostImages,
  listPostVersions,
  listPublishedPosts,
  listReach,
  nextCampaignPosition,
  replacePostFilters,
  forgetVisitorsBefore,
  saltOfDay,
  setCampaignSeries,
  updateCampaign,
  updatePost,
  type FeedFilter,
} from './posts.repository.js';
import type { CampaignRow, PostImageRow, PostRow } from './posts.table.js';

export const POST_SEARCH_TYPE = 'post';
/** A post's photos: up to ten, as a phone takes them. */
export const postImagesUse = defineMediaUse('post-images', { maxFiles: 1, maxFields: 4 });
export const campaignCoverUse = defineMediaUse('campaign-cover', { maxFiles: 1, maxFields: 2 });
const MANAGED_LIMIT = 200;
const REACH_DEFAULT_DAYS = 30;

// ---- loading and presenting ---------------------------------------------------------------------

async function loadPost(
  ctx: AppContext,
  id: string,
): Promise<{ post: PostRow; station: StationSummary }> {
  const post = await findPostById(ctx.db, id);
  if (!post) throw notFound('posts.not_found');
  return { post, station: await getStationOrThrow(ctx, post.stationId) };
}

/** A row's columns to write back (the key is never updated). */
function withoutId<R extends { id: string }>(row: R): Omit<R, 'id'> {
  const copy: Partial<R> = { ...row };
  delete copy.id;
  return copy as Omit<R, 'id'>;
}

const parseList = (json: string) => JSON.parse(json) as string[];

async function imagesOf(
  ctx: AppContext,
  postIds: readonly string[],
): Promise<Map<string, { row: PostImageRow; media: MediaView }[]>> {
  const rows = await listPostImages(ctx.db, postIds);
  const media = new Map(
    (await ctx.media.list(ctx.db, [...new Set(rows.map((row) => row.mediaId))])).map((m) => [
      m.id,
      m,
    ]),
  );
  const byPost = new Map<string, { row: PostImageRow; media: MediaView }[]>();
  for (const row of rows) {
    const found = media.get(row.mediaId);
    if (!found) continue;
    const list = byPost.get(row.postId) ?? [];
    list.push({ row, media: found });
    byPost.set(row.postId, list);
  }
  return byPost;
}

async function presentCards(ctx: AppContext, rows: PostRow[]): Promise<PostCard[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [stations, images] = await Promise.all([
    findStationsById(
      ctx,
      rows.map((row) => row.stationId),
    ),
    imagesOf(ctx, ids),
  ]);
  return rows.flatMap((row) => {
    const station = stations.get(row.stationId);
    return station ? [toPostCard(row, station, images.get(row.id)?.[0])] : [];
  });
}

function canWrite(actor: Actor, station: StationSummary): boolean {
  return can(actor, 'posts.write', station);
}
function canPublish(actor: Actor, station: StationSummary): boolean {
  return can(actor, 'posts.publish', station);
}

async function presentPost(ctx: AppContext, actor: Actor, post: PostRow): Promise<PostView> {
  const station = await getStationOrThrow(ctx, post.stationId);
  const [images, versions, names] = await Promise.all([
    imagesOf(ctx, [post.id]),
    countPostVersions(ctx.db, [post.id]),
    findAccountNames(ctx, [post.authorId]),
  ]);
  return toPostView(post, {
    station,
    images: images.get(post.id) ?? [],
    versionCount: versions.get(post.id) ?? 0,
    authorName: names.get(post.authorId) ?? '',
    canEdit: post.status !== 'archived' && canWrite(actor, station),
    canPublish: canPublish(actor, station),
  });
}

/** A published post for anyone; any other only for those who may write at its station. */
function assertVisible(actor: Actor, post: PostRow, station: StationSummary): void {
  if (post.status === 'published') return;
  if (!canWrite(actor, station)) throw notFound('posts.not_found');
}

export async function getPost(ctx: AppContext, actor: Actor, id: string): Promise<PostView> {
  const { post, station } = await loadPost(ctx, id);
  assertVisible(actor, post, station);
  return presentPost(ctx, actor, post);
}

/** A published post for its share page (404 for anything else, whoever asks). */
export async function getPublishedPost(
  ctx: AppContext,
  id: string,
): Promise<{ post: PostView; campaign: CampaignRow | undefined }> {
  const post = await findPostById(ctx.db, id);
  if (post?.status !== 'published') throw notFound('posts.not_found');
  const campaign = post.campaignId ? await findCampaignById(ctx.db, post.campaignId) : undefined;
  return { post: await presentPost(ctx, { kind: 'anonymous' }, post), campaign };
}

// ---- writing ------------------------------------------------------------------------------------

function cleanTags(tags: readonly string[] | undefined): string[] {
  return [
    ...new Set(
      (tags ?? []).map((tag) => tag.trim().toLowerCase().replace(/^#/, '')).filter(Boolean),
    ),
  ];
}

async function checkAreas(ctx: AppContext, station: StationSummary, areas: string[]) {
  const unique = [...new Set(areas)];
  if (unique.length > 0 && !(await stationCoversAreas(ctx, station, unique))) {
    throw invalidFields('posts.areas_outside', ['areas']);
  }
  return unique;
}

async function checkCampaign(ctx: AppContext, station: StationSummary, campaignId: string) {
  const campaign = await findCampaignById(ctx.db, campaignId);
  if (!campaign) throw invalidFields('posts.campaign_not_found', ['campaignId']);
  if (campaign.stationId !== station.id) {
    throw invalidFields('posts.campaign_other_station', ['campaignId']);
  }
  return campaign;
}

async function indexPost(ctx: AppContext, tx: Tx, post: PostRow, station: StationSummary) {
  await ctx.search.index(tx.db, POST_SEARCH_TYPE, post.id, {
    fields: { title: post.title, body: post.body, tags: parseList(post.tags).join(' ') },
    stationPath: station.path,
    kind: post.kind,
    date: post.publishedAt,
  });
}

export async function createPost(
  ctx: AppContext,
  actor: Actor,
  input: CreatePostBody,
): Promise<PostView> {
  const station = await getStationOrThrow(ctx, input.stationId);
  const account = assertCan(actor, 'posts.write', station);
  const areas = await checkAreas(ctx, station, input.areas ?? []);
  const tags = cleanTags(input.tags);
  const campaign = input.campaignId ? await checkCampaign(ctx, station, input.campaignId) : null;
  const now = ctx.clock.now().toISOString();
  const row: PostRow = {
    id: newId(ctx.clock.now().getTime()),
    stationId: station.id,
    stationPath: station.path,
    kind: input.kind,
    title: input.title.trim(),
    body: input.body,
    html: renderMarkdown(input.body),
    tags: JSON.stringify(tags),
    areas: JSON.stringify(areas),
    campaignId: campaign?.id ?? null,
    campaignPosition: campaign ? await nextCampaignPosition(ctx.db, campaign.id) : null,
    status: 'draft',
    authorId: account.accountId,
    publishAt: null,
    publishedAt: null,
    editedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await transaction(ctx.db, async (tx) => {
    await insertPost(tx.db, row);
    await replacePostFilters(tx.db, row.id, tags, areas);
    await recordAudit(ctx, tx, {
      actor: account,
      stationId: station.id,
      action: 'posts.created',
      target: { type: 'post', id: row.id },
      summary: { kind: row.kind, title: row.title },
    });
  });
  return presentPost(ctx, actor, row);
}

/**
 * Edits a post. A published text is only changed by an editor, and the text it replaces is
 * kept as a version the public can read; an officer's edit of an approved or scheduled post
 * sends it back to review.
 */
export async function editPost(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdatePostBody,
): Promise<PostView> {
  const { post, station } = await loadPost(ctx, id);
  const account = assertCan(actor, 'posts.write', station);
  if (post.status === 'archived') throw conflict('posts.archived');
  const isPublic = post.status === 'published' || post.status === 'unpublished';
  const isEditor = canPublish(account, station);
  if (isPublic && !isEditor) throw forbidden();
  const now = ctx.clock.now().toISOString();
  const tags = input.tags ? cleanTags(input.tags) : parseList(post.tags);
  const areas = input.areas ? await checkAreas(ctx, station, input.areas) : parseList(post.areas);
  let campaign: Pick<PostRow, 'campaignId' | 'campaignPosition'> = post;
  if (input.campaignId !== undefined && input.campaignId !== post.campaignId) {
    campaign =
      input.campaignId === null
        ? { campaignId: null, campaignPosition: null }
        : {
            campaignId: (await checkCampaign(ctx, station, input.campaignId)).id,
            campaignPosition: await nextCampaignPosition(ctx.db, input.campaignId),
          };
  }
  const body = input.body ?? post.body;
  const title = input.title?.trim() ?? post.title;
  const textChanged =
    title !== post.title || body !== post.body || JSON.stringify(tags) !== post.tags;
  const backToReview = !isEditor && (post.status === 'approved' || post.status === 'scheduled');
  const updated: PostRow = {
    ...post,
    ...campaign,
    kind: input.kind ?? post.kind,
    title,
    body,
    html: body === post.body ? post.html : renderMarkdown(body),
    tags: JSON.stringify(tags),
    areas: JSON.stringify(areas),
    status: backToReview ? 'in_review' : post.status,
    publishAt: backToReview ? null : post.publishAt,
    editedAt: post.publishedAt && textChanged ? now : post.editedAt,
    updatedAt: now,
  };
  await transaction(ctx.db, async (tx) => {
    if (post.publishedAt && textChanged) {
      await insertPostVersion(tx.db, {
        id: newId(ctx.clock.now().getTime()),
        postId: post.id,
        title: post.title,
        html: post.html,
        tags: post.tags,
        since: post.editedAt ?? post.publishedAt,
        replacedAt: now,
        editedBy: account.accountId,
      });
    }
    await updatePost(tx.db, post.id, withoutId(updated));
    await replacePostFilters(tx.db, post.id, tags, areas);
    if (updated.status === 'published') {
      await indexPost(ctx, tx, updated, station);
      tx.onCommit(() => postsChanged(ctx));
    }
    await recordAudit(ctx, tx, {
      actor: account,
      stationId: station.id,
      action: 'posts.edited',
      target: { type: 'post', id: post.id },
      summary: { fields: Object.keys(input), status: updated.status },
    });
  });
  return presentPost(ctx, actor, updated);
}

// ---- workflow -----------------------------------------------------------------------------------

/** Whether the actor holds an editing role in the post's own station (not only above it). */
function isOwnStationEditor(actor: AccountActor, station: StationSummary): boolean {
  return (
    isPlatformAdmin(actor) ||
    actor.grants.some(
      (grant) =>
        grant.stationId === station.id &&
        (grant.role === 'editor' || grant.role === 'station_admin'),
    )
  );
}

type Move = 'submit' | 'approve' | 'publish' | 'schedule' | 'unpublish' | 'archive';

const MOVE_TO: Record<Move, PostStatus> = {
  submit: 'in_review',
  approve: 'approved',
  publish: 'published',
  schedule: 'scheduled',
  unpublish: 'unpublished',
  archive: 'archived',
};

const MOVE_AUDIT: Record<Move, string> = {
  submit: 'posts.submitted',
  approve: 'posts.approved',
  publish: 'posts.published',
  schedule: 'posts.scheduled',
  unpublish: 'posts.unpublished',
  archive: 'posts.archived',
};

/** The states each move starts from (a draft may skip review only at its own station). */
function movableFrom(move: Move, directFromDraft: boolean): PostStatus[] {
  const draft: PostStatus[] = directFromDraft ? ['draft'] : [];
  switch (move) {
    case 'submit':
      return ['draft'];
    case 'approve':
      return ['in_review'];
    case 'publish':
      return [...draft, 'in_review', 'approved', 'scheduled', 'unpublished'];
    case 'schedule':
      return [...draft, 'in_review', 'approved', 'unpublished'];
    case 'unpublish':
      return ['published', 'scheduled'];
    case 'archive':
      return ['draft', 'in_review', 'approved', 'scheduled', 'published', 'unpublished'];
  }
}

/** Status changes (compare-and-set), search index, feeds, audit: one transaction. */
async function applyMove(
  ctx: AppContext,
  tx: Tx,
  who: AccountActor | 'system',
  loaded: { post: PostRow; station: StationSummary },
  move: Move,
  from: PostStatus[],
  publishAt?: string,
): Promise<PostRow> {
  const { post, station } = loaded;
  const now = ctx.clock.now().toISOString();
  const status = MOVE_TO[move];
  const set = {
    status,
    updatedAt: now,
    publishAt: move === 'schedule' ? (publishAt ?? null) : null,
    ...(move === 'publish' ? { publishedAt: post.publishedAt ?? now } : {}),
  };
  if (!from.includes(post.status)) {
    throw conflict('posts.invalid_transition', { from: post.status, to: status });
  }
  const moved = await transitionRow(tx.db, {
    table: 'post',
    id: post.id,
    column: 'status',
    from,
    set,
  });
  if (!moved) throw conflict('posts.changed');
  const updated: PostRow = { ...post, ...set };
  if (status === 'published') {
    await indexPost(ctx, tx, updated, station);
    await enterFeeds(
      tx.db,
      { id: post.id, publishedAt: set.publishedAt ?? now },
      stationIdsOnPath(station.path),
    );
  } else if (post.status === 'published') {
    await ctx.search.remove(tx.db, POST_SEARCH_TYPE, post.id);
    await leaveFeeds(tx.db, post.id);
  }
  if (status === 'scheduled' && publishAt) {
    await ctx.jobs.enqueue(
      tx,
      'posts.publish-scheduled',
      { postId: post.id, publishAt },
      { runAt: new Date(publishAt) },
    );
  }
  if (status === 'published' || post.status === 'published') {
    tx.onCommit(() => postsChanged(ctx));
  }
  await recordAudit(ctx, tx, {
    actor: who,
    stationId: station.id,
    action: MOVE_AUDIT[move],
    target: { type: 'post', id: post.id },
    summary: { from: post.status, to: status, ...(publishAt ? { publishAt } : {}) },
  });
  return updated;
}

export async function movePost(
  ctx: AppContext,
  actor: Actor,
  id: string,
  move: Move,
  options: { publishAt?: string } = {},
): Promise<PostView> {
  const loaded = await loadPost(ctx, id);
  const account = requireAccount(actor);
  const action = move === 'submit' ? 'posts.write' : 'posts.publish';
  if (!can(account, action, loaded.station)) throw forbidden();
  let publishAt: string | undefined;
  if (move === 'schedule') {
    if (!options.publishAt) throw invalidFields('posts.publish_at_required', ['publishAt']);
    const at = new Date(options.publishAt);
    if (at.getTime() <= ctx.clock.now().getTime()) {
      throw invalidFields('posts.publish_at_past', ['publishAt']);
    }
    publishAt = at.toISOString();
  }
  const from = movableFrom(move, isOwnStationEditor(account, loaded.station));
  const updated = await transaction(ctx.db, (tx) =>
    applyMove(ctx, tx, account, loaded, move, from, publishAt),
  );
  return presentPost(ctx, actor, updated);
}

/** Run by the `posts.publish-scheduled` job; a rescheduled or unpublished post is left alone. */
export async function publishScheduledPost(
  ctx: AppContext,
  payload: { postId: string; publishAt: string },
): Promise<void> {
  const post = await findPostById(ctx.db, payload.postId);
  if (post?.status !== 'scheduled' || post.publishAt !== payload.publishAt) return;
  if (Date.parse(payload.publishAt) > ctx.clock.now().getTime()) {
    throw new Error('scheduled post is not due yet');
  }
  const station = await getStationOrThrow(ctx, post.stationId);
  await transaction(ctx.db, (tx) =>
    applyMove(ctx, tx, 'system', { post, station }, 'publish', ['scheduled']),
  );
}

/**
 * Publishes a post on behalf of a station at once, without review (for other features, e.g.
 * contests announcing their winners); audited as the acting officer.
 */
export async function publishStationPost(
  ctx: AppContext,
  actor: Actor,
  input: { stationId: string; kind: PostKind; title: string; body: string; tags?: string[] },
): Promise<PostView> {
  const station = await getStationOrThrow(ctx, input.stationId);
  const account = assertCan(actor, 'posts.publish', station);
  const draft = await createPost(ctx, account, input);
  const loaded = await loadPost(ctx, draft.id);
  const published = await transaction(ctx.db, (tx) =>
    applyMove(ctx, tx, account, loaded, 'publish', ['draft']),
  );
  return presentPost(ctx, actor, published);
}

// ---- images -------------------------------------------------------------------------------------

export async function addPostImage(
  ctx: AppContext,
  actor: Actor,
  id: string,
  upload: { file: StagedUpload | undefined; caption: string; alt: string },
): Promise<PostView> {
  const { post, station } = await loadPost(ctx, id);
  const account = assertCan(actor, 'posts.write', station);
  if (post.status === 'archived') throw conflict('posts.archived');
  if (!upload.file) throw badRequest('posts.image_missing');
  if (!upload.alt.trim()) throw invalidFields('posts.alt_required', ['alt']);
  if (upload.alt.length > POST_ALT_MAX) throw invalidFields('posts.text_too_long', ['alt']);
  if (upload.caption.length > POST_CAPTION_MAX) {
    throw invalidFields('posts.text_too_long', ['caption']);
  }
  const file = upload.file;
  const images = (await imagesOf(ctx, [post.id])).get(post.id) ?? [];
  if (images.length >= POST_IMAGES_MAX) {
    throw new AppError('posts.too_many_images', 409, { max: POST_IMAGES_MAX });
  }
  await transaction(ctx.db, async (tx) => {
    const media = await ctx.media.attach(tx, file, {
      visibility: 'public',
      ownerType: 'post',
      ownerId: post.id,
    });
    await insertPostImage(tx.db, {
      postId: post.id,
      mediaId: media.id,
      position: (images.at(-1)?.row.position ?? 0) + 1,
      caption: upload.caption.trim(),
      alt: upload.alt.trim(),
    });
    await updatePost(tx.db, post.id, { updatedAt: ctx.clock.now().toISOString() });
    await recordAudit(ctx, tx, {
      actor: account,
      stationId: station.id,
      action: 'posts.image_added',
      target: { type: 'post', id: post.id },
      summary: { mediaId: media.id },
    });
    if (post.status === 'published') tx.onCommit(() => postsChanged(ctx));
  });
  return presentPost(ctx, actor, post);
}

export async function removePostImage(
  ctx: AppContext,
  actor: Actor,
  id: string,
  mediaId: string,
): Promise<PostView> {
  const { post, station } = await loadPost(ctx, id);
  const account = assertCan(actor, 'posts.write', station);
  await transaction(ctx.db, async (tx) => {
    if (!(await deletePostImage(tx.db, post.id, mediaId))) throw notFound('posts.image_not_found');
    await ctx.media.remove(tx, [mediaId]);
    await recordAudit(ctx, tx, {
      actor: account,
      stationId: station.id,
      action: 'posts.image_removed',
      target: { type: 'post', id: post.id },
      summary: { mediaId },
    });
    if (post.status === 'published') tx.onCommit(() => postsChanged(ctx));
  });
  return presentPost(ctx, actor, post);
}

// ---- reading ------------------------------------------------------------------------------------

/** The ids of a station and its ancestors, read from its path ("/a/b/" → a, b). */
export function stationIdsOnPath(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** Paths of a station and its ancestors ("/a/b/" → "/a/", "/a/b/"). */
function pathsUpTo(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

async function nearFilter(ctx: AppContext, code: string): Promise<FeedFilter['near']> {
  const responsible = (await findResponsibleStations(ctx, [code])).get(code);
  const station = responsible ? await getStationOrThrow(ctx, responsible.id) : undefined;
  return {
    code,
    lineage: [code, ...ancestorAreaCodes(code)],
    stationPaths: station ? pathsUpTo(station.path) : [],
  };
}

/**
 * The public feed as its JSON body: published posts, newest first, or best match first for `q`
 * (the shared Indonesian search), with the filters applied to the matches. First pages are
 * served from memory as the bytes already written (most readers open only those).
 */
export async function listPostsJson(ctx: AppContext, query: PostListQuery): Promise<string> {
  const limit = query.limit ?? POST_PAGE_SIZE;
  const firstPage = !query.q && !query.cursor && !query.area && !query.tag && !query.campaign;
  // Keyed by the station as asked (id or slug), so a cached page costs no query at all.
  const cacheKey = firstPage ? `${query.station ?? '*'}|${query.kind ?? ''}|${limit}` : undefined;
  const cached = cacheKey ? feedCache(ctx).get(cacheKey) : undefined;
  if (cached) return cached;
  const station = query.station ? await getStationByIdOrSlug(ctx, query.station) : undefined;
  const filter: FeedFilter = {
    ...(station ? { stationId: station.id } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.tag ? { tag: query.tag.toLowerCase() } : {}),
    ...(query.campaign ? { campaignId: query.campaign } : {}),
    ...(query.area ? { near: await nearFilter(ctx, query.area) } : {}),
    limit: limit + 1,
  };
  let page: PostList;
  if (query.q) {
    const hits = await ctx.search.search(ctx.db, {
      type: POST_SEARCH_TYPE,
      text: query.q,
      ...(station ? { stationPath: station.path } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      limit,
      cursor: query.cursor ?? null,
    });
    const rows = await listPublishedPosts(ctx.db, {
      ...filter,
      ids: hits.items.map((hit) => hit.id),
    });
    const rank = new Map(hits.items.map((hit, i) => [hit.id, i]));
    rows.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
    page = { items: await presentCards(ctx, rows), nextCursor: hits.nextCursor };
  } else {
    const rows = await listPublishedPosts(ctx.db, {
      ...filter,
      ...(query.cursor
        ? { before: decodePublishedCursor(query.cursor, 'posts.cursor_invalid') }
        : {}),
    });
    const more = rows.length > limit;
    const shown = rows.slice(0, limit);
    page = {
      items: await presentCards(ctx, shown),
      nextCursor: more && shown.length > 0 ? encodePublishedCursor(shown[shown.length - 1]!) : null,
    };
  }
  const json = JSON.stringify(page satisfies PostList);
  if (cacheKey) feedCache(ctx).set(cacheKey, json);
  return json;
}

/**
 * First pages of the feeds (national, per station, per kind) kept in memory: most readers
 * open only those. Every node drops its copies when a post goes public, changes or leaves,
 * told through the bus (`posts.changed`).
 */
const FEED_CACHE_MAX = 2000;
const feedCaches = new WeakMap<AppContext, Map<string, string>>();

function feedCache(ctx: AppContext): Map<string, string> {
  let cache = feedCaches.get(ctx);
  if (!cache) {
    const created = new Map<string, string>();
    feedCaches.set(ctx, created);
    ctx.bus.subscribe('posts.changed', () => created.clear());
    cache = created;
  }
  if (cache.size > FEED_CACHE_MAX) cache.clear();
  return cache;
}

function postsChanged(ctx: AppContext): void {
  feedCache(ctx).clear();
  ctx.bus.publish('posts.changed', { at: ctx.clock.now().toISOString() });
}

/** Posts of a station and the stations below for its console, in every state but archived. */
export async function listManagedPostViews(
  ctx: AppContext,
  actor: Actor,
  query: ManagedPostsQuery,
): Promise<{ items: PostView[]; timezone: string }> {
  const station = await getStationOrThrow(ctx, query.station);
  assertCan(actor, 'posts.write', station);
  const rows = await listManagedPosts(
    ctx.db,
    await listStationIdsUnder(ctx, station),
    query.status,
    MANAGED_LIMIT,
  );
  const items: PostView[] = [];
  for (const row of rows) items.push(await presentPost(ctx, actor, row));
  return { items, timezone: station.timezone };
}

export async function listVersions(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<PostVersionView[]> {
  const { post, station } = await loadPost(ctx, id);
  assertVisible(actor, post, station);
  const rows = await listPostVersions(ctx.db, post.id);
  return rows.map((row) => ({
    title: row.title,
    html: row.html,
    tags: parseList(row.tags),
    since: row.since,
    replacedAt: row.replacedAt,
  }));
}

/** The newest published posts for a feed document, a station's (with those below) or all. */
export async function listFeedPosts(
  ctx: AppContext,
  station: StationSummary | undefined,
): Promise<PostView[]> {
  const rows = await listPublishedPosts(ctx.db, {
    ...(station ? { stationId: station.id } : {}),
    limit: 50,
  });
  const views: PostView[] = [];
  for (const row of rows) views.push(await presentPost(ctx, { kind: 'anonymous' }, row));
  return views;
}

export const renderPreview = (body: string) => ({ html: renderMarkdown(body) });

// ---- campaigns ----------------------------------------------------------------------------------

async function presentCampaign(
  ctx: AppContext,
  actor: Actor,
  campaign: CampaignRow,
): Promise<CampaignView> {
  const station = await getStationOrThrow(ctx, campaign.stationId);
  const rows = await listCampaignPosts(ctx.db, campaign.id);
  const shown = canWrite(actor, station) ? rows : rows.filter((row) => row.status === 'published');
  const [cards, cover] = await Promise.all([
    presentCards(ctx, shown),
    campaign.coverMediaId ? ctx.media.list(ctx.db, [campaign.coverMediaId]) : Promise.resolve([]),
  ]);
  return toCampaignView(campaign, station, cards, cover[0]);
}

function checkPeriod(startsOn: string, endsOn: string): void {
  if (endsOn < startsOn) throw invalidFields('posts.campaign_period_invalid', ['endsOn']);
}

export async function createCampaign(
  ctx: AppContext,
  actor: Actor,
  input: CreateCampaignBody,
): Promise<CampaignView> {
  const station = await getStationOrThrow(ctx, input.stationId);
  const account = assertCan(actor, 'posts.publish', station);
  checkPeriod(input.startsOn, input.endsOn);
  const now = ctx.clock.now().toISOString();
  const row: CampaignRow = {
    id: newId(ctx.clock.now().getTime()),
    stationId: station.id,
    title: input.title.trim(),
    theme: input.theme,
    themeHtml: renderMarkdown(input.theme),
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    coverMediaId: null,
    createdBy: account.accountId,
    createdAt: now,
    updatedAt: now,
  };
  await transaction(ctx.db, async (tx) => {
    await insertCampaign(tx.db, row);
    await recordAudit(ctx, tx, {
      actor: account,
      stationId: station.id,
      action: 'posts.campaign_created',
      target: { type: 'campaign', id: row.id },
      summary: { title: row.title, startsOn: row.startsOn, endsOn: row.endsOn },
    });
  });
  return presentCampaign(ctx, actor, row);
}

async function loadCampaign(ctx: AppContext, id: string) {
  const campaign = await findCampaignById(ctx.db, id);
  if (!campaign) throw notFound('posts.campaign_not_found');
  return { campaign, station: await getStationOrThrow(ctx, campaign.stationId) };
}

export async function editCampaign(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateCampaignBody,
): Promise<CampaignView> {
  const { campaign, station } = await loadCampaign(ctx, id);
  const account = assertCan(actor, 'posts.publish', station);
  const updated: CampaignRow = {
    ...campaign,
    ...(input.title ? { title: input.title.trim() } : {}),
    ...(input.theme ? { theme: input.theme, themeHtml: renderMarkdown(input.theme) } : {}),
    startsOn: input.startsOn ?? campaign.startsOn,
    endsOn: input.endsOn ?? campaign.endsOn,
    updatedAt: ctx.clock.now().toISOString(),
  };
  checkPeriod(updated.startsOn, updated.endsOn);
  const { postIds } = input;
  if (postIds) {
    const unique = [...new Set(postIds)];
    for (const [index, postId] of unique.entries()) {
      const post = await findPostById(ctx.db, postId);
      if (post?.stationId !== station.id) {
        throw invalidFields('posts.campaign_other_station', [`postIds.${index}`]);
      }
    }
  }
  await transaction(ctx.db, async (tx) => {
    await updateCampaign(tx.db, campaign.id, withoutId(updated));
    if (postIds) await setCampaignSeries(tx.db, campaign.id, [...new Set(postIds)]);
    await recordAudit(ctx, tx, {
      actor: account,
      stationId: station.id,
      action: 'posts.campaign_edited',
      target: { type: 'campaign', id: campaign.id },
      summary: { fields: Object.keys(input) },
    });
    tx.onCommit(() => postsChanged(ctx));
  });
  return presentCampaign(ctx, actor, updated);
}

export async function setCampaignCover(
  ctx: AppContext,
  actor: Actor,
  id: string,
  file: StagedUpload | undefined,
): Promise<CampaignView> {
  const { campaign, station } = await loadCampaign(ctx, id);
  const account = assertCan(actor, 'posts.publish', station);
  if (!file) throw badRequest('posts.image_missing');
  const updated = await transaction(ctx.db, async (tx) => {
    const media = await ctx.media.attach(tx, file, {
      visibility: 'public',
      ownerType: 'campaign',
      ownerId: campaign.id,
    });
    if (campaign.coverMediaId) await ctx.media.remove(tx, [campaign.coverMediaId]);
    const changes = { coverMediaId: media.id, updatedAt: ctx.clock.now().toISOString() };
    await updateCampaign(tx.db, campaign.id, changes);
    await recordAudit(ctx, tx, {
      actor: account,
      stationId: station.id,
      action: 'posts.campaign_cover_set',
      target: { type: 'campaign', id: campaign.id },
      summary: { mediaId: media.id },
    });
    return { ...campaign, ...changes };
  });
  return presentCampaign(ctx, actor, updated);
}

export async function getCampaign(ctx: AppContext, actor: Actor, id: string) {
  const { campaign } = await loadCampaign(ctx, id);
  return presentCampaign(ctx, actor, campaign);
}

export async function listCampaignViews(
  ctx: AppContext,
  actor: Actor,
  stationIdOrSlug: string | undefined,
): Promise<CampaignView[]> {
  const station = stationIdOrSlug ? await getStationByIdOrSlug(ctx, stationIdOrSlug) : undefined;
  const rows = await listCampaigns(
    ctx.db,
    station ? await listStationIdsUnder(ctx, station) : undefined,
  );
  const views: CampaignView[] = [];
  for (const row of rows) views.push(await presentCampaign(ctx, actor, row));
  return views;
}

// ---- reach --------------------------------------------------------------------------------------

const daySalts = new WeakMap<AppContext, { day: string; salt: string }>();

/**
 * The day's salt, read once per day per node (not on every view); the node that first sees a
 * new day also deletes the previous days' salts and hashes.
 */
async function visitorSalt(ctx: AppContext, day: string): Promise<string> {
  const known = daySalts.get(ctx);
  if (known?.day === day) return known.salt;
  await forgetVisitorsBefore(ctx.db, day);
  const salt = await saltOfDay(ctx.db, day, randomBytes(32).toString('hex'));
  daySalts.set(ctx, { day, salt });
  return salt;
}

/**
 * Counts a view of a published post: a visitor is new for the day when the hash of the day's
 * salt, the coarsened address, the user agent and the post was not seen yet. Neither the
 * address nor the user agent is stored, and no cookie is set.
 */
export async function recordView(
  ctx: AppContext,
  postId: string,
  visitor: { address: string; userAgent: string },
): Promise<void> {
  const day = ctx.clock.now().toISOString().slice(0, 10);
  const salt = await visitorSalt(ctx, day);
  const network = coarsenAddress(visitor.address) ?? visitor.address;
  const hash = createHash('sha256')
    .update(`${salt}\n${network}\n${visitor.userAgent}\n${postId}`)
    .digest('base64url');
  await transaction(ctx.db, async (tx) => {
    const post = await findPostById(tx.db, postId);
    if (post?.status !== 'published') return;
    const isNew = await insertVisitor(tx.db, { day, postId, hash });
    await addReach(tx.db, { postId, day }, { views: 1, visitors: isNew ? 1 : 0, shares: 0 });
  });
}

export async function recordShare(
  ctx: AppContext,
  postId: string,
  _channel: ShareChannel,
): Promise<void> {
  const post = await findPostById(ctx.db, postId);
  if (post?.status !== 'published') throw notFound('posts.not_found');
  const day = ctx.clock.now().toISOString().slice(0, 10);
  await addReach(ctx.db, { postId, day }, { views: 0, visitors: 0, shares: 1 });
}

export async function getReach(
  ctx: AppContext,
  actor: Actor,
  query: ReachQuery,
  locale: Parameters<typeof renderReachChart>[1],
): Promise<ReachView> {
  const station = await getStationOrThrow(ctx, query.station);
  assertCan(actor, 'posts.reach', station);
  const to = query.to ?? ctx.clock.now().toISOString().slice(0, 10);
  const from =
    query.from ??
    new Date(Date.parse(`${to}T00:00:00Z`) - (REACH_DEFAULT_DAYS - 1) * 86_400_000)
      .toISOString()
      .slice(0, 10);
  if (from > to) throw invalidFields('posts.reach_range_invalid', ['from']);
  const rows = await listReach(ctx.db, await listStationIdsUnder(ctx, station), { from, to });
  const totals = new Map<string, { views: number; visitors: number; shares: number }>();
  for (
    let t = Date.parse(`${from}T00:00:00Z`);
    t <= Date.parse(`${to}T00:00:00Z`);
    t += 86_400_000
  ) {
    totals.set(new Date(t).toISOString().slice(0, 10), { views: 0, visitors: 0, shares: 0 });
  }
  for (const row of rows) {
    const day = totals.get(row.day);
    if (!day) continue;
    day.views += row.views;
    day.visitors += row.visitors;
    day.shares += row.shares;
  }
  const days = [...totals].map(([day, figures]) => ({ day, ...figures }));
  return { from, to, rows, days, chartSvg: renderReachChart(days, locale).value };
}
