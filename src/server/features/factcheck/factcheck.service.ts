import type {
  FactcheckCheckResult,
  ClarificationList,
  ClarificationListQuery,
  ClarificationDocument,
  ClarificationImageView,
  ClarificationSource,
  ClarificationView,
  CreateClarificationBody,
  FactcheckVerdictList,
  MostCheckedClarifications,
  ReviseClarificationBody,
  WithdrawClarificationBody,
} from '../../../common/api/factcheck.js';
import type { Actor } from '../../auth/actor.js';
import { assertCan, can } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { decodePublishedCursor, encodePublishedCursor } from '../../db/published-cursor.js';
import { transaction, type Db, type Tx } from '../../db/database.js';
import { transitionRow } from '../../db/transitions.js';
import { AppError, badRequest, conflict, notFound } from '../../errors.js';
import type { MediaIntake, StagedUpload } from '../../media/intake.js';
import { publicMediaPath, type MediaFileView, type MediaView } from '../../media/media.js';
import { newId } from '../../ids.js';
import { renderMarkdown } from '../../text/markdown.js';
import { recordAudit } from '../audit/audit.service.js';
import { getStationOrThrow, type StationSummary } from '../stations/stations.service.js';
import {
  CLARIFICATION_DOCUMENT_NAME_MAX,
  CLARIFICATION_DOCUMENTS_MAX,
  clarificationPath,
} from '../../../common/domain/factcheck.js';
import { toClarificationView } from './factcheck.presenter.js';
import {
  countClarificationDocuments,
  deleteClarificationDocument,
  findClarificationById,
  findClarificationsByIds,
  insertClarification,
  insertClarificationCorrection,
  insertClarificationDocument,
  insertClarificationImage,
  listClarificationDocuments,
  listCorrectionsOf,
  listMostCheckedRows,
  listPublishedClarifications,
  updateClarificationIfUnchanged,
} from './factcheck.repository.js';
import type { ClarificationIndex } from './clarification-index.js';
import { weekOf, type CheckCounter } from './check-counter.js';
import { answerTipGroup, assertAnswerableTipGroup } from './tipline.service.js';
import { MATCH_DISTANCE, perceptualHashes } from './image-hash.js';
import type { ClarificationCorrectionRow, ClarificationRow } from './factcheck.table.js';

export const CLARIFICATION_SEARCH_TYPE = 'clarification';
const PAGE_SIZE = 20;

function normaliseSources(sources: CreateClarificationBody['sources']): ClarificationSource[] {
  return (sources ?? []).map((source) => (typeof source === 'string' ? { url: source } : source));
}

async function present(ctx: AppContext, row: ClarificationRow, station: StationSummary) {
  return toClarificationView(
    row,
    { id: station.id, slug: station.slug, name: station.name },
    ctx.config.publicUrl,
    await listCorrectionsOf(ctx.db, [row.id]),
    (await documentsOf(ctx, [row.id])).get(row.id) ?? [],
  );
}

/** The file a page links to: the widest JPEG of an image, the PDF itself. */
function servedFile(media: MediaView): MediaFileView | undefined {
  return media.files.filter((f) => f.mime === 'image/jpeg').at(-1) ?? media.files.at(-1);
}

/** The clarifications' documents, by clarification, oldest first (two queries for any number). */
async function documentsOf(
  ctx: AppContext,
  clarificationIds: readonly string[],
): Promise<Map<string, ClarificationDocument[]>> {
  const rows = await listClarificationDocuments(ctx.db, clarificationIds);
  const media = new Map(
    (
      await ctx.media.list(
        ctx.db,
        rows.map((row) => row.mediaId),
      )
    ).map((view) => [view.id, view]),
  );
  const byClarification = new Map<string, ClarificationDocument[]>();
  for (const row of rows) {
    const attached = media.get(row.mediaId);
    const file = attached && servedFile(attached);
    if (!file) continue;
    const list = byClarification.get(row.clarificationId) ?? [];
    list.push({
      id: row.id,
      name: row.name,
      type: file.mime,
      size: file.bytes,
      url: `${ctx.config.publicUrl}${publicMediaPath(file.key)}`,
    });
    byClarification.set(row.clarificationId, list);
  }
  return byClarification;
}

