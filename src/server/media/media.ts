import enMedia from '../../common/i18n/en/media.json' with { type: 'json' };
import idMedia from '../../common/i18n/id/media.json' with { type: 'json' };
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../clock.js';
import type { Db, Tx } from '../db/database.js';
import { notFound } from '../errors.js';
import { newId } from '../ids.js';
import type { Logger } from '../logger.js';
import {
  receiveUpload,
  type MediaIntake,
  type ReceiveOptions,
  type StagedUpload,
} from './intake.js';
import {
  deleteMediaByIds,
  findServableVariant,
  insertMedia,
  listMediaWithVariants,
  listReferencedKeys,
} from './media.repository.js';
import type { MediaStore } from './media-store.js';
import type { MediaVisibility } from './media.table.js';
import type { MediaKind, MediaUse } from './media-use.js';

declare module '../../common/i18n/index.js' {
  interface Messages {
    media: typeof idMedia;
  }
}

/** The media errors' strings: the kernel registers them beside its own (compose.ts). */
export const mediaCatalogs = { id: idMedia, en: enMedia };

export interface AttachOptions {
  visibility: MediaVisibility;
  ownerType?: string;
  ownerId?: string;
}

/** A stored file of a media; public ones are served at `publicMediaPath(key)`. */
export interface MediaFileView {
  key: string;
  mime: string;
  width: number | null;
  height: number | null;
  bytes: number;
}

export interface MediaView {
  id: string;
  kind: MediaKind;
  visibility: MediaVisibility;
  width: number | null;
  height: number | null;
  /** Narrowest first; each width once as WebP and once as JPEG (a PDF has one file). */
  files: MediaFileView[];
}

/** Uploads in, files out: what features use through `ctx.media`. */
export interface Media {
  store: MediaStore;
  /** Reads and stages a multipart request's files; call `discard()` on the result in a finally. */
  receive(request: FastifyRequest, use: MediaUse, options?: ReceiveOptions): Promise<MediaIntake>;
  /** Inserts the media's rows in the caller's transaction; its files take their keys on commit. */
  attach(tx: Tx, upload: StagedUpload, options: AttachOptions): Promise<MediaView>;
  /** Deletes rows; files no longer referenced are swept after the grace period. */
  remove(tx: Tx, ids: readonly string[]): Promise<void>;
  list(db: Db, ids: readonly string[]): Promise<MediaView[]>;
  /** For the public route: only files of public media, cached for good. */
  sendPublic(request: FastifyRequest, reply: FastifyReply, key: string): Promise<void>;
  /**
   * For a feature's route, after it has checked the caller may see this media; the handler
   * then returns `reply`.
   */
  sendPrivate(reply: FastifyReply, mediaId: string, key: string): Promise<void>;
  /** Removes stored files no row references and staged files, both older than the grace period. */
  sweepOrphans(): Promise<{ removedFiles: number; removedStaged: number }>;
}

export interface MediaOptions {
  db: Db;
  store: MediaStore;
  clock: Clock;
  log: Logger;
  orphanGraceMs: number;
}

export const publicMediaPath = (key: string) => `/media/${key}`;

const SWEEP_BATCH = 500;

