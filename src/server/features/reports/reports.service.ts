import type {
  ReportListQuery,
  ReportTracking,
  ReportView,
  SubmitReportBody,
  SubmittedReport,
  UpdateReportBody,
} from '../../../common/api/reports.js';
import { normaliseTrackingCode, REPORT_TRANSITIONS } from '../../../common/domain/reports.js';
import type { Actor } from '../../auth/actor.js';
import { assertCan } from '../../auth/policy.js';
import { newTrackingCode } from '../../auth/tracking-codes.js';
import type { ReportExport } from '../../../common/api/accounts.js';
import type { AppContext, PersonRef } from '../../context.js';
import { isUniqueViolation } from '../../db/constraints.js';
import { transaction, type Tx } from '../../db/database.js';
import { AppError, conflict, invalidFields, notFound } from '../../errors.js';
import { optionalPoint } from '../../geo/points.js';
import { newId } from '../../ids.js';
import { findAccountNames } from '../accounts/accounts.service.js';
import { findPublicAlertSummaries } from '../alerts/alerts.service.js';
import { findAreaRefs, locateArea } from '../areas/areas.service.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  findResponsibleStations,
  findStationsById,
  getStationOrThrow,
  listStationIdsUnder,
  toStationRef,
} from '../stations/stations.service.js';
import {
  findReportById,
  findReportByTrackingCode,
  detachReportsOfPerson,
  insertReport,
  listReportsOfReporter,
  listReportsOfStations,
  listReportTimings,
  updateReportInStatus,
} from './reports.repository.js';
import { toReportTracking, toReportView, toSubmittedReport } from './reports.presenter.js';
import type { ReportRow } from './reports.table.js';

const LIST_LIMIT = 200;

/** The area of a point, or undefined where no imported boundary holds it. */
async function areaCodeAt(ctx: AppContext, lat: number, lng: number): Promise<string | undefined> {
  try {
    return (await locateArea(ctx, lat, lng)).code;
  } catch (error) {
    if (error instanceof AppError && error.statusCode === 404) return undefined;
    throw error;
  }
}

interface Placement {
  stationId: string;
  areaCode: string | null;
  category: ReportRow['category'];
}

/**
 * Where a report goes: the linked alert's station; else the station responsible for the area
 * (given, or found from the point). Errors name the field at fault.
 */
async function placeReport(ctx: AppContext, input: SubmitReportBody): Promise<Placement> {
  const point = optionalPoint(input, (missing) =>
    invalidFields('report.location_incomplete', [missing]),
  );
  const alert = input.alertId
    ? (await findPublicAlertSummaries(ctx, [input.alertId])).get(input.alertId)
    : undefined;
  if (input.alertId && !alert) throw invalidFields('report.alert_not_found', ['alertId']);
  if (input.areaCode && !(await findAreaRefs(ctx, [input.areaCode])).has(input.areaCode)) {
    throw invalidFields('report.area_not_found', ['areaCode']);
  }
  const areaCode =
    input.areaCode ?? (point ? await areaCodeAt(ctx, point.lat, point.lng) : undefined);
  const category = input.category ?? alert?.category ?? null;
  if (alert) return { stationId: alert.stationId, areaCode: areaCode ?? null, category };
  if (!areaCode) {
    throw invalidFields(point ? 'report.location_unknown' : 'report.location_required', [
      point ? 'lat' : 'areaCode',
    ]);
  }
  const station = (await findResponsibleStations(ctx, [areaCode])).get(areaCode);
  if (!station) throw invalidFields('report.no_station', ['areaCode']);
  return { stationId: station.id, areaCode, category };
}

/**
 * Anyone may report. An anonymous report keeps no account; no report keeps the IP address.
 * Not audited: the audit log records officers' actions, and would otherwise name reporters.
 */