async function presentRows(
  ctx: AppContext,
  rows: ClarificationRow[],
): Promise<ClarificationView[]> {
  const stations = new Map<string, StationSummary>();
  for (const id of new Set(rows.map((row) => row.stationId))) {
    stations.set(id, await getStationOrThrow(ctx, id));
  }
  const ids = rows.map((row) => row.id);
  const documents = await documentsOf(ctx, ids);
  const corrections = new Map<string, ClarificationCorrectionRow[]>();
  for (const correction of await listCorrectionsOf(ctx.db, ids)) {
    const list = corrections.get(correction.clarificationId) ?? [];
    corrections.set(correction.clarificationId, [...list, correction]);
  }
  return rows.flatMap((row) => {
    const station = stations.get(row.stationId);
    if (!station) return [];
    const summary = { id: station.id, slug: station.slug, name: station.name };
    return [
      toClarificationView(
        row,
        summary,
        ctx.config.publicUrl,
        corrections.get(row.id) ?? [],
        documents.get(row.id) ?? [],
      ),
    ];
  });
}

/** The deployment's labels (SIAGA_FACTCHECK_VERDICTS), in the order editors see them. */
export function listFactcheckVerdicts(ctx: AppContext): FactcheckVerdictList {
  return { verdicts: ctx.config.factcheckVerdicts };
}

function assertVerdict(ctx: AppContext, verdict: string): void {
  if (!ctx.config.factcheckVerdicts.includes(verdict)) {
    throw new AppError(
      'factcheck.unknown_verdict',
      400,
      { verdicts: ctx.config.factcheckVerdicts.join(', ') },
      { fields: [{ field: 'verdict', problem: 'factcheck.unknown_verdict' }] },
    );
  }
}

/** What the matcher and the search index read of a clarification. */
async function indexClarification(
  ctx: AppContext,
  tx: Tx,
  row: ClarificationRow,
  station: StationSummary,
  date: string,
): Promise<void> {
  await ctx.search.index(tx.db, CLARIFICATION_SEARCH_TYPE, row.id, {
    fields: {
      title: row.title,
      claim: row.claim,
      examples: (JSON.parse(row.examples) as string[]).join('\n'),
    },
    stationPath: station.path,
    kind: row.verdict,
    date,
  });
}

export async function createClarification(
  ctx: AppContext,
  actor: Actor,
  input: CreateClarificationBody,
): Promise<ClarificationView> {
  const station = await getStationOrThrow(ctx, input.stationId);
  const account = assertCan(actor, 'factcheck.draft', station);
  assertVerdict(ctx, input.verdict);
  if (input.tipGroupId) await assertAnswerableTipGroup(ctx, input.tipGroupId, station.id);
  const now = ctx.clock.now().toISOString();
  const row: ClarificationRow = {
    id: newId(ctx.clock.now().getTime()),
    stationId: station.id,
    title: input.title.trim(),
    claim: input.claim.trim(),
    verdict: input.verdict,
    explanation: input.explanation,
    explanationHtml: renderMarkdown(input.explanation),
    sources: JSON.stringify(normaliseSources(input.sources)),
    examples: JSON.stringify((input.examples ?? []).map((text) => text.trim()).filter(Boolean)),
    status: 'draft',
    createdBy: account.accountId,
    publishedBy: null,
    createdAt: now,
    updatedAt: now,
    publishedAt: null,
    withdrawnAt: null,
    withdrawnBy: null,
    withdrawnReason: null,
    tipGroupId: input.tipGroupId ?? null,
  };
  await transaction(ctx.db, async (tx) => {
    await insertClarification(tx.db, row);
    await recordAudit(ctx, tx, {
      actor: account,
      stationId: station.id,
      action: 'factcheck.clarification_drafted',
      target: { type: 'clarification', id: row.id },
      summary: { title: row.title, verdict: row.verdict },
    });
  });
  return present(ctx, row, station);
}

