import { createHash } from 'node:crypto';
import type { AuditLogRow } from './audit.table.js';

export const GENESIS_HASH = '0'.repeat(64);

/** The hash of an entry covers every field and the previous entry's hash. */
export function hashAuditEntry(entry: Omit<AuditLogRow, 'hash'>): string {
  const canonical = JSON.stringify([
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
  return createHash('sha256').update(canonical).digest('hex');
}