export async function submitReport(
  ctx: AppContext,
  actor: Actor,
  input: SubmitReportBody,
): Promise<SubmittedReport> {
  const placement = await placeReport(ctx, input);
  const station = await getStationOrThrow(ctx, placement.stationId);
  const isAnonymous = input.isAnonymous === true || actor.kind !== 'account';
  const now = ctx.clock.now();
  const base = {
    id: newId(now.getTime()),
    stationId: station.id,
    alertId: input.alertId ?? null,
    areaCode: placement.areaCode,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    category: placement.category,
    description: input.description.trim(),
    isAnonymous: isAnonymous ? 1 : 0,
    reporterAccountId: !isAnonymous && actor.kind === 'account' ? actor.accountId : null,
    contact: input.contact?.trim() || null,
    status: 'received' as const,
    note: null,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    firstResponseAt: null,
  };
  // A clash of random codes is rare (29^8 codes); try again with a fresh one.
  for (let attempt = 1; ; attempt += 1) {
    const row: ReportRow = { ...base, trackingCode: newTrackingCode() };
    try {
      await insertReport(ctx.db, row);
      return toSubmittedReport(row, toStationRef(station));
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

export async function trackReport(ctx: AppContext, rawCode: string): Promise<ReportTracking> {
  const row = await findReportByTrackingCode(ctx.db, normaliseTrackingCode(rawCode));
  if (!row) throw notFound('report.not_found');
  const station = await getStationOrThrow(ctx, row.stationId);
  return toReportTracking(row, toStationRef(station));
}

async function presentReports(ctx: AppContext, rows: ReportRow[]): Promise<ReportView[]> {
  const [stations, alerts, areas, names] = await Promise.all([
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
      rows.flatMap((row) =>
        row.isAnonymous === 0 && row.reporterAccountId ? [row.reporterAccountId] : [],
      ),
    ),
  ]);
  return rows.flatMap((row) => {
    const station = stations.get(row.stationId);
    if (!station) return [];
    const alert = row.alertId ? alerts.get(row.alertId) : undefined;
    const area = row.areaCode ? areas.get(row.areaCode) : undefined;
    return [
      toReportView(row, {
        station: toStationRef(station),
        alert: alert ? { id: alert.id, title: alert.title } : undefined,
        area: area ? { code: area.code, name: area.name } : undefined,
        reporterName: row.reporterAccountId ? names.get(row.reporterAccountId) : undefined,
      }),
    ];
  });
}

/** The reports of a station and of the stations below it, newest first. */
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
  return presentReports(ctx, rows);
}

/** Moves a report on; the first move away from `received` is the first response. */
export async function updateReportStatus(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateReportBody,
): Promise<ReportView> {
  const row = await findReportById(ctx.db, id);
  if (!row) throw notFound('report.not_found');
  const account = assertCan(actor, 'report.update', await getStationOrThrow(ctx, row.stationId));
  if (!REPORT_TRANSITIONS[row.status].includes(input.status)) {
    throw conflict('report.invalid_transition', { from: row.status, to: input.status });
  }
  const now = ctx.clock.now().toISOString();
  await transaction(ctx.db, async (tx) => {
    const changed = await updateReportInStatus(tx.db, row.id, row.status, {
      status: input.status,
      ...(input.note !== undefined ? { note: input.note.trim() } : {}),
      updatedAt: now,
      firstResponseAt: row.firstResponseAt ?? now,
    });
    if (!changed) throw conflict('report.changed_meanwhile');
    await recordAudit(ctx, tx, {
      actor: account,
      stationId: row.stationId,
      action: 'report.status_changed',
      target: { type: 'report', id: row.id },
      summary: { from: row.status, to: input.status, note: input.note ?? null },
    });
  });
  const updated = await findReportById(ctx.db, row.id);
  if (!updated) throw notFound('report.not_found');
  const [view] = await presentReports(ctx, [updated]);
  if (!view) throw notFound('report.not_found');
  return view;
}

const HOUR_MS = 3_600_000;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Plain figures for public statistics over the reports received in the period: counts and
 * median hours. A resolved report's last change is its resolution (resolved only reopens).
 */
export async function summariseReportResponsiveness(
  ctx: AppContext,
  stationIds: string[] | 'all',
  period: { fromIso: string; toIso: string },
): Promise<{
  received: number;
  medianHoursToFirstResponse: number | null;
  medianHoursToResolution: number | null;
  resolvedShare: number | null;
}> {
  const rows = await listReportTimings(ctx.db, stationIds, period.fromIso, period.toIso);
  const hoursSince = (start: string, end: string) =>
    (Date.parse(end) - Date.parse(start)) / HOUR_MS;
  const resolved = rows.filter((row) => row.status === 'resolved');
  return {
    received: rows.length,
    medianHoursToFirstResponse: median(
      rows.flatMap((row) =>
        row.firstResponseAt ? [hoursSince(row.createdAt, row.firstResponseAt)] : [],
      ),
    ),
    medianHoursToResolution: median(
      resolved.map((row) => hoursSince(row.createdAt, row.updatedAt)),
    ),
    resolvedShare: rows.length === 0 ? null : resolved.length / rows.length,
  };
}

/** The person's named reports for their UU PDP export, each with its timeline. */
export async function exportReportsOfPerson(
  ctx: AppContext,
  person: PersonRef,
): Promise<ReportExport[]> {
  const rows = await listReportsOfReporter(ctx.db, person.accountId);
  return rows.map((row) => ({
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
    timeline: [
      { at: row.createdAt, event: 'received' },
      ...(row.firstResponseAt ? [{ at: row.firstResponseAt, event: 'first_response' }] : []),
      ...(row.updatedAt !== row.createdAt ? [{ at: row.updatedAt, event: row.status }] : []),
    ],
  }));
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
