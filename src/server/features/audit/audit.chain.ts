import { createHash, createHmac } from 'node:crypto';
import type { AuditLogRow } from './audit.table.js';

export const GENESIS_HASH = '0'.repeat(64);

/** The newest entry's place in the chain: kept beside the log, and by operators elsewhere. */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** Every field and the previous entry's hash, in a fixed order. */
function canonical(entry: Omit<AuditLogRow, 'hash'>): string {
  return JSON.stringify([
    entry.id,
    entry.seq,
    entry.at,
    entry.actorId,
    entry.actorName,
    entry.stationId,
    entry.action,
    entry.targetType,
    entry.targetId,
    entry.summary,
    entry.prevHash,
  ]);
}

/**
 * HMAC-SHA256 under a key that is not in the database: whoever can write the database but
 * lacks the key cannot forge an entry, nor recompute the chain after changing one.
 */
export function hashAuditEntry(key: Buffer, entry: Omit<AuditLogRow, 'hash'>): string {
  return createHmac('sha256', key).update(canonical(entry)).digest('hex');
}

/** The unkeyed hash chains were written with before the key; read only to re-key them. */
export function legacyHashAuditEntry(entry: Omit<AuditLogRow, 'hash'>): string {
  return createHash('sha256').update(canonical(entry)).digest('hex');
}

/**
 * Seals the stored head, so that pointing it at an earlier entry after cutting off the tail
 * needs the key (or a copy of the head from when the chain ended there).
 */
export function sealAuditHead(key: Buffer, head: AuditHead): string {
  return createHmac('sha256', key).update(`audit.head:${head.seq}:${head.hash}`).digest('hex');
}

/** `SEQ:HASH`, the form `siaga audit head` prints and `audit verify --head` takes. */
export function formatAuditHead(head: AuditHead): string {
  return `${head.seq}:${head.hash}`;
}

export function parseAuditHead(text: string): AuditHead | undefined {
  const match = /^(\d{1,15}):([0-9a-f]{64})$/.exec(text.trim().toLowerCase());
  if (!match) return undefined;
  const seq = Number(match[1]);
  return seq >= 1 ? { seq, hash: match[2]! } : undefined;
}
