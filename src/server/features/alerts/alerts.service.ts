import type {
  AlertDelivery,
  AlertDraftContent,
  AlertDraftList,
  AlertDraftListQuery,
  AlertDraftRef,
  AlertDraftView,
  AlertList,
  AlertListQuery,
  AlertPreview,
  AlertTargetInput,
  AlertView,
  CancelAlertBody,
  GeoJsonPolygon,
  IssueAlertBody,
  PreviewAlertBody,
  RejectAlertBody,
  UpdateAlertBody,
} from '../../../common/api/alerts.js';
import {
  ALERT_BODY_MAX,
  ALERT_DEFAULT_LIFETIME_MS,
  ALERT_TITLE_MAX,
} from '../../../common/domain/alerts.js';
import { translate } from '../../../common/i18n/index.js';
import type { AccountActor, Actor } from '../../auth/actor.js';
import { assertCan, can } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { transaction, type Tx } from '../../db/database.js';
import { lockForUpdate } from '../../db/locking.js';
import { AppError, conflict, forbidden, notFound } from '../../errors.js';
import { geometryContains, geometryPolygons } from '../../geo/polygons.js';
import {
  cellKeysOverlap,
  areaKey,
  cellsToKeys,
  circleToCells,
  polygonToFineCells,
  subscriberKeys,
  type LatLng,
} from '../../geo/targeting.js';
import { newId } from '../../ids.js';
import { publishStreamEvent } from '../../realtime/stream.service.js';
import { renderAtomFeed } from '../../standards/atom.js';
import { renderCapMessage } from '../../standards/cap.js';
import { findAreaRefs, getAreaBoundaries } from '../areas/areas.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { getDeliveryFigures } from '../delivery/delivery.service.js';
import { countPushReach, enqueuePushFanout } from '../push/push.service.js';
import {
  findStationsById,
  getStationBySlugOrThrow,
  getStationOrThrow,
  listStationIdsUnder,
  listStationJurisdiction,
  stationCoversAreas,
  type StationSummary,
} from '../stations/stations.service.js';
import {
  cancelThread,
  countAlertsSent,
  findAlertById,
  findAlertDraftById,
  findAlertsByIds,
  insertAlert,
  insertAlertDraft,
  listAlertDraftSourceIds,
  listLiveDraftsOfSources,
  listOpenAlertDrafts,
  listPendingAlerts,
  listPublicAlerts,
  listThreadAlerts,
  supersedeThread,
  updateAlertInState,
  updateOpenAlertDraft,
} from './alerts.repository.js';
import {
  isDrill,
  parseKeys,
  parseTarget,
  toAlertView,
  toAtomEntry,
  toCapMessage,
  type StoredTarget,
} from './alerts.presenter.js';
import type { AlertDraftRow, AlertRow, NewAlertRow } from './alerts.table.js';

// ---------------------------------------------------------------------------------------------
// Target: validated and resolved to keys once, at issue time.

interface ResolvedTarget {
  stored: StoredTarget;
  areaCodes: string[];
  keys: string[];
  /** Fine cells of the area boundaries, circles and polygons */
  cellCount: number;
}

const invalidInput = (code: string, field: string, params?: Record<string, string>) =>
  new AppError(code, 400, params, { field });

function isPosition(position: number[]): boolean {
  const [lng, lat] = position;
  return (
    lng !== undefined &&
    lat !== undefined &&
    Number.isFinite(lng) &&
    Number.isFinite(lat) &&
    Math.abs(lng) <= 180 &&
    Math.abs(lat) <= 90
  );
}

/** A ring is closed, has at least 4 positions and only valid [lng, lat] pairs. */
function isValidRing(ring: number[][]): boolean {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return (
    ring.length >= 4 &&
    ring.every(isPosition) &&
    first !== undefined &&
    last !== undefined &&
    first[0] === last[0] &&
    first[1] === last[1]
  );
}

function assertValidPolygons(polygons: GeoJsonPolygon[]): void {
  polygons.forEach((polygon, index) => {
    if (!polygon.coordinates.every(isValidRing)) {
      const field = `target.polygons.${index}`;
      throw invalidInput('alert.polygon_invalid', field, { polygon: field });
    }
  });
}

