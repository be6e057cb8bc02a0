import type { Insertable, Selectable } from 'kysely';

export type MediaVisibility = 'public' | 'private';

/** One upload as stored: an image (its variants in media_variant) or a PDF (one variant). */
export interface MediaTable {
  id: string;
  /** What the bytes were, e.g. `jpeg`, `pdf` (the original itself is never kept). */
  kind: string;
  /** Of the largest variant: the image as served at full size. */
  width: number | null;
  height: number | null;
  /** The stored bytes over all variants. */
  bytes: number;
  visibility: MediaVisibility;
  /** What the media belongs to (`report`, `post`…), when the feature says so. */
  ownerType: string | null;
  ownerId: string | null;
  createdAt: string;
}

/** One stored file of a media: a width in one format, named by the sha256 of its bytes. */
export interface MediaVariantTable {
  mediaId: string;
  /** `<sha256>.<ext>`; several media may share one (identical uploads are stored once). */
  key: string;
  mime: string;
  width: number | null;
  height: number | null;
  bytes: number;
}

export type MediaRow = Selectable<MediaTable>;
export type NewMediaRow = Insertable<MediaTable>;
export type MediaVariantRow = Selectable<MediaVariantTable>;

export interface MediaTables {
  media: MediaTable;
  media_variant: MediaVariantTable;
}
