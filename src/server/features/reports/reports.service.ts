import { createHash, createHmac } from 'node:crypto';
import type { ReportExport } from '../../../common/api/accounts.js';
import type { AlertDraftView } from '../../../common/api/alerts.js';
import type { StationRef } from '../../../common/api/stations.js';
import { translate, type Locale } from '../../../common/i18n/index.js';
import type {
  ReportCluster,
  ReportClusterList,
  ReportDetail,
  ReportListQuery,
  ReportMessage,
  ReportMessageBody,
  ReportPhoto,
  ReportQueue,
  ReportQueueQuery,
  ReportTextBody,
  ReportTimelineEntry,
  ReportTracking,
  ReportView,
  SubmitReportBody,
  SubmittedReport,
  UpdateReportBody,
} from '../../../common/api/reports.js';
import { latLngToCell } from 'h3-js';
import {
  isInIndonesia,
  normaliseTrackingCode,
  PUBLIC_CELL_RESOLUTION,
  REPORT_STATUSES,
  REPORT_TRANSITIONS,
  SENSITIVE_CELL_RESOLUTION,
  SENSITIVE_REPORT_CATEGORIES,
  type ReportCategory,
} from '../../../common/domain/reports.js';
import type { Actor } from '../../auth/actor.js';
import { assertCan, can, isPlatformAdmin, requireAccount } from '../../auth/policy.js';
import {
  hashTrackingSecret,
  newTrackingCode,
  newTrackingSecret,
  trackingSecretMatches,
} from '../../auth/tracking-codes.js';
import type { AppContext, PersonRef } from '../../context.js';
import { isUniqueViolation } from '../../db/constraints.js';
import { transaction, type Tx } from '../../db/database.js';
import { AppError, conflict, forbidden, invalidFields, notFound } from '../../errors.js';
import { optionalPoint } from '../../geo/points.js';
import { accountKey } from '../../geo/targeting.js';
import { newId } from '../../ids.js';
import type { StagedUpload } from '../../media/intake.js';
import { findAccountNames } from '../accounts/accounts.service.js';
import {
  draftAlert,
  findAlertDraftsOfSources,
  findPublicAlertSummaries,
} from '../alerts/alerts.service.js';
import { findAreaRefs, locateAreaCode } from '../areas/areas.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { enqueuePushFanout } from '../push/push.service.js';
import {
  findResponsibleStations,
  findStationsById,
  getStationOrThrow,
  listRoleGrantsOf,
  listStationIdsUnder,
  toStationRef,
  type StationSummary,
} from '../stations/stations.service.js';
import { publishStreamEvent } from '../../realtime/stream.service.js';
import { findClusters, mostCommon, type PlacedReport } from './reports.clusters.js';
import { announceTrackingChange, onTrackingChange } from './reports.events.js';
import { toReportTracking, toReportView, toSubmittedReport } from './reports.presenter.js';
import {
  countReportsByStatus,
  detachReportsOfPerson,
  erasePersonalDataOfReports,
  findReportById,
  findReportByIdempotencyKey,
  findReportByTrackingCode,
  insertReport,
  insertReportEvent,
  insertReportPhotos,
  listDuplicatesOf,
  listReportEvents,
  listReportPhotoIds,
  listReportQueue,
  listReportsDueForErasure,
  listReportsOfReporter,
  listReportsOfStations,
  listPlacedReportsSince,
  listReportPlaces,
  listReportTimings,
  updateReport,
  updateReportInStatus,
  type QueueFilter,
} from './reports.repository.js';
import type { ReportEventRow, ReportRow } from './reports.table.js';

const LIST_LIMIT = 200;

interface Placement {
  station: StationRef;
  areaCode: string | null;
  category: ReportRow['category'];
}

/** The first photo position found in the uploads' metadata (never stored). */
function photoLocation(photos: readonly StagedUpload[]) {
  for (const photo of photos) {
    const { lat, lng } = photo.extracted ?? { lat: null, lng: null };
    if (lat !== null && lng !== null && isInIndonesia(lat, lng)) return { lat, lng };
  }
  return undefined;
}

/**
 * Where a report goes: the linked alert's station; else the most specific station responsible
 * for the area (given, or found from the point). Errors name the field at fault; without a
 * location, a position read from a photo is offered back (in the error) for the reporter to use.
 */
async function placeReport(
  ctx: AppContext,
  input: SubmitReportBody,
  photos: readonly StagedUpload[],
): Promise<Placement> {
  const point = optionalPoint(input, (missing) =>
    invalidFields('report.location_incomplete', [missing]),
  );
  if (point && !isInIndonesia(point.lat, point.lng)) {
    throw invalidFields('report.outside_indonesia', ['lat', 'lng']);
  }
  const alert = input.alertId
    ? (await findPublicAlertSummaries(ctx, [input.alertId])).get(input.alertId)
    : undefined;
  if (input.alertId && !alert) throw invalidFields('report.alert_not_found', ['alertId']);
  if (input.areaCode && !(await findAreaRefs(ctx, [input.areaCode])).has(input.areaCode)) {
    throw invalidFields('report.area_not_found', ['areaCode']);
  }
  const areaCode =
    input.areaCode ?? (point ? await locateAreaCode(ctx, point.lat, point.lng) : undefined);
  const category = input.category ?? alert?.category ?? null;
  if (alert) {
    const station = toStationRef(await getStationOrThrow(ctx, alert.stationId));
    return { station, areaCode: areaCode ?? null, category };
  }
  if (!areaCode) {
    if (point) throw invalidFields('report.location_unknown', ['lat']);
    const offered = photoLocation(photos);
    throw new AppError('report.location_required', 400, undefined, {
      fields: [{ field: 'areaCode', problem: 'report.location_required' }],
      ...(offered ? { photoLocation: offered } : {}),
    });
  }
  const station = (await findResponsibleStations(ctx, [areaCode])).get(areaCode);
  if (!station) throw invalidFields('report.no_station', ['areaCode']);
  return { station: toStationRef(station), areaCode, category };
}