async function resolveTarget(ctx: AppContext, input: AlertTargetInput): Promise<ResolvedTarget> {
  const codes = input.areas ?? [];
  const circles = input.circles ?? [];
  const polygons = input.polygons ?? [];
  if (codes.length + circles.length + polygons.length === 0) {
    throw invalidInput('alert.target_empty', 'target');
  }
  assertValidPolygons(polygons);
  const areas = await findAreaRefs(ctx, codes);
  const unknown = codes.filter((code) => !areas.has(code));
  if (unknown.length > 0) {
    throw invalidInput('alert.area_unknown', 'target.areas', { codes: unknown.join(', ') });
  }
  const boundaryCells = (await getAreaBoundaries(ctx, codes)).flatMap((boundary) =>
    geometryPolygons(boundary.geometry).flatMap(polygonToFineCells),
  );
  const shapeCells = [
    ...circles.flatMap((circle) => circleToCells(circle, circle.radiusM)),
    ...polygons.flatMap((polygon) => polygonToFineCells(polygon.coordinates)),
  ];
  const fineCells = [...boundaryCells, ...shapeCells];
  return {
    stored: {
      areas: codes.map((code) => ({ code, name: areas.get(code)?.name ?? code })),
      circles,
      polygons,
    },
    areaCodes: codes,
    keys: [...new Set([...codes.map(areaKey), ...cellsToKeys(fineCells)])],
    cellCount: new Set(fineCells).size,
  };
}

/**
 * The station (or one below it) must cover every area code; a circle's centre and a polygon's
 * first point must lie inside its jurisdiction's boundaries, or, without boundaries, the
 * target must name at least one area code of the jurisdiction.
 */
async function assertWithinJurisdiction(
  ctx: AppContext,
  station: StationSummary,
  target: StoredTarget,
): Promise<void> {
  const codes = target.areas.map((area) => area.code);
  if (codes.length > 0 && !(await stationCoversAreas(ctx, station, codes))) {
    throw forbidden('alert.outside_jurisdiction');
  }
  const points: LatLng[] = [
    ...target.circles.map(({ lat, lng }) => ({ lat, lng })),
    ...target.polygons.flatMap((polygon) => {
      const [lng, lat] = polygon.coordinates[0]?.[0] ?? [];
      return lng === undefined || lat === undefined ? [] : [{ lat, lng }];
    }),
  ];
  if (points.length === 0) return;
  const boundaries = await getAreaBoundaries(ctx, await listStationJurisdiction(ctx, station));
  if (boundaries.length === 0) {
    if (codes.length === 0) throw forbidden('alert.shape_needs_area');
    return;
  }
  const inside = (point: LatLng) => boundaries.some((b) => geometryContains(b.geometry, point));
  if (!points.every(inside)) throw forbidden('alert.outside_jurisdiction');
}

// ---------------------------------------------------------------------------------------------
// Timing

function resolveTiming(
  now: Date,
  effectiveAt: string | undefined,
  expiresAt: string | undefined,
): { effectiveAt: string; expiresAt: string } {
  const effective = effectiveAt ? new Date(effectiveAt) : now;
  const expires = expiresAt
    ? new Date(expiresAt)
    : new Date(effective.getTime() + ALERT_DEFAULT_LIFETIME_MS);
  if (expires <= effective) throw invalidInput('alert.expires_before_effective', 'expiresAt');
  if (expires <= now) throw invalidInput('alert.expires_in_past', 'expiresAt');
  return { effectiveAt: effective.toISOString(), expiresAt: expires.toISOString() };
}

// ---------------------------------------------------------------------------------------------
// Presenting and publishing

const isOfficerOf = (actor: Actor, station: StationSummary) => can(actor, 'alert.issue', station);

function present(ctx: AppContext, row: AlertRow, station: StationSummary, forOfficer: boolean) {
  return toAlertView(row, station, { forOfficer, now: ctx.clock.now() });
}

/** Web Push keeps a notification at most this long (and at least a minute). */
const PUSH_TTL_MAX_S = 24 * 60 * 60;
const PUSH_TTL_MIN_S = 60;
/** Notifications show a few lines; the page has the rest. */
const PUSH_BODY_MAX = 140;

const isSevere = (row: AlertRow) => row.severity === 'Extreme' || row.severity === 'Severe';

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Sends the public view to the stream and a notification to the push subscriptions, both in
 * the writing transaction (the event goes out and the fan-out job exists only on commit).
 */
async function publishAlert(
  ctx: AppContext,
  tx: Tx,
  row: AlertRow,
  station: StationSummary,
  keys: string[],
): Promise<void> {
  const source = { type: 'alert', id: row.id };
  await publishStreamEvent(ctx, tx, {
    type: 'alert',
    data: present(ctx, row, station, false),
    keys,
    isDrill: isDrill(row),
    source,
  });
  const untilExpiry = Math.floor((Date.parse(row.expiresAt) - ctx.clock.now().getTime()) / 1000);
  await enqueuePushFanout(ctx, tx, {
    keys,
    isDrill: isDrill(row),
    category: row.category,
    isSevere: isSevere(row),
    payload: {
      id: row.id,
      msgType: row.msgType,
      title: row.title,
      body: shorten(row.body, PUSH_BODY_MAX),
      category: row.category,
      severity: row.severity,
      url: `/peringatan/${row.id}`,
      tag: row.threadId,
    },
    // One topic per thread: an Update or Cancel replaces an original still waiting to be delivered.
    topic: row.threadId,
    ttlSeconds: Math.min(PUSH_TTL_MAX_S, Math.max(PUSH_TTL_MIN_S, untilExpiry)),
    ...(isSevere(row) ? { urgency: 'high' as const } : {}),
    sourceType: source.type,
    sourceId: source.id,
  });
}

