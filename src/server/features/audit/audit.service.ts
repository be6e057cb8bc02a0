import type { AccountActor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { lockForUpdate } from '../../db/locking.js';
import { newId } from '../../ids.js';
import { GENESIS_HASH, hashAuditEntry } from './audit.chain.js';
import { findLastAuditEntry, insertAuditEntry, listAuditEntriesAfter } from './audit.repository.js';

export interface AuditInput {
  /** An officer or admin; `system` for the CLI and start-up bootstrap. */
  actor: AccountActor | 'system';
  stationId: string | null;
  /** `feature.verb`, e.g. `station.updated`, `alert.issued` */
  action: string;
  target: { type: string; id: string | null };
  /** What changed, small and without secrets. */
  summary: Record<string, unknown>;
}

/**
 * Appends one entry to the hash-chained audit log, inside the caller's transaction so the
 * entry exists exactly when the change does.
 */
export async function recordAudit(ctx: AppContext, tx: Tx, input: AuditInput): Promise<void> {
  await lockForUpdate(tx, ctx.database.dialect, 'audit_log');
  const last = await findLastAuditEntry(tx.db);
  const now = ctx.clock.now();
  const entry = {
    id: newId(now.getTime()),
    seq: (last?.seq ?? 0) + 1,
    at: now.toISOString(),
    actorId: input.actor === 'system' ? null : input.actor.accountId,
    actorName: input.actor === 'system' ? 'system' : input.actor.name,
    stationId: input.stationId,
    action: input.action,
    targetType: input.target.type,
    targetId: input.target.id,
    summary: JSON.stringify(input.summary),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await insertAuditEntry(tx.db, { ...entry, hash: hashAuditEntry(entry) });
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** The first entry whose content, hash or link is wrong, or where a gap in seq shows a deletion. */
  brokenAtSeq?: number;
  reason?: 'hash_mismatch' | 'chain_broken' | 'sequence_gap';
}

/** Walks the chain from the start and reports the first break. */
export async function verifyAuditLog(ctx: AppContext): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const page = await listAuditEntriesAfter(ctx.db, expectedSeq - 1, 1000);
    if (page.length === 0) return { ok: true, entries: count };
    for (const row of page) {
      if (row.seq !== expectedSeq)
        return { ok: false, entries: count, brokenAtSeq: expectedSeq, reason: 'sequence_gap' };
      if (row.prevHash !== prevHash)
        return { ok: false, entries: count, brokenAtSeq: row.seq, reason: 'chain_broken' };
      const { hash, ...rest } = row;
      if (hashAuditEntry(rest) !== hash)
        return { ok: false, entries: count, brokenAtSeq: row.seq, reason: 'hash_mismatch' };
      prevHash = hash;
      expectedSeq += 1;
      count += 1;
    }
  }
}
