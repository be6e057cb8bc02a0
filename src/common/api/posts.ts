import { Type, type Static } from 'typebox';
import {
  POST_AREAS_MAX,
  POST_BODY_MAX,
  POST_KINDS,
  POST_STATUSES,
  POST_TAG_MAX,
  POST_TAGS_MAX,
  POST_TITLE_MAX,
  SHARE_CHANNELS,
} from '../domain/posts.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const PostKind = Type.Enum(POST_KINDS);
export const PostStatus = Type.Enum(POST_STATUSES);
const Tag = Type.String({ minLength: 1, maxLength: POST_TAG_MAX });
const AreaCode = Type.String({ minLength: 2, maxLength: 13, pattern: '^[0-9.]+$' });

export const CreatePostBody = Type.Object(
  {
    stationId: Id,
    kind: PostKind,
    title: Type.String({ minLength: 3, maxLength: POST_TITLE_MAX }),
    body: Type.String({ minLength: 1, maxLength: POST_BODY_MAX, description: 'Markdown' }),
    tags: Type.Optional(Type.Array(Tag, { maxItems: POST_TAGS_MAX })),
    areas: Type.Optional(
      Type.Array(AreaCode, {
        maxItems: POST_AREAS_MAX,
        description: 'Target areas inside the station’s jurisdiction',
      }),
    ),
    campaignId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type CreatePostBody = Static<typeof CreatePostBody>;

export const UpdatePostBody = Type.Object(
  {
    kind: Type.Optional(PostKind),
    title: Type.Optional(Type.String({ minLength: 3, maxLength: POST_TITLE_MAX })),
    body: Type.Optional(Type.String({ minLength: 1, maxLength: POST_BODY_MAX })),
    tags: Type.Optional(Type.Array(Tag, { maxItems: POST_TAGS_MAX })),
    areas: Type.Optional(Type.Array(AreaCode, { maxItems: POST_AREAS_MAX })),
    campaignId: Type.Optional(Nullable(Id)),
  },
  { additionalProperties: false },
);
export type UpdatePostBody = Static<typeof UpdatePostBody>;

export const SchedulePostBody = Type.Object(
  { publishAt: Type.String({ format: 'date-time' }) },
  { additionalProperties: false },
);
export type SchedulePostBody = Static<typeof SchedulePostBody>;

export const PostIdParams = Type.Object({ id: Id });
export const PostImageParams = Type.Object({ id: Id, mediaId: Id });

export const PostStationRef = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  name: Type.String(),
});

export const PostImageFile = Type.Object({
  url: Type.String(),
  mime: Type.String(),
  width: Nullable(Type.Integer()),
});
export const PostImageView = Type.Object({
  mediaId: Type.String(),
  caption: Type.String(),
  alt: Type.String(),
  width: Nullable(Type.Integer()),
  height: Nullable(Type.Integer()),
  /** Narrowest first, WebP and JPEG of each width. */
  files: Type.Array(PostImageFile),
});
export type PostImageView = Static<typeof PostImageView>;

/** A post as a list shows it. */
export const PostCard = Type.Object({
  id: Type.String(),
  kind: PostKind,
  title: Type.String(),
  excerpt: Type.String(),
  tags: Type.Array(Type.String()),
  station: PostStationRef,
  campaignId: Nullable(Type.String()),
  /** The first image’s narrow JPEG, if any. */
  imageUrl: Nullable(Type.String()),
  imageAlt: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  /** Set when the published text was edited (“diperbarui”). */
  editedAt: Nullable(Type.String()),
  /** The share page. */
  url: Type.String(),
});
export type PostCard = Static<typeof PostCard>;

export const PostView = Type.Object({
  ...PostCard.properties,
  status: PostStatus,
  body: Type.String({ description: 'Markdown' }),
  /** Sanitised HTML rendered from `body`. */
  html: Type.String(),
  areas: Type.Array(Type.String()),
  images: Type.Array(PostImageView),
  authorName: Type.String(),
  publishAt: Nullable(Type.String({ description: 'When a scheduled post goes out' })),
  versionCount: Type.Integer({ description: 'Earlier published versions readable' }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  /** What the caller may do with it (the console’s buttons). */
  canEdit: Type.Boolean(),
  canPublish: Type.Boolean(),
});
export type PostView = Static<typeof PostView>;

export const PostList = Type.Object({
  items: Type.Array(PostCard),
  nextCursor: Nullable(Type.String()),
});
export type PostList = Static<typeof PostList>;

export const PostListQuery = Type.Object(
  {
    station: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: 'Id or slug; includes stations below',
      }),
    ),
    area: Type.Optional(AreaCode),
    kind: Type.Optional(PostKind),
    tag: Type.Optional(Tag),
    campaign: Type.Optional(Id),
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'Indonesian search; best first' }),
    ),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  },
  { additionalProperties: false },
);
export type PostListQuery = Static<typeof PostListQuery>;