/**
 * The secret of a report sent with an idempotency key is derived from it, so a retry (whose
 * first answer never arrived) gets the same secret back; the key is as unguessable as a secret.
 */
function secretFor(ctx: AppContext, idempotencyKey: string | undefined): string {
  if (!idempotencyKey) return newTrackingSecret();
  return createHmac('sha256', ctx.secret)
    .update(`report-secret:${idempotencyKey}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}

/**
 * Anyone may report. An anonymous report keeps no account; no report keeps the IP address.
 * Not audited: the audit log records officers' actions, and would otherwise name reporters.
 * `created` is false when a retry found the report its key made before: the unique key in
 * the database finds it (no lookup first: almost every submission is new).
 */
export async function submitReport(
  ctx: AppContext,
  actor: Actor,
  input: SubmitReportBody,
  photos: readonly StagedUpload[] = [],
): Promise<{ report: SubmittedReport; created: boolean }> {
  const secret = secretFor(ctx, input.idempotencyKey);
  const placement = await placeReport(ctx, input, photos);
  const { station } = placement;
  const anonymousAsked = input.anonymous ?? input.isAnonymous;
  const isAnonymous = anonymousAsked === true || actor.kind !== 'account';
  const now = ctx.clock.now();
  const base = {
    id: newId(now.getTime()),
    secretHash: hashTrackingSecret(secret),
    idempotencyKey: input.idempotencyKey ?? null,
    stationId: station.id,
    alertId: input.alertId ?? null,
    areaCode: placement.areaCode,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    accuracyM: input.accuracyM ?? null,
    occurredAt: input.occurredAt ? new Date(input.occurredAt).toISOString() : null,
    category: placement.category,
    description: input.description.trim(),
    isAnonymous: isAnonymous ? 1 : 0,
    reporterAccountId: !isAnonymous && actor.kind === 'account' ? actor.accountId : null,
    contact: input.contact?.trim() || null,
    status: 'diterima' as const,
    note: null,
    rejectionReason: null,
    assigneeAccountId: null,
    duplicateOfId: null,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    firstResponseAt: null,
    resolvedAt: null,
    personalDataErasedAt: null,
  };
  // A clash of random codes is rare (29^8 codes); try again with a fresh one.
  for (let attempt = 1; ; attempt += 1) {
    const row: ReportRow = { ...base, trackingCode: newTrackingCode() };
    try {
      if (photos.length === 0) await insertReport(ctx.db, row);
      else await insertReportWithPhotos(ctx, row, photos);
      return { report: toSubmittedReport(row, secret, station), created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Sent again, or twice at once: the first request made the report.
      const twin = await findIdempotent(ctx, input.idempotencyKey, secret);
      if (twin) return { report: twin, created: false };
      if (attempt >= 3) throw error;
    }
  }
}

async function insertReportWithPhotos(
  ctx: AppContext,
  row: ReportRow,
  photos: readonly StagedUpload[],
): Promise<void> {
  await transaction(ctx.db, async (tx) => {
    await insertReport(tx.db, row);
    const mediaIds: string[] = [];
    for (const photo of photos) {
      const media = await ctx.media.attach(tx, photo, {
        visibility: 'private',
        ownerType: 'report',
        ownerId: row.id,
      });
      mediaIds.push(media.id);
    }
    await insertReportPhotos(tx.db, row.id, mediaIds);
  });
}

async function findIdempotent(
  ctx: AppContext,
  key: string | undefined,
  secret: string,
): Promise<SubmittedReport | undefined> {
  if (!key) return undefined;
  const row = await findReportByIdempotencyKey(ctx.db, key);
  if (!row) return undefined;
  const station = await getStationOrThrow(ctx, row.stationId);
  return toSubmittedReport(row, secret, toStationRef(station));
}

/** The report a tracking code and secret open; anything else is "not found", alike. */
async function findTrackedReport(
  ctx: AppContext,
  rawCode: string,
  secret: string | undefined,
): Promise<ReportRow> {
  const row = await findReportByTrackingCode(ctx.db, normaliseTrackingCode(rawCode));
  if (!row || !trackingSecretMatches(secret, row.secretHash)) throw notFound('report.not_found');
  return row;
}

function timelineOf(row: ReportRow, events: ReportEventRow[]): ReportTimelineEntry[] {
  return [
    { at: row.createdAt, status: 'diterima', reason: null },
    ...events.flatMap((event) =>
      event.kind === 'status' && event.status
        ? [
            {
              at: event.createdAt,
              status: event.status,
              reason: event.status === 'ditolak' ? event.body : null,
            },
          ]
        : [],
    ),
  ];
}

function messagesOf(events: ReportEventRow[]): ReportMessage[] {
  return events.flatMap((event) =>
    event.kind === 'reply' || event.kind === 'message'
      ? [
          {
            id: event.id,
            from: event.kind === 'reply' ? ('station' as const) : ('reporter' as const),
            body: event.body ?? '',
            createdAt: event.createdAt,
          },
        ]
      : [],
  );
}

async function photosOf(
  ctx: AppContext,
  reportId: string,
  urlOf: (mediaId: string) => string,
): Promise<ReportPhoto[]> {
  const links = await listReportPhotoIds(ctx.db, [reportId]);
  const media = await ctx.media.list(
    ctx.db,
    links.map((link) => link.mediaId),
  );
  return media.map((item) => ({
    id: item.id,
    width: item.width,
    height: item.height,
    url: urlOf(item.id),
  }));
}

async function trackingView(
  ctx: AppContext,
  row: ReportRow,
  photoUrl: (mediaId: string) => string,
): Promise<ReportTracking> {
  const [station, events, photos] = await Promise.all([
    getStationOrThrow(ctx, row.stationId),
    listReportEvents(ctx.db, row.id),
    photosOf(ctx, row.id, photoUrl),
  ]);
  return toReportTracking(row, toStationRef(station), {
    timeline: timelineOf(row, events),
    messages: messagesOf(events),
    photos,
  });
}

const trackingPhotoUrl = (trackingCode: string) => (mediaId: string) =>
  `/api/reports/track/${trackingCode}/photos/${mediaId}`;
const officerPhotoUrl = (reportId: string) => (mediaId: string) =>
  `/api/reports/${reportId}/photos/${mediaId}`;

export async function trackReport(
  ctx: AppContext,
  rawCode: string,
  secret: string | undefined,
): Promise<ReportTracking> {
  const row = await findTrackedReport(ctx, rawCode, secret);
  return trackingView(ctx, row, trackingPhotoUrl(row.trackingCode));
}

/** The tipster adds to their report; the message names no one, whoever is signed in. */
export async function addTipsterMessage(
  ctx: AppContext,
  rawCode: string,
  secret: string | undefined,
  input: ReportMessageBody,
): Promise<ReportTracking> {
  const row = await findTrackedReport(ctx, rawCode, secret);
  const now = ctx.clock.now();
  await transaction(ctx.db, async (tx) => {
    await insertReportEvent(tx.db, {
      id: newId(now.getTime()),
      reportId: row.id,
      kind: 'message',
      body: input.body.trim(),
      createdAt: now.toISOString(),
    });
    await updateReport(tx.db, row.id, { updatedAt: now.toISOString() });
    // The reporter's other tabs and devices show it too.
    announceTrackingChange(ctx, tx, row.id);
  });
  return trackReport(ctx, rawCode, secret);
}

/** A validator of what the tracking page shows: equal views, equal tags (for If-None-Match). */
export function trackingEtag(view: ReportTracking): string {
  return `"${createHash('sha256').update(JSON.stringify(view)).digest('base64url').slice(0, 27)}"`;
}

/**
 * The tracking view now, then again on every change (status, public reply, message) until
 * `stop`; for the holder of the secret only (anything else is "not found", as on the track
 * route). A change that cannot be read is skipped; the next one brings the page up to date.
 */
export async function watchTrackedReport(
  ctx: AppContext,
  rawCode: string,
  secret: string | undefined,
  onChange: (view: ReportTracking) => void,
): Promise<{ view: ReportTracking; stop: () => void }> {
  const row = await findTrackedReport(ctx, rawCode, secret);
  const read = async () => {
    const current = await findReportById(ctx.db, row.id);
    if (!current) throw notFound('report.not_found');
    return trackingView(ctx, current, trackingPhotoUrl(current.trackingCode));
  };
  const stop = onTrackingChange(ctx, row.id, () => {
    read().then(onChange, (err: unknown) => ctx.log.warn({ err }, 'tracking stream read failed'));
  });
  try {
    return { view: await read(), stop };
  } catch (err) {
    stop();
    throw err;
  }
}

/** "Laporan saya": the signed-in citizen's named reports, newest first. */
export async function listMyReports(ctx: AppContext, actor: Actor): Promise<ReportTracking[]> {
  const account = requireAccount(actor);
  const rows = await listReportsOfReporter(ctx.db, account.accountId);
  const views: ReportTracking[] = [];
  for (const row of rows.reverse())
    views.push(await trackingView(ctx, row, officerPhotoUrl(row.id)));
  return views;
}

/** Streams a photo to the holder of the code and secret. */
export async function findTrackedPhoto(
  ctx: AppContext,
  rawCode: string,
  secret: string | undefined,
  mediaId: string,
): Promise<{ mediaId: string; key: string }> {
  const row = await findTrackedReport(ctx, rawCode, secret);
  return photoFileOf(ctx, row.id, mediaId);
}

/** A photo of the report for its officers (handling station and above) or its named reporter. */
export async function findOfficerPhoto(
  ctx: AppContext,
  actor: Actor,
  reportId: string,
  mediaId: string,
): Promise<{ mediaId: string; key: string }> {
  const row = await findReportById(ctx.db, reportId);
  if (!row) throw notFound('report.not_found');
  const account = requireAccount(actor);
  const isReporter = row.reporterAccountId !== null && row.reporterAccountId === account.accountId;
  if (!isReporter) assertCan(actor, 'report.read', await getStationOrThrow(ctx, row.stationId));
  return photoFileOf(ctx, row.id, mediaId);
}

async function photoFileOf(ctx: AppContext, reportId: string, mediaId: string) {
  const links = await listReportPhotoIds(ctx.db, [reportId]);
  if (!links.some((link) => link.mediaId === mediaId)) throw notFound('report.photo_not_found');
  const [media] = await ctx.media.list(ctx.db, [mediaId]);
  // The JPEG at the widest size: every browser shows it.
  const file = media?.files.filter((f) => f.mime === 'image/jpeg').at(-1) ?? media?.files.at(-1);
  if (!file) throw notFound('report.photo_not_found');
  return { mediaId, key: file.key };
}

async function presentReports(ctx: AppContext, rows: ReportRow[]): Promise<ReportView[]> {
  const [stations, alerts, areas, names, photos] = await Promise.all([
    findStationsById(
      ctx,
      rows.map((row) => row.stationId),
    ),
    findPublicAlertSummaries(
      ctx,
      rows.flatMap((row) => (row.alertId ? [row.alertId] : [])),
    ),
    findAreaRefs(
      ctx,
      rows.flatMap((row) => (row.areaCode ? [row.areaCode] : [])),
    ),
    findAccountNames(
      ctx,
      rows.flatMap((row) => [
        ...(row.isAnonymous === 0 && row.reporterAccountId ? [row.reporterAccountId] : []),
        ...(row.assigneeAccountId ? [row.assigneeAccountId] : []),
      ]),
    ),
    listReportPhotoIds(
      ctx.db,
      rows.map((row) => row.id),
    ),
  ]);
  return rows.flatMap((row) => {
    const station = stations.get(row.stationId);
    if (!station) return [];
    const alert = row.alertId ? alerts.get(row.alertId) : undefined;
    const area = row.areaCode ? areas.get(row.areaCode) : undefined;
    const assigneeName = row.assigneeAccountId ? names.get(row.assigneeAccountId) : undefined;
    return [
      toReportView(row, {
        station: toStationRef(station),
        alert: alert ? { id: alert.id, title: alert.title } : undefined,
        area: area ? { code: area.code, name: area.name } : undefined,
        reporterName: row.reporterAccountId ? names.get(row.reporterAccountId) : undefined,
        assignee:
          row.assigneeAccountId && assigneeName
            ? { id: row.assigneeAccountId, name: assigneeName }
            : undefined,
        photoCount: photos.filter((photo) => photo.reportId === row.id).length,
      }),
    ];
  });
}

/** The reports of a station and of the stations below it, newest first (identity left out). */
export async function listStationReports(
  ctx: AppContext,
  actor: Actor,
  stationId: string,
  query: ReportListQuery,
): Promise<ReportView[]> {
  const station = await getStationOrThrow(ctx, stationId);
  assertCan(actor, 'report.read', station);
  const rows = await listReportsOfStations(ctx.db, await listStationIdsUnder(ctx, station), {
    ...(query.status ? { status: query.status } : {}),
    limit: LIST_LIMIT,
  });
  return (await presentReports(ctx, rows)).map(withoutIdentity);
}

/** The queue shows what was reported; who reported it only in the (audited) detail. */
function withoutIdentity(view: ReportView): ReportView {
  return { ...view, reporter: null, contact: null };
}

/** Every station whose reports the actor may read: their own and those below. */
async function stationIdsVisibleTo(ctx: AppContext, actor: Actor): Promise<string[] | 'all'> {
  const account = requireAccount(actor);
  if (isPlatformAdmin(account)) return 'all';
  const ids = new Set<string>();
  const stations = await findStationsById(
    ctx,
    account.grants.flatMap((grant) => (grant.stationId ? [grant.stationId] : [])),
  );
  for (const station of stations.values()) {
    if (!can(account, 'report.read', station)) continue;
    for (const id of await listStationIdsUnder(ctx, station)) ids.add(id);
  }
  if (ids.size === 0) throw forbidden();
  return [...ids];
}

/** The officer's queue across every station they can see, unanswered and oldest first. */
export async function listReportQueueFor(
  ctx: AppContext,
  actor: Actor,
  query: ReportQueueQuery,
): Promise<ReportQueue> {
  let stationIds = await stationIdsVisibleTo(ctx, actor);
  if (query.stationId) {
    const station = await getStationOrThrow(ctx, query.stationId);
    assertCan(actor, 'report.read', station);
    const under = await listStationIdsUnder(ctx, station);
    stationIds = stationIds === 'all' ? under : under.filter((id) => stationIds.includes(id));
  }
  const filter: QueueFilter = {
    category: query.category,
    areaCode: query.area,
    createdBefore:
      query.minAgeHours !== undefined
        ? new Date(ctx.clock.now().getTime() - query.minAgeHours * 3_600_000).toISOString()
        : undefined,
    assigneeId: query.assignee === 'none' ? null : query.assignee,
  };
  const [rows, counted] = await Promise.all([
    listReportQueue(ctx.db, stationIds, { ...filter, status: query.status, limit: LIST_LIMIT }),
    countReportsByStatus(ctx.db, stationIds, filter),
  ]);
  const counts = Object.fromEntries(REPORT_STATUSES.map((status) => [status, 0]));
  for (const { status, count } of counted) counts[status] = count;
  return { items: (await presentReports(ctx, rows)).map(withoutIdentity), counts };
}

const DAY_MS = 24 * 3_600_000;

/** The clusters among the reports the officer can see, with what presenting them needs. */
async function clustersVisibleTo(ctx: AppContext, actor: Actor) {
  const stationIds = await stationIdsVisibleTo(ctx, actor);
  const rules = ctx.config.reportClusters;
  const since = new Date(ctx.clock.now().getTime() - rules.windowDays * DAY_MS).toISOString();
  const rows = await listPlacedReportsSince(ctx.db, stationIds, since);
  const clusters = findClusters(
    rows.flatMap((row) => (row.category ? [{ ...row, category: row.category }] : [])),
    rules,
  );
  const stationIdOf = (members: PlacedReport[]) =>
    mostCommon(members.map((member) => member.stationId))!;
  const areaCodeOf = (members: PlacedReport[]) =>
    mostCommon(members.map((member) => member.areaCode));
  const [stations, areas] = await Promise.all([
    findStationsById(ctx, clusters.map(stationIdOf)),
    findAreaRefs(
      ctx,
      clusters.flatMap((members) => areaCodeOf(members) ?? []),
    ),
  ]);
  const trackingCodes = new Map(rows.map((row) => [row.id, row.trackingCode]));
  return clusters.map((members) => {
    const station = stations.get(stationIdOf(members))!;
    const areaCode = areaCodeOf(members);
    return {
      members,
      station,
      area: (areaCode ? areas.get(areaCode) : undefined) ?? null,
      areaCodes: [...new Set(members.flatMap((member) => member.areaCode ?? []))],
      trackingCodes,
    };
  });
}

type VisibleCluster = Awaited<ReturnType<typeof clustersVisibleTo>>[number];

/** The words of a cluster in one language: its category and its place. */
function clusterWords(ctx: AppContext, locale: Locale, cluster: VisibleCluster) {
  const category = cluster.members[0]!.category;
  const categoryKey =
    category === 'mencurigakan'
      ? 'reports.category.mencurigakan'
      : (`alerts.category.${category}` as const);
  const place = cluster.area
    ? translate(locale, `reports.clusters.place.${cluster.area.level}`, { name: cluster.area.name })
    : translate(locale, 'reports.clusters.place.unknown', { station: cluster.station.name });
  return {
    count: cluster.members.length,
    category: translate(locale, categoryKey).toLowerCase(),
    place,
    days: ctx.config.reportClusters.windowDays,
  };
}

/**
 * Patterns: reports of one category close in space and time (SIAGA_REPORT_CLUSTER_*), over
 * the stations the officer sees, largest first.
 */
export async function listReportClusters(
  ctx: AppContext,
  actor: Actor,
  locale: Locale,
): Promise<ReportClusterList> {
  const clusters = await clustersVisibleTo(ctx, actor);
  const drafts = await findAlertDraftsOfSources(
    ctx,
    DRAFT_SOURCE,
    clusters.flatMap((cluster) => cluster.members.map((member) => member.id)),
  );
  return {
    items: clusters.map((cluster): ReportCluster => ({
      key: cluster.members[0]!.id,
      category: cluster.members[0]!.category,
      count: cluster.members.length,
      station: toStationRef(cluster.station),
      area: cluster.area,
      areaCodes: cluster.areaCodes,
      firstAt: cluster.members[0]!.createdAt,
      lastAt: cluster.members.at(-1)!.createdAt,
      reports: cluster.members.map((member) => ({
        id: member.id,
        trackingCode: cluster.trackingCodes.get(member.id)!,
      })),
      summary: translate(locale, 'reports.clusters.summary', clusterWords(ctx, locale, cluster)),
      draft: cluster.members.flatMap((member) => drafts.get(member.id) ?? [])[0] ?? null,
    })),
    rules: ctx.config.reportClusters,
  };
}

/** Alert drafts name the reports they were made from under this source type. */
const DRAFT_SOURCE = 'report';

/**
 * The one action on a cluster: an alert draft pre-filled with its category, areas and text
 * (in both languages), stored by the alerts service and tied to the cluster's reports, so a
 * second action opens the same draft (`isNew` false) instead of a twin.
 */
export async function draftAlertForCluster(
  ctx: AppContext,
  actor: Actor,
  key: string,
): Promise<{ draft: AlertDraftView; isNew: boolean }> {
  const cluster = (await clustersVisibleTo(ctx, actor)).find((c) => c.members[0]!.id === key);
  if (!cluster) throw notFound('report.cluster_not_found');
  const category = cluster.members[0]!.category;
  const [id, en] = (['id', 'en'] as const).map((locale) => clusterWords(ctx, locale, cluster));
  return draftAlert(ctx, actor, {
    stationId: cluster.station.id,
    category: category === 'mencurigakan' ? 'lainnya' : category,
    areaCodes: cluster.areaCodes,
    title: translate('id', 'reports.clusters.draft_title', id),
    body: translate('id', 'reports.clusters.draft_body', id),
    titleEn: translate('en', 'reports.clusters.draft_title', en),
    bodyEn: translate('en', 'reports.clusters.draft_body', en),
    source: { type: DRAFT_SOURCE, ids: cluster.members.map((member) => member.id) },
  });
}

async function readableReport(
  ctx: AppContext,
  actor: Actor,
  id: string,
  action: 'report.read' | 'report.update',
) {
  const row = await findReportById(ctx.db, id);
  if (!row) throw notFound('report.not_found');
  const station = await getStationOrThrow(ctx, row.stationId);
  const account = assertCan(actor, action, station);
  return { row, station, account };
}

/** One report for its officers; showing who reported it is itself audited. */
export async function getReportDetail(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<ReportDetail> {
  const { row, account } = await readableReport(ctx, actor, id, 'report.read');
  const [[view], events, photos, similar] = await Promise.all([
    presentReports(ctx, [row]),
    listReportEvents(ctx.db, row.id),
    photosOf(ctx, row.id, officerPhotoUrl(row.id)),
    listDuplicatesOf(ctx.db, row.id),
  ]);
  if (!view) throw notFound('report.not_found');
  if (view.reporter || view.contact) {
    await transaction(ctx.db, (tx) =>
      recordAudit(ctx, tx, {
        actor: account,
        stationId: row.stationId,
        action: 'report.identity_viewed',
        target: { type: 'report', id: row.id },
        summary: { reporter: view.reporter !== null, contact: view.contact !== null },
      }),
    );
  }
  return {
    report: view,
    photos,
    timeline: timelineOf(row, events),
    messages: messagesOf(events),
    notes: events.flatMap((event) =>
      event.kind === 'note'
        ? [
            {
              id: event.id,
              authorName: event.authorName ?? '',
              body: event.body ?? '',
              createdAt: event.createdAt,
            },
          ]
        : [],
    ),
    similar,
  };
}

/** Whether the account holds an officer role in the station or above it. */
async function servesStation(ctx: AppContext, accountId: string, station: StationSummary) {
  const grants = await listRoleGrantsOf(ctx, accountId);
  const stations = await findStationsById(
    ctx,
    grants.flatMap((grant) =>
      grant.stationId && grant.role !== 'citizen' ? [grant.stationId] : [],
    ),
  );
  return [...stations.values()].some((served) => station.path.startsWith(served.path));
}

/**
 * Status, assignment and "laporan serupa" link, each audited; the first move away from
 * `diterima` is the first response. The reporter hears of a status change at once.
 */
export async function updateReportByOfficer(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateReportBody,
): Promise<ReportView> {
  const { row, station, account } = await readableReport(ctx, actor, id, 'report.update');
  const { status } = input;
  if (status !== undefined && !REPORT_TRANSITIONS[row.status].includes(status)) {
    throw conflict('report.invalid_transition', { from: row.status, to: status });
  }
  if (status === 'ditolak' && !input.reason)
    throw invalidFields('report.reason_required', ['reason']);
  if (input.assigneeId && !(await servesStation(ctx, input.assigneeId, station))) {
    throw invalidFields('report.assignee_not_officer', ['assigneeId']);
  }
  if (input.duplicateOfId) {
    const original = await findReportById(ctx.db, input.duplicateOfId);
    if (
      !original ||
      original.id === row.id ||
      !can(account, 'report.read', await getStationOrThrow(ctx, original.stationId))
    ) {
      throw invalidFields('report.duplicate_not_found', ['duplicateOfId']);
    }
  }
  const now = ctx.clock.now().toISOString();
  await transaction(ctx.db, async (tx) => {
    const patch = {
      updatedAt: now,
      ...(input.note !== undefined ? { note: input.note.trim() } : {}),
      ...(input.assigneeId !== undefined ? { assigneeAccountId: input.assigneeId } : {}),
      ...(input.duplicateOfId !== undefined ? { duplicateOfId: input.duplicateOfId } : {}),
    };
    if (status !== undefined) {
      const changed = await updateReportInStatus(tx.db, row.id, row.status, {
        ...patch,
        status,
        firstResponseAt: row.firstResponseAt ?? now,
        rejectionReason: status === 'ditolak' ? (input.reason ?? null) : null,
        resolvedAt: status === 'selesai' ? now : row.resolvedAt,
      });
      if (!changed) throw conflict('report.changed_meanwhile');
      await insertReportEvent(tx.db, {
        id: newId(Date.parse(now)),
        reportId: row.id,
        kind: 'status',
        status,
        ...(status === 'ditolak' && input.reason ? { body: input.reason } : {}),
        author: account,
        createdAt: now,
      });
      await notifyReporter(ctx, tx, row, { status });
    } else {
      await updateReport(tx.db, row.id, patch);
    }
    await recordAudit(ctx, tx, {
      actor: account,
      stationId: row.stationId,
      action: status !== undefined ? 'report.status_changed' : 'report.updated',
      target: { type: 'report', id: row.id },
      summary: {
        ...(status !== undefined ? { from: row.status, to: status } : {}),
        note: input.note ?? null,
        ...(input.reason ? { reason: input.reason } : {}),
        ...(input.assigneeId !== undefined ? { assigneeId: input.assigneeId } : {}),
        ...(input.duplicateOfId !== undefined ? { duplicateOfId: input.duplicateOfId } : {}),
      },
    });
  });
  const updated = await findReportById(ctx.db, row.id);
  if (!updated) throw notFound('report.not_found');
  const [view] = await presentReports(ctx, [updated]);
  if (!view) throw notFound('report.not_found');
  return withoutIdentity(view);
}

declare module '../../realtime/stream-events.js' {
  interface StreamEventTypes {
    /** To the signed-in reporter's own tabs: their report moved on or got a reply. */
    'report.updated': { id: string; trackingCode: string; status: ReportRow['status'] };
  }
}

/**
 * A named reporter hears at once: on their open tabs (private stream key) and by Web Push.
 * An anonymous reporter has no address to reach: the tracking page shows it.
 */
async function notifyReporter(
  ctx: AppContext,
  tx: Tx,
  row: ReportRow,
  change: { status: ReportRow['status'] },
): Promise<void> {
  // Whoever holds the secret may have the tracking page open, named or not.
  announceTrackingChange(ctx, tx, row.id);
  if (!row.reporterAccountId || row.isAnonymous === 1) return;
  const keys = [accountKey(row.reporterAccountId)];
  const data = { id: row.id, trackingCode: row.trackingCode, status: change.status };
  await publishStreamEvent(ctx, tx, { type: 'report.updated', data, keys });
  await enqueuePushFanout(ctx, tx, {
    keys,
    isDrill: false,
    category: 'report',
    isSevere: false,
    payload: { ...data, title: row.trackingCode, body: change.status, url: '/lapor/saya' },
    topic: `report-${row.id}`,
    ttlSeconds: 24 * 3600,
    sourceType: 'report',
    sourceId: row.id,
  });
}

/** A reply the reporter sees (tracking page, "Laporan saya"), or an internal note. */
export async function addOfficerText(
  ctx: AppContext,
  actor: Actor,
  id: string,
  kind: 'reply' | 'note',
  input: ReportTextBody,
): Promise<ReportDetail> {
  const { row, account } = await readableReport(ctx, actor, id, 'report.update');
  const now = ctx.clock.now().toISOString();
  await transaction(ctx.db, async (tx) => {
    const eventId = newId(Date.parse(now));
    await insertReportEvent(tx.db, {
      id: eventId,
      reportId: row.id,
      kind,
      body: input.body.trim(),
      author: account,
      createdAt: now,
    });
    // A public reply is a response to the reporter; an internal note is not.
    await updateReport(tx.db, row.id, {
      updatedAt: now,
      ...(kind === 'reply' ? { firstResponseAt: row.firstResponseAt ?? now } : {}),
    });
    await recordAudit(ctx, tx, {
      actor: account,
      stationId: row.stationId,
      action: kind === 'reply' ? 'report.replied' : 'report.noted',
      target: { type: 'report', id: row.id },
      summary: { eventId },
    });
    if (kind === 'reply') await notifyReporter(ctx, tx, row, { status: row.status });
  });
  return getReportDetail(ctx, actor, id);
}

const HOUR_MS = 3_600_000;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

type ReportTiming = Awaited<ReturnType<typeof listReportTimings>>[number];

/** Counts and median hours to the first response and to resolution (`selesai`) of the rows. */
function responsivenessOf(rows: readonly ReportTiming[]) {
  const hoursSince = (start: string, end: string) =>
    (Date.parse(end) - Date.parse(start)) / HOUR_MS;
  const resolved = rows.filter((row) => row.status === 'selesai');
  return {
    received: rows.length,
    medianHoursToFirstResponse: median(
      rows.flatMap((row) =>
        row.firstResponseAt ? [hoursSince(row.createdAt, row.firstResponseAt)] : [],
      ),
    ),
    medianHoursToResolution: median(
      // Rows written before `resolvedAt` was kept: a resolved report's last change resolved it.
      resolved.map((row) => hoursSince(row.createdAt, row.resolvedAt ?? row.updatedAt)),
    ),
    resolvedShare: rows.length === 0 ? null : resolved.length / rows.length,
  };
}

/**
 * Plain figures for public statistics over the reports received in the period: counts and
 * median hours to the first response and to resolution (`selesai`).
 */
export async function summariseReportResponsiveness(
  ctx: AppContext,
  stationIds: string[] | 'all',
  period: { fromIso: string; toIso: string },
): Promise<ReturnType<typeof responsivenessOf>> {
  return responsivenessOf(
    await listReportTimings(ctx.db, stationIds, period.fromIso, period.toIso),
  );
}

/**
 * The same figures per handling station and month received (`YYYY-MM`), for accountability
 * tables: which station answers its reports how fast, month by month.
 */
export async function listReportResponsivenessByStationMonth(
  ctx: AppContext,
  stationIds: string[] | 'all',
  period: { fromIso: string; toIso: string },
): Promise<Array<{ stationId: string; month: string } & ReturnType<typeof responsivenessOf>>> {
  const rows = await listReportTimings(ctx.db, stationIds, period.fromIso, period.toIso);
  const groups = new Map<string, ReportTiming[]>();
  for (const row of rows) {
    const key = `${row.stationId} ${row.createdAt.slice(0, 7)}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups]
    .map(([key, members]) => {
      const [stationId, month] = key.split(' ') as [string, string];
      return { stationId, month, ...responsivenessOf(members) };
    })
    .sort((a, b) => a.stationId.localeCompare(b.stationId) || a.month.localeCompare(b.month));
}

