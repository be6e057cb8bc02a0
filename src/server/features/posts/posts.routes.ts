import { Type } from 'typebox';
import { withErrors } from '../../../common/api/common.js';
import {
  CampaignList,
  CampaignListQuery,
  CampaignView,
  CreateCampaignBody,
  CreatePostBody,
  ManagedPostList,
  ManagedPostsQuery,
  PostIdParams,
  PostImageParams,
  PostList,
  PostListQuery,
  PostVersionList,
  PostView,
  PreviewBody,
  PreviewView,
  ReachQuery,
  ReachView,
  SchedulePostBody,
  ShareBody,
  UpdateCampaignBody,
  UpdatePostBody,
} from '../../../common/api/posts.js';
import { SHARE_CHANNELS } from '../../../common/domain/posts.js';
import { translate } from '../../../common/i18n/index.js';
import type { AppContext } from '../../context.js';
import type { App } from '../../http.js';
import { sendPage } from '../../pages/document.js';
import { getStationBySlugOrThrow } from '../stations/stations.service.js';
import {
  renderAtom,
  renderCampaignPage,
  renderJsonFeed,
  renderPostSharePage,
  renderRss,
  shareTarget,
  type FeedSource,
} from './posts.presenter.js';
import {
  addPostImage,
  campaignCoverUse,
  createCampaign,
  createPost,
  editCampaign,
  editPost,
  getCampaign,
  getPost,
  getPublishedPost,
  getReach,
  listCampaignViews,
  listFeedPosts,
  listManagedPostViews,
  listPostsJson,
  listVersions,
  movePost,
  postImagesUse,
  recordShare,
  recordView,
  removePostImage,
  renderPreview,
  setCampaignCover,
} from './posts.service.js';

const tags = ['posts'];
const security = [{ session: [] }];
const FEED_FORMATS = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
} as const;

