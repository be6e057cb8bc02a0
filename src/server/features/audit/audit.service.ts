import type { AuditPage, AuditQuery } from '../../../common/api/audit.js';
import type { AccountActor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { transaction, type Db, type Tx } from '../../db/database.js';
import { lockForUpdate } from '../../db/locking.js';
import { readSetting, writeSetting } from '../../db/settings.js';
import { newId } from '../../ids.js';
import {
  formatAuditHead,
  GENESIS_HASH,
  hashAuditEntry,
  legacyHashAuditEntry,
  sealAuditHead,
  type AuditHead,
} from './audit.chain.js';
import { toAuditEntryView } from './audit.presenter.js';
import {
  findFirstAuditEntry,
  findLastAuditEntry,
  insertAuditEntry,
  listAuditEntriesAfter,
  listAuditEntriesOfStations,
  updateAuditEntryChain,
} from './audit.repository.js';
import type { AuditLogRow } from './audit.table.js';

export type { AuditHead } from './audit.chain.js';
export { formatAuditHead, parseAuditHead } from './audit.chain.js';

/**
 * The newest entry's (seq, hash) and its seal, kept beside the log and written in the same
 * transaction: deleting the newest entries leaves a chain that is valid on its own but
 * shorter than this. Whoever rewrites it too is caught only by a head kept elsewhere.
 */
const HEAD_KEY = 'audit.head';
interface StoredHead extends AuditHead {
  /** Absent in heads written before the chain was keyed. */
  seal?: string;
}

/** Every this many entries the head also goes to the application log, outside the database. */
const HEAD_LOG_INTERVAL = 100;

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
  const hash = hashAuditEntry(ctx.auditKey, entry);
  await insertAuditEntry(tx.db, { ...entry, hash });
  const head = { seq: entry.seq, hash };
  await writeHead(ctx, tx.db, head);
  if (head.seq % HEAD_LOG_INTERVAL === 0) tx.onCommit(() => logAuditHead(ctx, head));
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** The first entry whose content, hash or link is wrong, or where a gap in seq shows a deletion. */
  brokenAtSeq?: number;
  reason?:
    | 'hash_mismatch'
    | 'chain_broken'
    | 'sequence_gap'
    /** The stored head names an entry that is gone or differs: the newest entries were cut. */
    | 'head_mismatch'
    /** The stored head's seal is wrong: it was rewritten without the key. */
    | 'head_forged'
    /** The head given to verify (kept outside) names an entry that is gone or differs. */
    | 'anchor_mismatch'
    /** Written before the chain was keyed and not re-keyed yet (that happens at `serve`). */
    | 'unkeyed';
}

/** A point the chain must pass through, and what it means when it does not. */
interface Checkpoint {
  head: AuditHead;
  reason: 'head_mismatch' | 'anchor_mismatch';
}

/**
 * Walks the chain from the start and reports the first break, then compares it with the
 * stored head and, when given, a head an operator kept elsewhere (`anchor`): that proves that
 * nothing up to the anchor's seq was removed or rewritten, even if the stored head was.
 */
export async function verifyAuditLog(
  ctx: AppContext,
  options: { anchor?: AuditHead } = {},
): Promise<AuditVerification> {
  // Read the head first: entries appended while we walk only extend the chain past it.
  const stored = await readStoredHead(ctx.db);
  const checkpoints: Checkpoint[] = [];
  if (stored) checkpoints.push({ head: stored, reason: 'head_mismatch' });
  if (options.anchor) checkpoints.push({ head: options.anchor, reason: 'anchor_mismatch' });
  const result = await walkChain(
    ctx.db,
    (entry) => hashAuditEntry(ctx.auditKey, entry),
    checkpoints,
  );
  if (!result.ok) {
    const unkeyed = result.brokenAtSeq === 1 && (await chainScheme(ctx, ctx.db)) === 'legacy';
    return unkeyed ? { ...result, reason: 'unkeyed' } : result;
  }
  if (stored && stored.seal !== sealAuditHead(ctx.auditKey, stored)) {
    return { ok: false, entries: result.entries, brokenAtSeq: stored.seq, reason: 'head_forged' };
  }
  return result;
}

/** The newest entry's place, for an operator to keep outside (`siaga audit head`). */
export async function readAuditHead(ctx: AppContext): Promise<AuditHead | undefined> {
  const last = await findLastAuditEntry(ctx.db);
  return last ? { seq: last.seq, hash: last.hash } : undefined;
}

/**
 * Run at every serve start: re-keys a chain written before the key existed (once, and only
 * when it verifies as it was), then writes the head to the log.
 */
export async function prepareAuditLog(ctx: AppContext): Promise<void> {
  if ((await chainScheme(ctx, ctx.db)) === 'legacy') await rekeyLegacyChain(ctx);
  const head = await readAuditHead(ctx);
  if (head) logAuditHead(ctx, head);
}