function auditSummary(row: AlertRow) {
  const target = parseTarget(row);
  return {
    title: row.title,
    category: row.category,
    msgType: row.msgType,
    target: {
      areas: target.areas.map((area) => area.code),
      circles: target.circles.length,
      polygons: target.polygons.length,
    },
  };
}

async function audit(
  ctx: AppContext,
  tx: Tx,
  actor: AccountActor,
  action: string,
  row: AlertRow,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await recordAudit(ctx, tx, {
    actor,
    stationId: row.stationId,
    action,
    target: { type: 'alert', id: row.id },
    summary: { ...auditSummary(row), ...extra },
  });
}

const needsApproval = (fields: { describesSuspect: number; hasPersonPhoto: number }) =>
  fields.describesSuspect === 1 || fields.hasPersonPhoto === 1;

const flag = (value: boolean | undefined, fallback = 0) =>
  value === undefined ? fallback : value ? 1 : 0;

/** The fields of a new message (Alert, Update or Cancel), written by `account` now. */
function newMessageFields(account: AccountActor, now: Date) {
  const nowIso = now.toISOString();
  return {
    id: newId(now.getTime()),
    isSuperseded: 0,
    authorId: account.accountId,
    authorName: account.name,
    reviewerId: null,
    reviewerName: null,
    reviewedAt: null,
    note: null,
    createdAt: nowIso,
    updatedAt: nowIso,
  };
}

// ---------------------------------------------------------------------------------------------
// Issue

export async function issueAlert(
  ctx: AppContext,
  actor: Actor,
  input: IssueAlertBody,
): Promise<AlertView> {
  return issueWithin(ctx, actor, input);
}

/**
 * Issues an alert; `alsoInTx` runs in the same transaction once the alert is stored (a draft
 * marks itself issued), and its result joins the audit summary.
 */
async function issueWithin(
  ctx: AppContext,
  actor: Actor,
  input: IssueAlertBody,
  alsoInTx?: (tx: Tx, alertId: string) => Promise<Record<string, unknown>>,
): Promise<AlertView> {
  const station = await getStationOrThrow(ctx, input.stationId);
  const account = assertCan(actor, 'alert.issue', station);
  const target = await resolveTarget(ctx, input.target);
  await assertWithinJurisdiction(ctx, station, target.stored);
  const now = ctx.clock.now();
  const message = newMessageFields(account, now);
  const flags = {
    describesSuspect: flag(input.describesSuspect),
    hasPersonPhoto: flag(input.hasPersonPhoto),
  };
  const pending = needsApproval(flags);
  const row: NewAlertRow = {
    ...message,
    threadId: message.id,
    stationId: station.id,
    msgType: 'Alert',
    status: input.status ?? 'Actual',
    state: pending ? 'pending_approval' : 'published',
    category: input.category,
    severity: input.severity,
    urgency: input.urgency,
    certainty: input.certainty,
    title: input.title,
    body: input.body,
    instruction: input.instruction ?? null,
    titleEn: input.titleEn ?? null,
    bodyEn: input.bodyEn ?? null,
    instructionEn: input.instructionEn ?? null,
    ...flags,
    target: JSON.stringify(target.stored),
    areaCodes: JSON.stringify(target.areaCodes),
    keys: JSON.stringify(target.keys),
    ...resolveTiming(now, input.effectiveAt, input.expiresAt),
    sentAt: pending ? null : message.createdAt,
  };
  return transaction(ctx.db, async (tx) => {
    await insertAlert(tx.db, row);
    const stored = await findAlertOrThrow(tx, message.id);
    const extra = alsoInTx ? await alsoInTx(tx, stored.id) : {};
    if (!pending) await publishAlert(ctx, tx, stored, station, target.keys);
    await audit(ctx, tx, account, 'alert.issued', stored, { state: stored.state, ...extra });
    return present(ctx, stored, station, true);
  });
}

// ---------------------------------------------------------------------------------------------
// Drafts: an alert pre-filled elsewhere (a cluster of reports), stored for the composer

/** What another feature hands over to draft an alert from its records. */
export interface AlertDraftInput extends Pick<
  IssueAlertBody,
  'stationId' | 'category' | 'title' | 'body' | 'titleEn' | 'bodyEn'
> {
  areaCodes: string[];
  /** The records it is drafted from: a later draft from any of them opens this one. */
  source: { type: string; ids: string[] };
}

function parseDraftContent(row: AlertDraftRow): AlertDraftContent {
  return JSON.parse(row.content) as AlertDraftContent;
}

const toDraftRef = (row: AlertDraftRow): AlertDraftRef => ({
  id: row.id,
  state: row.state,
  alertId: row.alertId,
});