export function registerPostsRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/posts',
    {
      schema: {
        tags,
        summary: 'Write a draft post (officers of the station; audited)',
        security,
        body: CreatePostBody,
        response: withErrors({ 201: PostView }),
      },
    },
    async (request, reply) => {
      reply.status(201);
      return createPost(ctx, request.actor, request.body);
    },
  );

  app.get(
    '/api/posts',
    {
      schema: {
        tags,
        summary: 'Published posts, newest first (best match first with `q`); cursor pages',
        querystring: PostListQuery,
        response: withErrors({ 200: PostList }),
      },
    },
    async (request, reply) => {
      const json = await listPostsJson(ctx, request.query);
      // A PostList already written as JSON (first pages are cached as bytes): Fastify sends a
      // string as it is, so the cast only tells the type provider what those bytes are.
      return reply.type('application/json; charset=utf-8').send(json as unknown as PostList);
    },
  );

  app.get(
    '/api/posts/manage',
    {
      schema: {
        tags,
        summary: 'A station’s posts in every state (its console, with the stations below)',
        security,
        querystring: ManagedPostsQuery,
        response: withErrors({ 200: ManagedPostList }),
      },
    },
    (request) => listManagedPostViews(ctx, request.actor, request.query),
  );

  app.post(
    '/api/posts/preview',
    {
      schema: {
        tags,
        summary: 'Markdown as the post page will show it (sanitised HTML)',
        body: PreviewBody,
        response: withErrors({ 200: PreviewView }),
      },
    },
    (request) => renderPreview(request.body.body),
  );

  app.get(
    '/api/posts/:id',
    {
      schema: {
        tags,
        summary: 'One post (unpublished ones only for the station’s officers)',
        params: PostIdParams,
        response: withErrors({ 200: PostView }),
      },
    },
    (request) => getPost(ctx, request.actor, request.params.id),
  );

  app.patch(
    '/api/posts/:id',
    {
      schema: {
        tags,
        summary: 'Edit a post; a published text is kept as a readable version (audited)',
        security,
        params: PostIdParams,
        body: UpdatePostBody,
        response: withErrors({ 200: PostView }),
      },
    },
    (request) => editPost(ctx, request.actor, request.params.id, request.body),
  );

  app.get(
    '/api/posts/:id/versions',
    {
      schema: {
        tags,
        summary: 'Earlier published texts of a post, newest first',
        params: PostIdParams,
        response: withErrors({ 200: PostVersionList }),
      },
    },
    async (request) => ({ items: await listVersions(ctx, request.actor, request.params.id) }),
  );

  for (const [move, summary] of [
    ['submit', 'Send a draft for review'],
    ['approve', 'Approve a post in review (editors of the station or above)'],
    ['publish', 'Publish now (editors; their own station’s drafts directly)'],
    ['unpublish', 'Take a published or scheduled post down'],
    ['archive', 'Archive a post'],
  ] as const) {
    app.post(
      `/api/posts/:id/${move}`,
      {
        schema: {
          tags,
          summary: `${summary} (audited)`,
          security,
          params: PostIdParams,
          response: withErrors({ 200: PostView }),
        },
      },
      (request) => movePost(ctx, request.actor, request.params.id, move),
    );
  }

  app.post(
    '/api/posts/:id/schedule',
    {
      schema: {
        tags,
        summary: 'Publish at a later time (editors; audited)',
        security,
        params: PostIdParams,
        body: SchedulePostBody,
        response: withErrors({ 200: PostView }),
      },
    },
    (request) =>
      movePost(ctx, request.actor, request.params.id, 'schedule', {
        publishAt: request.body.publishAt,
      }),
  );

  app.post(
    '/api/posts/:id/images',
    {
      schema: {
        tags,
        summary: 'Add an image (multipart: `image`, `alt`, `caption`); re-encoded, EXIF removed',
        security,
        params: PostIdParams,
        response: withErrors({ 200: PostView }),
      },
    },
    async (request) => {
      const intake = await ctx.media.receive(request, postImagesUse);
      try {
        return await addPostImage(ctx, request.actor, request.params.id, {
          file: intake.files[0],
          caption: intake.fields.caption ?? '',
          alt: intake.fields.alt ?? '',
        });
      } finally {
        await intake.discard();
      }
    },
  );

  app.delete(
    '/api/posts/:id/images/:mediaId',
    {
      schema: {
        tags,
        summary: 'Remove an image (audited)',
        security,
        params: PostImageParams,
        response: withErrors({ 200: PostView }),
      },
    },
    (request) => removePostImage(ctx, request.actor, request.params.id, request.params.mediaId),
  );

  app.post(
    '/api/posts/:id/view',
    {
      schema: {
        tags,
        summary: 'Count a view (no cookie; the visitor is a daily-salted hash, never stored raw)',
        params: PostIdParams,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await recordView(ctx, request.params.id, {
        address: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/posts/:id/share',
    {
      schema: {
        tags,
        summary: 'Count a share-button click',
        params: PostIdParams,
        body: ShareBody,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await recordShare(ctx, request.params.id, request.body.channel);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/posts/reach',
    {
      schema: {
        tags,
        summary: 'Views, unique visitors and share clicks per post per day (station officers)',
        security,
        querystring: ReachQuery,
        response: withErrors({ 200: ReachView }),
      },
    },
    (request) => getReach(ctx, request.actor, request.query, request.locale),
  );

  // ---- campaigns ------------------------------------------------------------------------------

  app.post(
    '/api/campaigns',
    {
      schema: {
        tags,
        summary: 'Start a campaign (editors; audited)',
        security,
        body: CreateCampaignBody,
        response: withErrors({ 201: CampaignView }),
      },
    },
    async (request, reply) => {
      reply.status(201);
      return createCampaign(ctx, request.actor, request.body);
    },
  );
  app.get(
    '/api/campaigns',
    {
      schema: {
        tags,
        summary: 'Campaigns, newest first (a station’s with those below)',
        querystring: CampaignListQuery,
        response: withErrors({ 200: CampaignList }),
      },
    },
    async (request) => ({
      items: await listCampaignViews(ctx, request.actor, request.query.station),
    }),
  );
  app.get(
    '/api/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'A campaign with its series of posts in order',
        params: PostIdParams,
        response: withErrors({ 200: CampaignView }),
      },
    },
    (request) => getCampaign(ctx, request.actor, request.params.id),
  );
  app.patch(
    '/api/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'Change a campaign or order its series (editors; audited)',
        security,
        params: PostIdParams,
        body: UpdateCampaignBody,
        response: withErrors({ 200: CampaignView }),
      },
    },
    (request) => editCampaign(ctx, request.actor, request.params.id, request.body),
  );
  app.post(
    '/api/campaigns/:id/cover',
    {
      schema: {
        tags,
        summary: 'Set the cover image (multipart `image`; editors; audited)',
        security,
        params: PostIdParams,
        response: withErrors({ 200: CampaignView }),
      },
    },
    async (request) => {
      const intake = await ctx.media.receive(request, campaignCoverUse);
      try {
        return await setCampaignCover(ctx, request.actor, request.params.id, intake.files[0]);
      } finally {
        await intake.discard();
      }
    },
  );

  // ---- feeds and pages --------------------------------------------------------------------------

  const publicUrl = ctx.config.publicUrl;
  for (const format of Object.keys(FEED_FORMATS) as (keyof typeof FEED_FORMATS)[]) {
    const send = (feed: FeedSource) =>
      format === 'json'
        ? JSON.stringify(renderJsonFeed(publicUrl, feed))
        : (format === 'rss' ? renderRss : renderAtom)(publicUrl, feed);
    app.get(
      `/feeds/posts.${format}`,
      { schema: { tags, summary: `National posts feed (${format})` } },
      async (request, reply) => {
        const feed: FeedSource = {
          title: translate(request.locale, 'posts.feed.national_title'),
          description: translate(request.locale, 'posts.feed.national_description'),
          homeUrl: `${publicUrl}/kabar`,
          feedBase: `${publicUrl}/feeds/posts`,
          locale: request.locale,
          posts: await listFeedPosts(ctx, undefined),
        };
        return reply.type(FEED_FORMATS[format]).send(send(feed));
      },
    );
    app.get(
      `/feeds/:stationSlug/posts.${format}`,
      {
        schema: {
          tags,
          summary: `A station’s posts with those of the stations below (${format})`,
          params: Type.Object({ stationSlug: Type.String({ maxLength: 60 }) }),
        },
      },
      async (request, reply) => {
        const station = await getStationBySlugOrThrow(ctx, request.params.stationSlug);
        const feed: FeedSource = {
          title: translate(request.locale, 'posts.feed.station_title', { station: station.name }),
          description: translate(request.locale, 'posts.feed.station_description', {
            station: station.name,
          }),
          homeUrl: `${publicUrl}/kabar?station=${station.slug}`,
          feedBase: `${publicUrl}/feeds/${station.slug}/posts`,
          locale: request.locale,
          posts: await listFeedPosts(ctx, station),
        };
        return reply.type(FEED_FORMATS[format]).send(send(feed));
      },
    );
  }

  // The share page, with or without the readable slug after the id.
  for (const url of ['/p/:id', '/p/:id/:slug']) {
    app.get(
      url,
      {
        schema: {
          hide: true,
          params: Type.Object({
            id: PostIdParams.properties.id,
            slug: Type.Optional(Type.String({ maxLength: 80 })),
          }),
        },
      },
      async (request, reply) => {
        const { post, campaign } = await getPublishedPost(ctx, request.params.id);
        const versions = await listVersions(ctx, request.actor, post.id);
        await recordView(ctx, post.id, {
          address: request.ip,
          userAgent: request.headers['user-agent'] ?? '',
        });
        return sendPage(
          reply,
          ...renderPostSharePage(publicUrl, request.locale, { post, versions, campaign }),
        );
      },
    );
  }
  app.get(
    '/p/:id/bagikan/:channel',
    {
      schema: {
        hide: true,
        params: Type.Object({
          id: PostIdParams.properties.id,
          channel: Type.Enum(SHARE_CHANNELS),
        }),
      },
    },
    async (request, reply) => {
      const { post } = await getPublishedPost(ctx, request.params.id);
      await recordShare(ctx, post.id, request.params.channel);
      const target = shareTarget(request.params.channel, `${publicUrl}${post.url}`, post.title);
      return reply.redirect(target ?? post.url, 302);
    },
  );
  app.get(
    '/kampanye/:id',
    { schema: { hide: true, params: PostIdParams } },
    async (request, reply) => {
      const campaign = await getCampaign(ctx, { kind: 'anonymous' }, request.params.id);
      return sendPage(reply, ...renderCampaignPage(publicUrl, request.locale, campaign));
    },
  );
}