export function createMedia(options: MediaOptions): Media {
  const { db, store, clock, log } = options;

  async function stream(reply: FastifyReply, file: { key: string; mime: string; bytes: number }) {
    const body = store.get(file.key);
    // A row without its file: the promotion after commit failed, or the volume lost it.
    if (!body) {
      log.error({ key: file.key }, 'media file missing from the store');
      throw notFound('media.not_found');
    }
    await reply.type(file.mime).header('content-length', file.bytes).send(body);
  }

  return {
    store,
    receive: (request, use, receiveOptions) => receiveUpload(request, use, store, receiveOptions),

    async attach(tx, upload, attachOptions) {
      const id = newId(clock.now().getTime());
      const files = upload.variants.map(toFileView);
      await insertMedia(
        tx.db,
        {
          id,
          kind: upload.kind,
          width: upload.width,
          height: upload.height,
          bytes: files.reduce((sum, file) => sum + file.bytes, 0),
          visibility: attachOptions.visibility,
          ownerType: attachOptions.ownerType ?? null,
          ownerId: attachOptions.ownerId ?? null,
          createdAt: clock.now().toISOString(),
        },
        files.map((file) => ({ mediaId: id, ...file })),
      );
      tx.onCommit(() => {
        upload.promotion ??= Promise.all(
          upload.variants.map((variant) => store.promote(variant.stagedName, variant.key)),
        ).then(
          () => undefined,
          (err: unknown) => log.error({ err, mediaId: id }, 'media promotion failed'),
        );
      });
      return {
        id,
        kind: upload.kind,
        visibility: attachOptions.visibility,
        width: upload.width,
        height: upload.height,
        files,
      };
    },

    async remove(tx, ids) {
      await deleteMediaByIds(tx.db, ids);
    },

    async list(listDb, ids) {
      const rows = await listMediaWithVariants(listDb, ids);
      return rows.map((row) => ({
        id: row.id,
        // Written by attach from a MediaKind.
        kind: row.kind as MediaKind,
        visibility: row.visibility,
        width: row.width,
        height: row.height,
        files: row.variants.map(toFileView),
      }));
    },

    async sendPublic(request, reply, key) {
      const file = await findServableVariant(db, key, { visibility: 'public' });
      if (!file) throw notFound('media.not_found');
      // The key is the hash of the bytes, so it is a strong validator that never changes.
      const etag = `"${key.slice(0, key.indexOf('.'))}"`;
      reply
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('etag', etag)
        // Public images may be embedded by news sites and social networks.
        .header('cross-origin-resource-policy', 'cross-origin');
      if (matchesEtag(request.headers['if-none-match'], etag)) {
        await reply.status(304).send();
        return;
      }
      await stream(reply, file);
    },

    async sendPrivate(reply, mediaId, key) {
      const file = await findServableVariant(db, key, { mediaId });
      if (!file) throw notFound('media.not_found');
      reply.header('cache-control', 'private, no-store');
      await stream(reply, file);
    },

    async sweepOrphans() {
      const cutoff = clock.now().getTime() - options.orphanGraceMs;
      const isOld = (object: { modifiedAt: Date }) => object.modifiedAt.getTime() < cutoff;
      let removedStaged = 0;
      for await (const staged of store.listStaged()) {
        if (!isOld(staged)) continue;
        await store.discardStaged(staged.key);
        removedStaged++;
      }
      let removedFiles = 0;
      const removeUnreferenced = async (keys: string[]) => {
        const referenced = await listReferencedKeys(db, keys);
        for (const key of keys) {
          if (referenced.has(key)) continue;
          // Re-read: an upload of the same bytes may have just renewed it.
          const current = await store.stat(key);
          if (!current || !isOld(current)) continue;
          await store.delete(key);
          removedFiles++;
        }
      };
      let batch: string[] = [];
      for await (const object of store.list()) {
        if (!isOld(object)) continue;
        batch.push(object.key);
        if (batch.length < SWEEP_BATCH) continue;
        await removeUnreferenced(batch);
        batch = [];
      }
      await removeUnreferenced(batch);
      if (removedFiles + removedStaged > 0) {
        log.info({ removedFiles, removedStaged }, 'media orphans swept');
      }
      return { removedFiles, removedStaged };
    },
  };
}

function toFileView({ key, mime, width, height, bytes }: MediaFileView): MediaFileView {
  return { key, mime, width, height, bytes };
}

/** Whether an If-None-Match header names this ETag (weak or strong, or `*`). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((candidate) => candidate.trim().replace(/^W\//, ''))
    .some((candidate) => candidate === etag || candidate === '*');
}
