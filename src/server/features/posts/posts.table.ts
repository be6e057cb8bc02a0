import type { Insertable, Selectable, Updateable } from 'kysely';
import type { PostKind, PostStatus } from '../../../common/domain/posts.js';

export interface PostTable {
  id: string;
  stationId: string;
  /** The station's path, copied so a station's feed (with the stations below) is one range. */
  stationPath: string;
  kind: PostKind;
  title: string;
  /** Markdown as the officer wrote it. */
  body: string;
  /** `body` rendered and sanitised, once, when it is written. */
  html: string;
  /** JSON array of tags (the post_tag rows are the filterable copy). */
  tags: string;
  /** JSON array of target area codes (post_area rows are the filterable copy). */
  areas: string;
  campaignId: string | null;
  /** Place in its campaign's series. */
  campaignPosition: number | null;
  status: PostStatus;
  authorId: string;
  /** When a scheduled post goes out. */
  publishAt: string | null;
  /** When it (last) went public; the feeds' order. */
  publishedAt: string | null;
  /** When its published text was last edited. */
  editedAt: string | null;
  createdAt: string;
  updatedAt: string;
}
export type PostRow = Selectable<PostTable>;
export type NewPostRow = Insertable<PostTable>;
export type PostUpdate = Updateable<PostTable>;

/**
 * Which feeds a published post is in: the national one (`stationId` NATIONAL_FEED) and those of
 * its station and every station above it. The key is the feed's order, so a page of any feed,
 * at any depth, is one index range.
 */
export interface PostFeedTable {
  stationId: string;
  publishedAt: string;
  postId: string;
}

/** Tags and target areas of published posts, for the feed's filters. */
export interface PostTagTable {
  postId: string;
  tag: string;
}
export interface PostAreaTable {
  postId: string;
  areaCode: string;
}

/** An earlier published text of a post: edits never erase what the public read. */
export interface PostVersionTable {
  id: string;
  postId: string;
  title: string;
  html: string;
  tags: string;
  since: string;
  replacedAt: string;
  editedBy: string;
}
export type PostVersionRow = Selectable<PostVersionTable>;

export interface PostImageTable {
  postId: string;
  mediaId: string;
  position: number;
  caption: string;
  alt: string;
}
export type PostImageRow = Selectable<PostImageTable>;

export interface CampaignTable {
  id: string;
  stationId: string;
  title: string;
  theme: string;
  themeHtml: string;
  startsOn: string;
  endsOn: string;
  coverMediaId: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}
export type CampaignRow = Selectable<CampaignTable>;

/** Reach of one post on one day (the station's local day is not needed: UTC days). */
export interface PostReachTable {
  postId: string;
  day: string;
  views: number;
  visitors: number;
  shares: number;
}

/**
 * Who was counted as a visitor today: a hash of the day's random salt, the coarsened address
 * and the user agent. The salt is deleted when its day is over, so no hash can be traced back.
 */
export interface PostVisitorTable {
  day: string;
  postId: string;
  hash: string;
}
export interface PostReachSaltTable {
  day: string;
  salt: string;
}

declare module '../../db/schema.js' {
  interface DatabaseSchema {
    post: PostTable;
    post_feed: PostFeedTable;
    post_tag: PostTagTable;
    post_area: PostAreaTable;
    post_version: PostVersionTable;
    post_image: PostImageTable;
    campaign: CampaignTable;
    post_reach: PostReachTable;
    post_visitor: PostVisitorTable;
    post_reach_salt: PostReachSaltTable;
  }
}
