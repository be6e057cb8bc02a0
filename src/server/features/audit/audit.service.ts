import type { AuditPage, AuditQuery } from '../../../common/api/audit.js';
import type { AccountActor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { lockForUpdate } from '../../db/locking.js';
import { readSetting, writeSetting } from '../../db/settings.js';
import { newId } from '../../ids.js';
import { GENESIS_HASH, hashAuditEntry } from './audit.chain.js';
import { toAuditEntryView } from './audit.presenter.js';
import {
  findLastAuditEntry,
  insertAuditEntry,
  listAuditEntriesAfter,
  listAuditEntriesOfStations,
} from './audit.repository.js';

/**
 * The newest entry's (seq, hash), kept beside the log and written in the same transaction:
 * deleting the newest entries leaves a chain that is valid on its own but shorter than this.
 */
const HEAD_KEY = 'audit.head';
interface AuditHead {
  seq: number;
  hash: string;
}

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
  const hash = hashAuditEntry(entry);
  await insertAuditEntry(tx.db, { ...entry, hash });
  await writeSetting(tx.db, HEAD_KEY, JSON.stringify({ seq: entry.seq, hash } satisfies AuditHead));
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** The first entry whose content, hash or link is wrong, or where a gap in seq shows a deletion. */
  brokenAtSeq?: number;
  reason?: 'hash_mismatch' | 'chain_broken' | 'sequence_gap' | 'head_mismatch';
}

/**
 * Walks the chain from the start and reports the first break, then compares its end with the
 * stored head: a missing tail shows as `head_mismatch` at the head's seq.
 */
export async function verifyAuditLog(ctx: AppContext): Promise<AuditVerification> {
  // Read the head first: entries appended while we walk only extend the chain past it.
  const headText = await readSetting(ctx.db, HEAD_KEY);
  const head = headText ? (JSON.parse(headText) as AuditHead) : { seq: 0, hash: GENESIS_HASH };
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const page = await listAuditEntriesAfter(ctx.db, expectedSeq - 1, 1000);
    if (page.length === 0) break;
    for (const row of page) {
      if (row.seq !== expectedSeq)
        return { ok: false, entries: count, brokenAtSeq: expectedSeq, reason: 'sequence_gap' };
      if (row.prevHash !== prevHash)
        return { ok: false, entries: count, brokenAtSeq: row.seq, reason: 'chain_broken' };
      const { hash, ...rest } = row;
      if (hashAuditEntry(rest) !== hash)
        return { ok: false, entries: count, brokenAtSeq: row.seq, reason: 'hash_mismatch' };
      if (row.seq === head.seq && hash !== head.hash)
        return { ok: false, entries: count, brokenAtSeq: row.seq, reason: 'head_mismatch' };
      prevHash = hash;
      expectedSeq += 1;
      count += 1;
    }
  }
  if (count < head.seq)
    return { ok: false, entries: count, brokenAtSeq: head.seq, reason: 'head_mismatch' };
  return { ok: true, entries: count };
}

/**
 * The entries of the given stations, newest first: the stations feature decides whose trail an
 * admin may read and hands over the station ids.
 */
export async function listAuditOfStations(
  ctx: AppContext,
  stationIds: string[],
  query: AuditQuery,
): Promise<AuditPage> {
  const limit = query.limit ?? 50;
  const rows = await listAuditEntriesOfStations(ctx.db, stationIds, {
    limit,
    ...(query.before !== undefined ? { beforeSeq: query.before } : {}),
  });
  return {
    items: rows.map(toAuditEntryView),
    nextBefore: rows.length === limit ? rows[rows.length - 1]!.seq : null,
  };
}