async function presentDrafts(ctx: AppContext, rows: AlertDraftRow[]): Promise<AlertDraftView[]> {
  const contents = new Map(rows.map((row) => [row.id, parseDraftContent(row)]));
  const codes = [...contents.values()].flatMap((content) => content.target.areas ?? []);
  const [areas, sources] = await Promise.all([
    findAreaRefs(ctx, [...new Set(codes)]),
    listAlertDraftSourceIds(
      ctx.db,
      rows.map((row) => row.id),
    ),
  ]);
  return rows.map((row) => {
    const content = contents.get(row.id)!;
    return {
      ...toDraftRef(row),
      stationId: row.stationId,
      content,
      areas: (content.target.areas ?? []).map((code) => ({
        code,
        name: areas.get(code)?.name ?? code,
      })),
      source: {
        type: row.sourceType,
        ids: sources.filter((s) => s.draftId === row.id).map((s) => s.sourceId),
      },
      authorName: row.authorName,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  });
}

async function presentDraft(ctx: AppContext, row: AlertDraftRow): Promise<AlertDraftView> {
  const [view] = await presentDrafts(ctx, [row]);
  return view!;
}

async function auditDraft(
  ctx: AppContext,
  tx: Tx,
  actor: AccountActor,
  action: string,
  row: Pick<AlertDraftRow, 'id' | 'stationId'>,
  summary: Record<string, unknown>,
): Promise<void> {
  await recordAudit(ctx, tx, {
    actor,
    stationId: row.stationId,
    action,
    target: { type: 'alert_draft', id: row.id },
    summary,
  });
}

/**
 * Drafts an alert pre-filled by another feature, checked as issuing it would be (the officer
 * may issue for the station, the areas lie within its jurisdiction), and stores it for the
 * composer. When a live draft (open or issued) was already made from any of the same records,
 * that one is answered instead of a twin (`isNew` false).
 */
export async function draftAlert(
  ctx: AppContext,
  actor: Actor,
  input: AlertDraftInput,
): Promise<{ draft: AlertDraftView; isNew: boolean }> {
  const station = await getStationOrThrow(ctx, input.stationId);
  const account = assertCan(actor, 'alert.issue', station);
  const target = { areas: input.areaCodes };
  await assertWithinJurisdiction(ctx, station, (await resolveTarget(ctx, target)).stored);
  const content: AlertDraftContent = {
    category: input.category,
    title: input.title.slice(0, ALERT_TITLE_MAX),
    body: input.body.slice(0, ALERT_BODY_MAX),
    ...(input.titleEn ? { titleEn: input.titleEn.slice(0, ALERT_TITLE_MAX) } : {}),
    ...(input.bodyEn ? { bodyEn: input.bodyEn.slice(0, ALERT_BODY_MAX) } : {}),
    severity: 'Moderate',
    urgency: 'Expected',
    certainty: 'Likely',
    target,
  };
  const result = await transaction(ctx.db, async (tx) => {
    // Two clicks at once on one cluster make one draft.
    await lockForUpdate(tx, ctx.database.dialect, `alert-draft:${input.source.type}`);
    // Only a draft of the same station: the officer was checked against this one.
    const existing = (
      await listLiveDraftsOfSources(tx.db, input.source.type, input.source.ids)
    ).find((row) => row.stationId === station.id);
    if (existing) return { row: existing, isNew: false };
    const nowIso = ctx.clock.now().toISOString();
    const row: AlertDraftRow = {
      id: newId(Date.parse(nowIso)),
      stationId: station.id,
      state: 'open',
      content: JSON.stringify(content),
      sourceType: input.source.type,
      alertId: null,
      authorId: account.accountId,
      authorName: account.name,
      createdAt: nowIso,
      updatedAt: nowIso,
    };
    await insertAlertDraft(tx.db, row, input.source.ids);
    await auditDraft(ctx, tx, account, 'alert.draft_created', row, {
      title: content.title,
      category: content.category,
      source: input.source,
    });
    return { row, isNew: true };
  });
  const stored = await findAlertDraftById(ctx.db, result.row.id);
  if (!stored) throw notFound('alert.draft_not_found');
  return { draft: await presentDraft(ctx, stored), isNew: result.isNew };
}

/** The live draft made from each record given, if any (the newest when several). */
export async function findAlertDraftsOfSources(
  ctx: AppContext,
  sourceType: string,
  sourceIds: string[],
): Promise<Map<string, AlertDraftRef>> {
  const rows = await listLiveDraftsOfSources(ctx.db, sourceType, [...new Set(sourceIds)]);
  const refs = new Map<string, AlertDraftRef>();
  for (const row of rows) if (!refs.has(row.sourceId)) refs.set(row.sourceId, toDraftRef(row));
  return refs;
}

/** A draft and its station, for an officer who may issue for that station. */
async function loadDraft(ctx: AppContext, actor: Actor, id: string) {
  const row = await findAlertDraftById(ctx.db, id);
  if (!row) throw notFound('alert.draft_not_found');
  const station = await getStationOrThrow(ctx, row.stationId);
  // Whoever may not issue for the station does not learn the draft exists.
  if (!isOfficerOf(actor, station)) throw notFound('alert.draft_not_found');
  const account = assertCan(actor, 'alert.issue', station);
  return { row, station, account };
}

async function loadOpenDraft(ctx: AppContext, actor: Actor, id: string) {
  const loaded = await loadDraft(ctx, actor, id);
  if (loaded.row.state !== 'open') throw conflict('alert.draft_closed');
  return loaded;
}

export async function getAlertDraft(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<AlertDraftView> {
  return presentDraft(ctx, (await loadDraft(ctx, actor, id)).row);
}

/** Open drafts of the station and those below it, for its officers. */
export async function listAlertDrafts(
  ctx: AppContext,
  actor: Actor,
  query: AlertDraftListQuery,
): Promise<AlertDraftList> {
  const station = await getStationOrThrow(ctx, query.station);
  assertCan(actor, 'alert.issue', station);
  const rows = await listOpenAlertDrafts(ctx.db, await listStationIdsUnder(ctx, station), 100);
  const stations = await findStationsById(
    ctx,
    rows.map((row) => row.stationId),
  );
  const visible = rows.filter((row) => {
    const rowStation = stations.get(row.stationId);
    return rowStation !== undefined && isOfficerOf(actor, rowStation);
  });
  return { drafts: await presentDrafts(ctx, visible) };
}

/** The officer's edits, kept for later; the target is checked as issuing would. */
export async function saveAlertDraft(
  ctx: AppContext,
  actor: Actor,
  id: string,
  content: AlertDraftContent,
): Promise<AlertDraftView> {
  const { row, station, account } = await loadOpenDraft(ctx, actor, id);
  await assertWithinJurisdiction(ctx, station, (await resolveTarget(ctx, content.target)).stored);
  await transaction(ctx.db, async (tx) => {
    const saved = await updateOpenAlertDraft(tx.db, row.id, {
      content: JSON.stringify(content),
      updatedAt: ctx.clock.now().toISOString(),
    });
    if (!saved) throw conflict('alert.draft_closed');
    await auditDraft(ctx, tx, account, 'alert.draft_saved', row, {
      title: content.title,
      category: content.category,
    });
  });
  return getAlertDraft(ctx, actor, id);
}

/** Issues the draft as edited (with the approval rules of any alert) and closes it. */
export async function issueAlertDraft(
  ctx: AppContext,
  actor: Actor,
  id: string,
  content: AlertDraftContent,
): Promise<AlertView> {
  const { row } = await loadOpenDraft(ctx, actor, id);
  return issueWithin(ctx, actor, { ...content, stationId: row.stationId }, async (tx, alertId) => {
    const issued = await updateOpenAlertDraft(tx.db, row.id, {
      state: 'issued',
      content: JSON.stringify(content),
      alertId,
      updatedAt: ctx.clock.now().toISOString(),
    });
    if (!issued) throw conflict('alert.draft_closed');
    return { draftId: row.id };
  });
}

/** The officer decides against it; a later pattern of the same records may draft anew. */
export async function discardAlertDraft(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<AlertDraftView> {
  const { row, account } = await loadOpenDraft(ctx, actor, id);
  await transaction(ctx.db, async (tx) => {
    const discarded = await updateOpenAlertDraft(tx.db, row.id, {
      state: 'discarded',
      updatedAt: ctx.clock.now().toISOString(),
    });
    if (!discarded) throw conflict('alert.draft_closed');
    await auditDraft(ctx, tx, account, 'alert.draft_discarded', row, {
      title: parseDraftContent(row).title,
    });
  });
  return getAlertDraft(ctx, actor, id);
}

async function findAlertOrThrow(tx: Tx, id: string): Promise<AlertRow> {
  const row = await findAlertById(tx.db, id);
  if (!row) throw notFound('alert.not_found');
  return row;
}

// ---------------------------------------------------------------------------------------------
// Update and cancel: new messages in the thread, to the same keys

/** The alert's station and the officer changing it; any message of the thread names it. */
async function authoriseThreadChange(ctx: AppContext, actor: Actor, id: string) {
  const row = await findAlertById(ctx.db, id);
  if (!row) throw notFound('alert.not_found');
  const station = await getStationOrThrow(ctx, row.stationId);
  const account = assertCan(actor, 'alert.issue', station);
  return { threadId: row.threadId, station, account };
}

/**
 * Takes the thread's lock, so concurrent updates, cancels and approvals of one alert take
 * turns, and returns the message residents currently see: published and not superseded.
 */
async function lockLiveHead(
  ctx: AppContext,
  tx: Tx,
  threadId: string,
  options: { allowPendingUpdate: boolean },
): Promise<AlertRow> {
  await lockForUpdate(tx, ctx.database.dialect, `alert:${threadId}`);
  const thread = await listThreadAlerts(tx.db, threadId);
  if (thread.some((r) => r.state === 'cancelled')) throw conflict('alert.cancelled');
  const head = thread.find((r) => r.state === 'published' && r.isSuperseded === 0);
  const hasPending = thread.some((r) => r.state === 'pending_approval');
  if (!head) throw conflict(hasPending ? 'alert.awaiting_approval' : 'alert.not_active');
  if (hasPending && !options.allowPendingUpdate) throw conflict('alert.awaiting_approval');
  if (Date.parse(head.expiresAt) <= ctx.clock.now().getTime()) throw conflict('alert.expired');
  return head;
}

const unionKeys = (...rows: AlertRow[]) => [...new Set(rows.flatMap(parseKeys))];

export async function updateAlert(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateAlertBody,
): Promise<AlertView> {
  const { threadId, station, account } = await authoriseThreadChange(ctx, actor, id);
  if (Object.keys(input).length === 0) throw invalidInput('alert.update_empty', 'body');
  const target = input.target ? await resolveTarget(ctx, input.target) : undefined;
  if (target) await assertWithinJurisdiction(ctx, station, target.stored);
  return transaction(ctx.db, async (tx) => {
    const head = await lockLiveHead(ctx, tx, threadId, { allowPendingUpdate: false });
    const now = ctx.clock.now();
    const flags = {
      describesSuspect: flag(input.describesSuspect, head.describesSuspect),
      hasPersonPhoto: flag(input.hasPersonPhoto, head.hasPersonPhoto),
    };
    const pending = needsApproval(flags);
    const row: NewAlertRow = {
      ...head,
      ...newMessageFields(account, now),
      msgType: 'Update',
      status: input.status ?? head.status,
      state: pending ? 'pending_approval' : 'published',
      category: input.category ?? head.category,
      severity: input.severity ?? head.severity,
      urgency: input.urgency ?? head.urgency,
      certainty: input.certainty ?? head.certainty,
      title: input.title ?? head.title,
      body: input.body ?? head.body,
      instruction: input.instruction ?? head.instruction,
      titleEn: input.titleEn ?? head.titleEn,
      bodyEn: input.bodyEn ?? head.bodyEn,
      instructionEn: input.instructionEn ?? head.instructionEn,
      ...flags,
      ...(target
        ? {
            target: JSON.stringify(target.stored),
            areaCodes: JSON.stringify(target.areaCodes),
            keys: JSON.stringify(target.keys),
          }
        : {}),
      // A new effectiveAt without an expiresAt gets the default lifetime from it.
      ...resolveTiming(
        now,
        input.effectiveAt ?? head.effectiveAt,
        input.expiresAt ?? (input.effectiveAt ? undefined : head.expiresAt),
      ),
      sentAt: pending ? null : now.toISOString(),
    };
    await insertAlert(tx.db, row);
    const stored = await findAlertOrThrow(tx, row.id);
    if (!pending) {
      await supersedeThread(tx.db, threadId, stored.id, now.toISOString());
      // Whoever got the previous version hears of the change, even when the target moved.
      await publishAlert(ctx, tx, stored, station, unionKeys(head, stored));
    }
    await audit(ctx, tx, account, 'alert.updated', stored, {
      references: threadId,
      state: stored.state,
      changed: Object.keys(input),
    });
    return present(ctx, stored, station, true);
  });
}

export async function cancelAlert(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: CancelAlertBody,
): Promise<AlertView> {
  const { threadId, station, account } = await authoriseThreadChange(ctx, actor, id);
  return transaction(ctx.db, async (tx) => {
    // A pending Update dies with the thread; it need not be reviewed first.
    const head = await lockLiveHead(ctx, tx, threadId, { allowPendingUpdate: true });
    const now = ctx.clock.now();
    const row: NewAlertRow = {
      ...head,
      ...newMessageFields(account, now),
      msgType: 'Cancel',
      state: 'cancelled',
      sentAt: now.toISOString(),
      note: input.reason ?? null,
    };
    await cancelThread(tx.db, threadId, now.toISOString());
    await insertAlert(tx.db, row);
    const stored = await findAlertOrThrow(tx, row.id);
    await publishAlert(ctx, tx, stored, station, parseKeys(head));
    await audit(ctx, tx, account, 'alert.cancelled', stored, {
      references: threadId,
      reason: stored.note,
    });
    return present(ctx, stored, station, true);
  });
}

// ---------------------------------------------------------------------------------------------
// Approval of alerts that describe or show a suspect

async function loadPending(ctx: AppContext, actor: Actor, id: string) {
  const row = await findAlertById(ctx.db, id);
  if (!row) throw notFound('alert.not_found');
  const station = await getStationOrThrow(ctx, row.stationId);
  const account = assertCan(actor, 'alert.approve', station);
  if (row.state !== 'pending_approval') throw conflict('alert.not_pending');
  // The second pair of eyes must be somebody else's.
  if (row.authorId === account.accountId) throw forbidden('alert.self_approval');
  return { row, station, account };
}

export async function approveAlert(ctx: AppContext, actor: Actor, id: string): Promise<AlertView> {
  const { row, station, account } = await loadPending(ctx, actor, id);
  const now = ctx.clock.now();
  if (Date.parse(row.expiresAt) <= now.getTime()) throw conflict('alert.expired');
  const nowIso = now.toISOString();
  return transaction(ctx.db, async (tx) => {
    await lockForUpdate(tx, ctx.database.dialect, `alert:${row.threadId}`);
    const thread = await listThreadAlerts(tx.db, row.threadId);
    const previousHead = thread.find((r) => r.state === 'published' && r.isSuperseded === 0);
    const approved = await updateAlertInState(tx.db, row.id, 'pending_approval', {
      state: 'published',
      sentAt: nowIso,
      reviewerId: account.accountId,
      reviewerName: account.name,
      reviewedAt: nowIso,
      updatedAt: nowIso,
    });
    if (!approved) throw conflict('alert.not_pending');
    const stored = await findAlertOrThrow(tx, row.id);
    if (stored.msgType === 'Update') {
      await supersedeThread(tx.db, stored.threadId, stored.id, nowIso);
    }
    // An approved Update also reaches whoever got the version it replaces.
    const keys = previousHead ? unionKeys(previousHead, stored) : parseKeys(stored);
    await publishAlert(ctx, tx, stored, station, keys);
    await audit(ctx, tx, account, 'alert.approved', stored);
    return present(ctx, stored, station, true);
  });
}

export async function rejectAlert(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: RejectAlertBody,
): Promise<AlertView> {
  const { row, station, account } = await loadPending(ctx, actor, id);
  const nowIso = ctx.clock.now().toISOString();
  return transaction(ctx.db, async (tx) => {
    const rejected = await updateAlertInState(tx.db, row.id, 'pending_approval', {
      state: 'rejected',
      reviewerId: account.accountId,
      reviewerName: account.name,
      reviewedAt: nowIso,
      note: input.reason,
      updatedAt: nowIso,
    });
    if (!rejected) throw conflict('alert.not_pending');
    const stored = await findAlertOrThrow(tx, row.id);
    await audit(ctx, tx, account, 'alert.rejected', stored, { reason: input.reason });
    return present(ctx, stored, station, true);
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

/** A row the actor may see: public once sent; pending and rejected only for the station's officers. */
async function loadVisible(ctx: AppContext, actor: Actor, id: string) {
  const row = await findAlertById(ctx.db, id);
  if (!row) throw notFound('alert.not_found');
  const station = await getStationOrThrow(ctx, row.stationId);
  const forOfficer = isOfficerOf(actor, station);
  const isPublic = row.state === 'published' || row.state === 'cancelled';
  if (!isPublic && !forOfficer) throw notFound('alert.not_found');
  return { row, station, forOfficer };
}

export async function getAlert(ctx: AppContext, actor: Actor, id: string): Promise<AlertView> {
  const { row, station, forOfficer } = await loadVisible(ctx, actor, id);
  return present(ctx, row, station, forOfficer);
}

export async function getAlertCap(ctx: AppContext, actor: Actor, id: string): Promise<string> {
  const { row, station } = await loadVisible(ctx, actor, id);
  const original = (await findAlertById(ctx.db, row.threadId)) ?? row;
  return renderCapMessage(
    toCapMessage(row, { station, original, publicUrl: ctx.config.publicUrl }),
  );
}

/**
 * Whether an alert reaches someone in the area: it targets the area or one of its ancestors
 * (the subscriber keys of the area), a part of the area, or, when the area has a boundary,
 * cells that overlap it.
 */
function reachesArea(row: AlertRow, area: { code: string; keys: string[]; cellKeys: string[] }) {
  const keys = parseKeys(row);
  if (keys.some((key) => area.keys.includes(key))) return true;
  const codes = JSON.parse(row.areaCodes) as string[];
  if (codes.some((code) => code.startsWith(`${area.code}.`))) return true;
  return area.cellKeys.length > 0 && cellKeysOverlap(area.cellKeys, keys);
}

async function areaMatcher(ctx: AppContext, code: string) {
  const boundaries = await getAreaBoundaries(ctx, [code]);
  const cells = boundaries.flatMap((b) => geometryPolygons(b.geometry).flatMap(polygonToFineCells));
  return { code, keys: subscriberKeys([code]), cellKeys: cellsToKeys(cells) };
}

/** Without an area filter a page is a page; with one, more rows are read and filtered here. */
const AREA_SCAN_LIMIT = 1000;

/** The stations of the rows, in one read. */
const stationsOf = (ctx: AppContext, rows: AlertRow[]) =>
  findStationsById(
    ctx,
    rows.map((row) => row.stationId),
  );

async function presentAll(ctx: AppContext, actor: Actor, rows: AlertRow[]): Promise<AlertList> {
  const stations = await stationsOf(ctx, rows);
  return {
    alerts: rows.flatMap((row) => {
      const station = stations.get(row.stationId);
      return station ? [present(ctx, row, station, isOfficerOf(actor, station))] : [];
    }),
  };
}

export async function listAlerts(
  ctx: AppContext,
  actor: Actor,
  query: AlertListQuery,
): Promise<AlertList> {
  const limit = query.limit ?? 50;
  if (query.pending === '1') {
    if (!query.station) throw invalidInput('alert.station_required', 'station');
    const station = await getStationOrThrow(ctx, query.station);
    assertCan(actor, 'alert.approve', station);
    return presentAll(ctx, actor, await listPendingAlerts(ctx.db, station.id, limit));
  }
  const rows = await listPublicAlerts(ctx.db, {
    ...(query.active === '1' ? { activeAt: ctx.clock.now().toISOString() } : {}),
    ...(query.station ? { stationId: query.station } : {}),
    limit: query.area ? AREA_SCAN_LIMIT : limit,
  });
  const area = query.area ? await areaMatcher(ctx, query.area) : undefined;
  const matching = (area ? rows.filter((row) => reachesArea(row, area)) : rows).slice(0, limit);
  return presentAll(ctx, actor, matching);
}

export async function previewAlertTarget(
  ctx: AppContext,
  actor: Actor,
  input: PreviewAlertBody,
): Promise<AlertPreview> {
  const station = await getStationOrThrow(ctx, input.stationId);
  assertCan(actor, 'alert.issue', station);
  const target = await resolveTarget(ctx, input.target);
  await assertWithinJurisdiction(ctx, station, target.stored);
  return {
    keys: target.keys.length,
    areas: target.stored.areas,
    cells: target.cellCount,
    reach: {
      devices: await countPushReach(ctx, target.keys),
      liveConnections: ctx.hub.countReached(target.keys),
    },
  };
}

/** How a message went out, per channel; for the station's officers. */
export async function getAlertDelivery(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<AlertDelivery> {
  const row = await findAlertById(ctx.db, id);
  if (!row) throw notFound('alert.not_found');
  const station = await getStationOrThrow(ctx, row.stationId);
  assertCan(actor, 'alert.issue', station);
  return getDeliveryFigures(ctx, 'alert', row.id);
}

// ---------------------------------------------------------------------------------------------
// Atom index of active alerts

export async function renderAlertsFeed(
  ctx: AppContext,
  options: { stationSlug?: string },
): Promise<string> {
  const station = options.stationSlug
    ? await getStationBySlugOrThrow(ctx, options.stationSlug)
    : undefined;
  const rows = await listPublicAlerts(ctx.db, {
    activeAt: ctx.clock.now().toISOString(),
    ...(station ? { stationId: station.id } : {}),
    limit: 500,
  });
  const stations = await stationsOf(ctx, rows);
  const entries = rows.flatMap((row) => {
    const rowStation = stations.get(row.stationId);
    return rowStation ? [toAtomEntry(row, rowStation, ctx.config.publicUrl)] : [];
  });
  const base = ctx.config.publicUrl;
  const selfUrl = station
    ? `${base}/feeds/stations/${station.slug}/alerts.atom`
    : `${base}/feeds/alerts.atom`;
  return renderAtomFeed({
    id: selfUrl,
    title: station
      ? translate('id', 'alerts.feed.station_title', { station: station.name })
      : translate('id', 'alerts.feed.title'),
    updated: entries.reduce(
      (latest, entry) => (entry.updated > latest ? entry.updated : latest),
      rows.length === 0 ? ctx.clock.now().toISOString() : '',
    ),
    selfUrl,
    authorName: station?.name ?? 'Siaga',
    entries,
  });
}

/** What another feature needs of a public alert (reports link to one); undefined if not public. */
export async function findPublicAlertSummaries(
  ctx: AppContext,
  ids: string[],
): Promise<
  Map<string, { id: string; title: string; stationId: string; category: AlertRow['category'] }>
> {
  const rows = await findAlertsByIds(ctx.db, [...new Set(ids)]);
  return new Map(
    rows
      .filter((row) => row.state === 'published' || row.state === 'cancelled')
      .map((row) => [
        row.id,
        { id: row.id, title: row.title, stationId: row.stationId, category: row.category },
      ]),
  );
}

/** How many alerts the stations given (or all) sent in [fromIso, toIso): for public statistics. */
export async function countAlertsIssued(
  ctx: AppContext,
  stationIds: string[] | 'all',
  period: { fromIso: string; toIso: string },
): Promise<number> {
  return countAlertsSent(ctx.db, stationIds, period.fromIso, period.toIso);
}