/** One public figure of where reports were made: never a point, never finer than a month. */
export interface ReportPlaceCount {
  /** `YYYY-MM`. */
  month: string;
  category: ReportCategory | null;
  /** The H3 cell (resolution 7, 6 for sensitive categories) of a report placed by a point. */
  cell: string | null;
  /** The area (a kelurahan at the finest) of a report placed only by its area. */
  areaCode: string | null;
  count: number;
}

/** The coarse cell public figures show a point in: sensitive categories get a coarser one. */
export function publicCellOf(lat: number, lng: number, category: ReportCategory | null): string {
  const sensitive = category !== null && SENSITIVE_REPORT_CATEGORIES.includes(category);
  return latLngToCell(lat, lng, sensitive ? SENSITIVE_CELL_RESOLUTION : PUBLIC_CELL_RESOLUTION);
}

/**
 * Where reports were made, for public figures and maps (the stats feature reads it): counts
 * per month, category and coarse place, so no figure ever shows an exact position or time.
 */
export async function summariseReportPlaces(
  ctx: AppContext,
  stationIds: string[] | 'all',
  period: { fromIso: string; toIso: string },
): Promise<ReportPlaceCount[]> {
  const rows = await listReportPlaces(ctx.db, stationIds, period.fromIso, period.toIso);
  const counts = new Map<string, ReportPlaceCount>();
  for (const row of rows) {
    const cell =
      row.lat !== null && row.lng !== null ? publicCellOf(row.lat, row.lng, row.category) : null;
    const place = {
      month: row.createdAt.slice(0, 7),
      category: row.category,
      cell,
      areaCode: cell ? null : row.areaCode,
    };
    const key = JSON.stringify(place);
    const counted = counts.get(key) ?? { ...place, count: 0 };
    counted.count += 1;
    counts.set(key, counted);
  }
  return [...counts.values()].sort(
    (a, b) =>
      a.month.localeCompare(b.month) ||
      String(a.category).localeCompare(String(b.category)) ||
      String(a.cell ?? a.areaCode).localeCompare(String(b.cell ?? b.areaCode)),
  );
}