export async function publishClarification(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<ClarificationView> {
  const row = await findClarificationById(ctx.db, id);
  if (!row) throw notFound('factcheck.not_found');
  const station = await getStationOrThrow(ctx, row.stationId);
  const account = assertCan(actor, 'factcheck.publish', station);
  const now = ctx.clock.now().toISOString();
  await transaction(ctx.db, async (tx) => {
    const moved = await transitionRow(tx.db, {
      table: 'clarification',
      id,
      column: 'status',
      from: ['draft'],
      set: {
        status: 'published',
        publishedAt: now,
        publishedBy: account.accountId,
        updatedAt: now,
      },
    });
    if (!moved) throw conflict('factcheck.not_draft');
    await indexClarification(ctx, tx, row, station, now);
    await answerTipGroup(ctx, tx, row, account);
    await recordAudit(ctx, tx, {
      actor: account,
      stationId: station.id,
      action: 'factcheck.clarification_published',
      target: { type: 'clarification', id },
      summary: { title: row.title, verdict: row.verdict },
    });
    tx.onCommit(() => ctx.bus.publish('factcheck.changed', { clarificationId: id }));
  });
  return present(ctx, { ...row, status: 'published', publishedAt: now, updatedAt: now }, station);
}

/** A published clarification is public; a draft only for those who may draft at its station. */
export async function getClarification(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<ClarificationView> {
  const row = await findClarificationById(ctx.db, id);
  if (!row) throw notFound('factcheck.not_found');
  const station = await getStationOrThrow(ctx, row.stationId);
  if (row.status === 'draft' && !can(actor, 'factcheck.draft', station)) {
    throw notFound('factcheck.not_found');
  }
  return present(ctx, row, station);
}

/** Published clarifications: newest first, or ranked by the search index when `q` is given. */
export async function listClarifications(
  ctx: AppContext,
  query: ClarificationListQuery,
): Promise<ClarificationList> {
  const text = query.q?.trim();
  if (text) {
    const page = await ctx.search.search(ctx.db, {
      type: CLARIFICATION_SEARCH_TYPE,
      text,
      match: 'any',
      limit: PAGE_SIZE,
      cursor: query.cursor ?? null,
    });
    const rows = await findClarificationsByIds(
      ctx.db,
      page.items.map((hit) => hit.id),
    );
    const shown = rows.filter(
      (row) =>
        row.status === 'published' && (!query.stationId || row.stationId === query.stationId),
    );
    const byId = new Map(shown.map((row) => [row.id, row]));
    const ordered = page.items.flatMap((hit) => {
      const row = byId.get(hit.id);
      return row ? [row] : [];
    });
    return { items: await presentRows(ctx, ordered), nextCursor: page.nextCursor };
  }
  const rows = await listPublishedClarifications(ctx.db, {
    ...(query.cursor ? { after: decodePublishedCursor(query.cursor, 'factcheck.bad_cursor') } : {}),
    ...(query.stationId ? { stationId: query.stationId } : {}),
    limit: PAGE_SIZE + 1,
  });
  const items = rows.slice(0, PAGE_SIZE);
  const last = items.at(-1);
  return {
    items: await presentRows(ctx, items),
    nextCursor: rows.length > PAGE_SIZE && last ? encodePublishedCursor(last) : null,
  };
}

/** Hashes of an uploaded image, from the pipeline's decoded copy; 422 when it has no pixels. */
async function hashesOf(upload: StagedUpload): Promise<string[]> {
  if (!upload.preview) throw new AppError('media.unsupported_type', 415, { allowed: 'image' });
  return perceptualHashes(upload.preview);
}

/** Attaches an example image of the hoax as it circulates (officers of the station; audited). */
export async function addClarificationImage(
  ctx: AppContext,
  actor: Actor,
  id: string,
  file: StagedUpload | undefined,
): Promise<ClarificationImageView> {
  const row = await findClarificationById(ctx.db, id);
  if (!row) throw notFound('factcheck.not_found');
  const station = await getStationOrThrow(ctx, row.stationId);
  const account = assertCan(actor, 'factcheck.draft', station);
  if (!file || file.field !== 'image') throw badRequest('factcheck.image_missing');
  const hashes = await hashesOf(file);
  const imageId = newId(ctx.clock.now().getTime());
  const media = await transaction(ctx.db, async (tx) => {
    const attached = await ctx.media.attach(tx, file, {
      visibility: 'public',
      ownerType: 'clarification',
      ownerId: id,
    });
    await insertClarificationImage(tx.db, {
      id: imageId,
      clarificationId: id,
      mediaId: attached.id,
      hashes: JSON.stringify(hashes),
      createdBy: account.accountId,
      createdAt: ctx.clock.now().toISOString(),
    });
    await recordAudit(ctx, tx, {
      actor: account,
      stationId: station.id,
      action: 'factcheck.image_added',
      target: { type: 'clarification', id },
      summary: { mediaId: attached.id },
    });
    tx.onCommit(() => ctx.bus.publish('factcheck.changed', { clarificationId: id }));
    return attached;
  });
  return {
    id: imageId,
    url: `${ctx.config.publicUrl}${publicMediaPath(servedFile(media)?.key ?? '')}`,
  };
}

// ——— Documents as evidence ———

/** The clarification an officer of its station may attach evidence to (not a withdrawn one). */
async function loadForEvidence(ctx: AppContext, actor: Actor, id: string) {
  const row = await findClarificationById(ctx.db, id);
  if (!row) throw notFound('factcheck.not_found');
  const station = await getStationOrThrow(ctx, row.stationId);
  if (row.status === 'draft' && !can(actor, 'factcheck.draft', station)) {
    throw notFound('factcheck.not_found');
  }
  const account = assertCan(actor, 'factcheck.draft', station);
  if (row.status === 'withdrawn') throw conflict('factcheck.withdrawn');
  return { row, station, account };
}

/** Refuses before a byte of the upload is read: who, which clarification, and room for one more. */
export async function assertMayAttachDocument(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<void> {
  await loadForEvidence(ctx, actor, id);
  await assertRoomForDocument(ctx.db, id);
}

async function assertRoomForDocument(db: Db, id: string) {
  if ((await countClarificationDocuments(db, id)) >= CLARIFICATION_DOCUMENTS_MAX) {
    throw conflict('factcheck.too_many_documents', { max: CLARIFICATION_DOCUMENTS_MAX });
  }
}

/**
 * The name to show and to download as: the device's name without any folder or control
 * characters, ending as the file served ends (an image is served as JPEG).
 */
export function documentName(filename: string, served: 'pdf' | 'jpg'): string {
  const base = filename.split(/[/\\]/).at(-1) ?? '';
  const stem = base
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/\.[^.]*$/, '')
    .trim()
    .slice(0, CLARIFICATION_DOCUMENT_NAME_MAX - 4);
  return `${stem || 'dokumen'}.${served}`;
}

/** Attaches a PDF or a picture as public evidence (officers of the station; audited). */
export async function addClarificationDocument(
  ctx: AppContext,
  actor: Actor,
  id: string,
  intake: MediaIntake,
): Promise<ClarificationDocument> {
  const { station, account } = await loadForEvidence(ctx, actor, id);
  const [file, ...more] = intake.files;
  if (!file || more.length > 0 || file.field !== 'document' || Object.keys(intake.fields).length) {
    throw badRequest('factcheck.document_missing');
  }
  const documentId = newId(ctx.clock.now().getTime());
  const name = documentName(file.filename, file.kind === 'pdf' ? 'pdf' : 'jpg');
  const media = await transaction(ctx.db, async (tx) => {
    await assertRoomForDocument(tx.db, id);
    const attached = await ctx.media.attach(tx, file, {
      visibility: 'public',
      ownerType: 'clarification',
      ownerId: id,
    });
    await insertClarificationDocument(tx.db, {
      id: documentId,
      clarificationId: id,
      mediaId: attached.id,
      name,
      createdBy: account.accountId,
      createdAt: ctx.clock.now().toISOString(),
    });
    await recordAudit(ctx, tx, {
      actor: account,
      stationId: station.id,
      action: 'factcheck.document_added',
      target: { type: 'clarification', id },
      summary: { documentId, name, mediaId: attached.id },
    });
    return attached;
  });
  const served = servedFile(media);
  return {
    id: documentId,
    name,
    type: served?.mime ?? 'application/octet-stream',
    size: served?.bytes ?? 0,
    url: `${ctx.config.publicUrl}${publicMediaPath(served?.key ?? '')}`,
  };
}

/** Takes a document off a clarification; its files go with the next media sweep (audited). */
export async function removeClarificationDocument(
  ctx: AppContext,
  actor: Actor,
  id: string,
  documentId: string,
): Promise<void> {
  const { station, account } = await loadForEvidence(ctx, actor, id);
  await transaction(ctx.db, async (tx) => {
    const removed = await deleteClarificationDocument(tx.db, id, documentId);
    if (!removed) throw notFound('factcheck.document_not_found');
    await ctx.media.remove(tx, [removed.mediaId]);
    await recordAudit(ctx, tx, {
      actor: account,
      stationId: station.id,
      action: 'factcheck.document_removed',
      target: { type: 'clarification', id },
      summary: { documentId, name: removed.name },
    });
  });
}

const CHECK_CANDIDATES = 5;

/** An image within MATCH_DISTANCE scores 0.5 or more, an identical one 1. */
const imageScore = (distance: number) => 1 - distance / (2 * MATCH_DISTANCE);

/**
 * The instant check: published clarifications that match a forwarded text and/or image, best
 * first. Text and image scores combine as independent evidence (1 − (1 − a)(1 − b)); either
 * being confident makes the candidate confident. The image is looked at and forgotten.
 */
export async function checkClaim(
  ctx: AppContext,
  index: ClarificationIndex,
  input: { text?: string; image?: StagedUpload },
): Promise<FactcheckCheckResult> {
  const text = input.text?.trim() ?? '';
  if (!text && !input.image) throw badRequest('factcheck.check_empty');
  const byId = new Map<string, { score: number; confident: boolean }>();
  if (text) {
    for (const match of (await index.matcher()).match(text, CHECK_CANDIDATES)) {
      byId.set(match.clarificationId, { score: match.score, confident: match.confident });
    }
  }
  if (input.image) {
    const hashes = await hashesOf(input.image);
    for (const { clarificationId, distance } of (await index.images()).match(
      hashes,
      CHECK_CANDIDATES,
    )) {
      const textual = byId.get(clarificationId) ?? { score: 0, confident: false };
      const score = 1 - (1 - textual.score) * (1 - imageScore(distance));
      byId.set(clarificationId, { score: Math.round(score * 1000) / 1000, confident: true });
    }
  }
  const matches = [...byId]
    .map(([clarificationId, match]) => ({ clarificationId, ...match }))
    .sort((a, b) => b.score - a.score)
    .slice(0, CHECK_CANDIDATES);
  const rows = new Map(
    (
      await findClarificationsByIds(
        ctx.db,
        matches.map((match) => match.clarificationId),
      )
    ).map((row) => [row.id, row]),
  );
  return {
    candidates: matches.flatMap((match) => {
      const row = rows.get(match.clarificationId);
      if (row?.status !== 'published') return [];
      return [
        {
          ...match,
          verdict: row.verdict,
          title: row.title,
          url: `${ctx.config.publicUrl}${clarificationPath(row.id)}`,
        },
      ];
    }),
  };
}

// ——— Lifecycle after the draft: edits, corrections after publication, withdrawal ———

const EDITABLE_FIELDS = [
  'title',
  'claim',
  'verdict',
  'explanation',
  'sources',
  'examples',
] as const;
/** The fields whose earlier value the public history repeats; the rest it only names. */
const REPEATED_FIELDS = ['title', 'claim', 'verdict'] as const;

function revisedRow(row: ClarificationRow, input: ReviseClarificationBody): ClarificationRow {
  const explanation = input.explanation ?? row.explanation;
  return {
    ...row,
    title: input.title?.trim() ?? row.title,
    claim: input.claim?.trim() ?? row.claim,
    verdict: input.verdict ?? row.verdict,
    explanation,
    explanationHtml:
      input.explanation === undefined ? row.explanationHtml : renderMarkdown(explanation),
    sources: input.sources ? JSON.stringify(normaliseSources(input.sources)) : row.sources,
    examples: input.examples
      ? JSON.stringify(input.examples.map((text) => text.trim()).filter(Boolean))
      : row.examples,
  };
}

/**
 * A draft is edited in place by those who may draft; a published clarification is corrected by
 * those who may publish, with a note the public page shows beside what changed and when.
 */
export async function reviseClarification(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: ReviseClarificationBody,
): Promise<ClarificationView> {
  const row = await findClarificationById(ctx.db, id);
  if (!row) throw notFound('factcheck.not_found');
  const station = await getStationOrThrow(ctx, row.stationId);
  if (row.status === 'draft' && !can(actor, 'factcheck.draft', station)) {
    throw notFound('factcheck.not_found');
  }
  const isCorrection = row.status !== 'draft';
  const account = assertCan(actor, isCorrection ? 'factcheck.publish' : 'factcheck.draft', station);
  if (row.status === 'withdrawn') throw conflict('factcheck.withdrawn');
  if (input.verdict !== undefined) assertVerdict(ctx, input.verdict);
  const note = input.note?.trim() ?? '';
  if (isCorrection && note.length < 3) {
    throw new AppError(
      'factcheck.note_required',
      400,
      {},
      { fields: [{ field: 'note', problem: 'factcheck.note_required' }] },
    );
  }
  const now = ctx.clock.now().toISOString();
  const next = { ...revisedRow(row, input), updatedAt: now };
  const changed = EDITABLE_FIELDS.filter((field) => next[field] !== row[field]);
  if (changed.length === 0) throw new AppError('factcheck.nothing_changed', 400);
  await transaction(ctx.db, async (tx) => {
    const fields = [...changed, 'explanationHtml', 'updatedAt'] as const;
    const patch = Object.fromEntries(fields.map((field) => [field, next[field]]));
    if (!(await updateClarificationIfUnchanged(tx.db, row, patch))) {
      throw conflict('factcheck.changed_meanwhile');
    }
    if (isCorrection) {
      const previous = Object.fromEntries(
        REPEATED_FIELDS.filter((field) => changed.includes(field)).map((f) => [f, row[f]]),
      );
      await insertClarificationCorrection(tx.db, {
        id: newId(ctx.clock.now().getTime()),
        clarificationId: id,
        note,
        changed: JSON.stringify(changed),
        previous: JSON.stringify(previous),
        correctedBy: account.accountId,
        correctedAt: now,
      });
      await indexClarification(ctx, tx, next, station, row.publishedAt ?? now);
      tx.onCommit(() => ctx.bus.publish('factcheck.changed', { clarificationId: id }));
    }
    await recordAudit(ctx, tx, {
      actor: account,
      stationId: station.id,
      action: isCorrection ? 'factcheck.clarification_corrected' : 'factcheck.clarification_edited',
      target: { type: 'clarification', id },
      summary: { changed, ...(isCorrection ? { note } : {}) },
    });
  });
  return present(ctx, next, station);
}

/** Takes a published clarification down: out of the check and the search, its page says why. */
export async function withdrawClarification(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: WithdrawClarificationBody,
): Promise<ClarificationView> {
  const row = await findClarificationById(ctx.db, id);
  if (!row) throw notFound('factcheck.not_found');
  const station = await getStationOrThrow(ctx, row.stationId);
  const account = assertCan(actor, 'factcheck.publish', station);
  const now = ctx.clock.now().toISOString();
  const next: ClarificationRow = {
    ...row,
    status: 'withdrawn',
    withdrawnAt: now,
    withdrawnBy: account.accountId,
    withdrawnReason: input.reason.trim(),
    updatedAt: now,
  };
  await transaction(ctx.db, async (tx) => {
    const moved = await transitionRow(tx.db, {
      table: 'clarification',
      id,
      column: 'status',
      from: ['published'],
      set: {
        status: next.status,
        withdrawnAt: now,
        withdrawnBy: next.withdrawnBy,
        withdrawnReason: next.withdrawnReason,
        updatedAt: now,
      },
    });
    if (!moved) throw conflict('factcheck.not_published');
    await ctx.search.remove(tx.db, CLARIFICATION_SEARCH_TYPE, id);
    await recordAudit(ctx, tx, {
      actor: account,
      stationId: station.id,
      action: 'factcheck.clarification_withdrawn',
      target: { type: 'clarification', id },
      summary: { title: row.title, reason: next.withdrawnReason },
    });
    tx.onCommit(() => ctx.bus.publish('factcheck.changed', { clarificationId: id }));
  });
  return present(ctx, next, station);
}

// ——— "Paling banyak dicek minggu ini" ———

const MOST_CHECKED = 10;

export async function listMostCheckedClarifications(
  ctx: AppContext,
  counter: CheckCounter,
): Promise<MostCheckedClarifications> {
  await counter.flush();
  const week = weekOf(ctx.clock.now());
  const rows = await listMostCheckedRows(ctx.db, week, MOST_CHECKED);
  const checks = new Map(rows.map((row) => [row.id, row.checks]));
  return {
    week,
    items: (await presentRows(ctx, rows)).map((clarification) => ({
      clarification,
      checks: checks.get(clarification.id) ?? 0,
    })),
  };
}