export const ManagedPostsQuery = Type.Object(
  {
    station: Id,
    status: Type.Optional(PostStatus),
  },
  { additionalProperties: false },
);
export type ManagedPostsQuery = Static<typeof ManagedPostsQuery>;

export const ManagedPostList = Type.Object({
  items: Type.Array(PostView),
  /** The station's IANA zone: the schedule picker reads times in it (WIB, WITA or WIT). */
  timezone: Type.String(),
});
export type ManagedPostList = Static<typeof ManagedPostList>;

export const PostVersionView = Type.Object({
  title: Type.String(),
  html: Type.String(),
  tags: Type.Array(Type.String()),
  /** When this text was replaced by the next. */
  replacedAt: Type.String(),
  /** When this text went public (first publication or the previous edit). */
  since: Type.String(),
});
export type PostVersionView = Static<typeof PostVersionView>;
export const PostVersionList = Type.Object({ items: Type.Array(PostVersionView) });
export type PostVersionList = Static<typeof PostVersionList>;

export const PreviewBody = Type.Object(
  { body: Type.String({ maxLength: POST_BODY_MAX }) },
  { additionalProperties: false },
);
export const PreviewView = Type.Object({ html: Type.String() });

export const ShareBody = Type.Object(
  { channel: Type.Enum(SHARE_CHANNELS) },
  { additionalProperties: false },
);
export type ShareBody = Static<typeof ShareBody>;

// ---- campaigns --------------------------------------------------------------------------------

const Day = Type.String({ format: 'date' });

export const CreateCampaignBody = Type.Object(
  {
    stationId: Id,
    title: Type.String({ minLength: 3, maxLength: POST_TITLE_MAX }),
    theme: Type.String({ minLength: 1, maxLength: 2000, description: 'Markdown' }),
    startsOn: Day,
    endsOn: Day,
  },
  { additionalProperties: false },
);
export type CreateCampaignBody = Static<typeof CreateCampaignBody>;

export const UpdateCampaignBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 3, maxLength: POST_TITLE_MAX })),
    theme: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
    startsOn: Type.Optional(Day),
    endsOn: Type.Optional(Day),
    /** The series, in order: posts of the campaign’s station. */
    postIds: Type.Optional(Type.Array(Id, { maxItems: 100 })),
  },
  { additionalProperties: false },
);
export type UpdateCampaignBody = Static<typeof UpdateCampaignBody>;

export const CampaignView = Type.Object({
  id: Type.String(),
  station: PostStationRef,
  title: Type.String(),
  theme: Type.String(),
  themeHtml: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  coverUrl: Nullable(Type.String()),
  /** The series in order: published ones for the public, all for its editors. */
  posts: Type.Array(PostCard),
  url: Type.String(),
});
export type CampaignView = Static<typeof CampaignView>;
export const CampaignList = Type.Object({ items: Type.Array(CampaignView) });
export type CampaignList = Static<typeof CampaignList>;
export const CampaignListQuery = Type.Object(
  { station: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })) },
  { additionalProperties: false },
);
export type CampaignListQuery = Static<typeof CampaignListQuery>;

// ---- reach ------------------------------------------------------------------------------------

export const ReachQuery = Type.Object(
  {
    station: Id,
    from: Type.Optional(Day),
    to: Type.Optional(Day),
  },
  { additionalProperties: false },
);
export type ReachQuery = Static<typeof ReachQuery>;

export const ReachRow = Type.Object({
  postId: Type.String(),
  title: Type.String(),
  day: Type.String(),
  views: Type.Integer(),
  visitors: Type.Integer(),
  shares: Type.Integer(),
});
export type ReachRow = Static<typeof ReachRow>;
export const ReachView = Type.Object({
  from: Type.String(),
  to: Type.String(),
  /** Per post per day, newest day first. */
  rows: Type.Array(ReachRow),
  /** Per day over all posts, oldest first (the chart). */
  days: Type.Array(
    Type.Object({
      day: Type.String(),
      views: Type.Integer(),
      visitors: Type.Integer(),
      shares: Type.Integer(),
    }),
  ),
  /** The chart, drawn on the server (SVG). */
  chartSvg: Type.String(),
});
export type ReachView = Static<typeof ReachView>;