function logAuditHead(ctx: AppContext, head: AuditHead): void {
  ctx.log.info({ auditHead: formatAuditHead(head) }, 'audit log head');
}

async function readStoredHead(db: Db): Promise<StoredHead | undefined> {
  const text = await readSetting(db, HEAD_KEY);
  return text ? (JSON.parse(text) as StoredHead) : undefined;
}

async function writeHead(ctx: AppContext, db: Db, head: AuditHead): Promise<void> {
  const stored: StoredHead = { ...head, seal: sealAuditHead(ctx.auditKey, head) };
  await writeSetting(db, HEAD_KEY, JSON.stringify(stored));
}

/** Told apart by the first entry: keyed chains are never re-keyed, whatever else is stored. */
async function chainScheme(
  ctx: AppContext,
  db: Db,
): Promise<'empty' | 'keyed' | 'legacy' | 'unknown'> {
  const first = await findFirstAuditEntry(db);
  if (!first) return 'empty';
  const { hash, ...rest } = first;
  if (hashAuditEntry(ctx.auditKey, rest) === hash) return 'keyed';
  return legacyHashAuditEntry(rest) === hash ? 'legacy' : 'unknown';
}

async function walkChain(
  db: Db,
  hashOf: (entry: Omit<AuditLogRow, 'hash'>) => string,
  checkpoints: readonly Checkpoint[],
  visit?: (row: AuditLogRow) => Promise<void>,
): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const page = await listAuditEntriesAfter(db, expectedSeq - 1, 1000);
    if (page.length === 0) break;
    for (const row of page) {
      if (row.seq !== expectedSeq)
        return { ok: false, entries: count, brokenAtSeq: expectedSeq, reason: 'sequence_gap' };
      if (row.prevHash !== prevHash)
        return { ok: false, entries: count, brokenAtSeq: row.seq, reason: 'chain_broken' };
      const { hash, ...rest } = row;
      if (hashOf(rest) !== hash)
        return { ok: false, entries: count, brokenAtSeq: row.seq, reason: 'hash_mismatch' };
      const missed = checkpoints.find((c) => c.head.seq === row.seq && c.head.hash !== hash);
      if (missed) return { ok: false, entries: count, brokenAtSeq: row.seq, reason: missed.reason };
      await visit?.(row);
      prevHash = hash;
      expectedSeq += 1;
      count += 1;
    }
  }
  const beyond = checkpoints.find((c) => c.head.seq > count);
  if (beyond)
    return { ok: false, entries: count, brokenAtSeq: beyond.head.seq, reason: beyond.reason };
  return { ok: true, entries: count };
}

/**
 * Replaces the unkeyed hashes by keyed ones, in one transaction, after checking the unkeyed
 * chain against its stored head. What it proves about the past is only what the unkeyed chain
 * proved: anyone who could write the database before could have rewritten it consistently.
 */
async function rekeyLegacyChain(ctx: AppContext): Promise<void> {
  const outcome = await transaction(ctx.db, async (tx) => {
    await lockForUpdate(tx, ctx.database.dialect, 'audit_log');
    // Another node may have re-keyed it while this one waited for the lock.
    if ((await chainScheme(ctx, tx.db)) !== 'legacy') return undefined;
    const stored = await readStoredHead(tx.db);
    const legacy = await walkChain(
      tx.db,
      legacyHashAuditEntry,
      stored ? [{ head: stored, reason: 'head_mismatch' }] : [],
    );
    if (!legacy.ok) return { legacy };
    let prevHash = GENESIS_HASH;
    let legacyHead: AuditHead = { seq: 0, hash: GENESIS_HASH };
    await walkChain(tx.db, legacyHashAuditEntry, [], async (row) => {
      const { hash: legacyHash, ...rest } = row;
      const hash = hashAuditEntry(ctx.auditKey, { ...rest, prevHash });
      await updateAuditEntryChain(tx.db, row.seq, { prevHash, hash });
      prevHash = hash;
      legacyHead = { seq: row.seq, hash: legacyHash };
    });
    // Appending seals the new head too.
    await recordAudit(ctx, tx, {
      actor: 'system',
      stationId: null,
      action: 'audit.rekeyed',
      target: { type: 'audit_log', id: null },
      summary: { entries: legacy.entries, legacyHead: formatAuditHead(legacyHead) },
    });
    return { legacy, legacyHead };
  });
  if (!outcome) return;
  if (!outcome.legacy.ok || !outcome.legacyHead) {
    ctx.log.error(
      { verification: outcome.legacy },
      'the unkeyed audit log does not verify: it was left as it is and `siaga audit verify` reports it',
    );
    return;
  }
  ctx.log.warn(
    { entries: outcome.legacy.entries, legacyHead: formatAuditHead(outcome.legacyHead) },
    'the unkeyed audit log was re-keyed with the audit key: its entries are as trustworthy as the database was before this start; keep the new head elsewhere (`siaga audit head`)',
  );
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
