import { badRequest } from '../errors.js';

/** Where a newest-first page of published rows ended: the keyset (publishedAt, id). */
export interface PublishedCursor {
  publishedAt: string;
  id: string;
}

/** The opaque `cursor` a client sends back for the page after this row. */
export function encodePublishedCursor(row: { publishedAt: string | null; id: string }): string {
  return Buffer.from(`${row.publishedAt ?? ''}|${row.id}`, 'utf8').toString('base64url');
}

/** Reads a cursor back; anything that is not one answers 400 with the feature's `errorCode`. */
export function decodePublishedCursor(cursor: string, errorCode: string): PublishedCursor {
  const [publishedAt, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!publishedAt || !id || rest.length > 0 || Number.isNaN(Date.parse(publishedAt))) {
    throw badRequest(errorCode);
  }
  return { publishedAt, id };
}