const ERASURE_BATCH = 500;

/**
 * Retention (UU PDP): closed reports untouched for the configured period lose their contact,
 * reporter link and photos; what was reported, where and when stays for the statistics.
 */
export async function eraseExpiredReportData(ctx: AppContext): Promise<number> {
  const cutoff = new Date(
    ctx.clock.now().getTime() - ctx.config.reportRetentionDays * 24 * HOUR_MS,
  ).toISOString();
  let erased = 0;
  for (;;) {
    const ids = await listReportsDueForErasure(ctx.db, cutoff, ERASURE_BATCH);
    if (ids.length === 0) return erased;
    const photos = await listReportPhotoIds(ctx.db, ids);
    await transaction(ctx.db, async (tx) => {
      await erasePersonalDataOfReports(tx.db, ids, ctx.clock.now().toISOString());
      await ctx.media.remove(
        tx,
        photos.map((photo) => photo.mediaId),
      );
    });
    erased += ids.length;
  }
}

/** The person's named reports for their UU PDP export, each with its timeline. */
export async function exportReportsOfPerson(
  ctx: AppContext,
  person: PersonRef,
): Promise<ReportExport[]> {
  const rows = await listReportsOfReporter(ctx.db, person.accountId);
  const exported: ReportExport[] = [];
  for (const row of rows) {
    const events = await listReportEvents(ctx.db, row.id);
    exported.push({
      id: row.id,
      trackingCode: row.trackingCode,
      stationId: row.stationId,
      alertId: row.alertId,
      areaCode: row.areaCode,
      lat: row.lat,
      lng: row.lng,
      category: row.category,
      description: row.description,
      contact: row.contact,
      status: row.status,
      note: row.note,
      timeline: timelineOf(row, events).map((entry) => ({ at: entry.at, event: entry.status })),
    });
  }
  return exported;
}

/**
 * On account deletion: the reports stay as anonymous facts for the station, but lose the
 * reporter link and any contact that names the person (their own, or their email/phone).
 */
export async function detachReportsOf(ctx: AppContext, tx: Tx, person: PersonRef): Promise<void> {
  const contacts = [person.email, person.phone].flatMap((contact) => (contact ? [contact] : []));
  await detachReportsOfPerson(
    tx.db,
    { accountId: person.accountId, contacts },
    ctx.clock.now().toISOString(),
  );
}
