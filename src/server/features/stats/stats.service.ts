import type { StationRef } from '../../../common/api/stations.js';
import type {
  CaseView,
  CsvProblem,
  FigureInput,
  MonthFigures,
  PutFiguresBody,
  RecordCaseBody,
  StatsSummary,
  SummaryQuery,
} from '../../../common/api/stats.js';
import {
  addMonths,
  monthIndex,
  MONTH_PATTERN,
  PERIOD_MAX_MONTHS,
} from '../../../common/domain/stats.js';
import { translate, type Locale, type MessageKey } from '../../../common/i18n/index.js';
import type { AccountActor, Actor } from '../../auth/actor.js';
import { assertCan, isPlatformAdmin } from '../../auth/policy.js';
import { statsPolicies } from './stats.policy.js';
import type { AppContext } from '../../context.js';
import { transaction, type Dialect } from '../../db/database.js';
import { AppError, conflict, forbidden, invalidFields } from '../../errors.js';
import { newId } from '../../ids.js';
import { countAlertsIssued } from '../alerts/alerts.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { summariseReportResponsiveness } from '../reports/reports.service.js';
import {
  findStationRefs,
  toStationRef,
  getStationBySlug,
  getStationBySlugOrThrow,
  getStationOrThrow,
  listStationDirectory,
  listStationIdsUnder,
} from '../stations/stations.service.js';
import type { StationSummary } from '../stations/stations.service.js';
import { toCaseView, toMonthFigures, toSummary } from './stats.presenter.js';
import {
  countCasesOfMonth,
  countMonthSources,
  findCrimeMonths,
  insertCase,
  insertCorrections,
  insertCrimeMonths,
  listCorrections,
  listFiguresOfMonth,
  NATIONAL_SCOPE,
  replaceFigures,
  sumFigures,
  updateCrimeMonthVersion,
  upsertCrimeMonth,
  type Period,
  type StationFilter,
} from './stats.repository.js';
import type { CrimeCorrectionRow, CrimeFigureRow, CrimeMonthRow } from './stats.table.js';

/** Stations keep figures in Western Indonesian Time: a month starts at 00:00 WIB. */
const WIB_OFFSET_MS = 7 * 3_600_000;
const DEFAULT_PERIOD_MONTHS = 12;

// ---- who may write ----------------------------------------------------------------------

/**
 * A station's figures are its own account to the public: only its own editors and admins
 * (and platform admins) publish them. Unlike most station actions, a parent's admin does not
 * reach down: the parent sees the child's figures in its roll-up but cannot rewrite them.
 */
function assertOwnStation(actor: Actor, station: StationSummary): AccountActor {
  const account = assertCan(actor, 'stats.publish', station);
  if (isPlatformAdmin(account)) return account;
  const allowed: readonly string[] = statsPolicies['stats.publish'];
  const isOwn = account.grants.some(
    (grant) => grant.stationId === station.id && allowed.includes(grant.role),
  );
  if (!isOwn) throw forbidden('stats.not_own_station');
  return account;
}

function currentMonth(ctx: AppContext): string {
  return new Date(ctx.clock.now().getTime() + WIB_OFFSET_MS).toISOString().slice(0, 7);
}

function assertNotFuture(ctx: AppContext, month: string, field: string): void {
  if (monthIndex(month) > monthIndex(currentMonth(ctx))) {
    throw invalidFields('stats.future_month', [field]);
  }
}

function monthStartIso(month: string): string {
  const start = Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1);
  return new Date(start - WIB_OFFSET_MS).toISOString();
}

// ---- entered figures --------------------------------------------------------------------

/** Problems of one month's figures: unknown or repeated categories. `field(i)` names them. */
function checkFigures(
  ctx: AppContext,
  figures: FigureInput[],
): Array<{ index: number; code: string }> {
  const known = new Set(ctx.config.crimeCategories);
  return figures.flatMap((figure, index) => {
    if (!known.has(figure.category)) return [{ index, code: 'stats.unknown_category' }];
    const first = figures.findIndex((other) => other.category === figure.category);
    return first !== index ? [{ index, code: 'stats.duplicate_category' }] : [];
  });
}

/**
 * Publishes one month's figures at once (no draft). Putting a published month again is a
 * correction: it needs a reason, keeps the old figures and shows publicly.
 */
export async function putMonthFigures(
  ctx: AppContext,
  actor: Actor,
  stationId: string,
  month: string,
  input: PutFiguresBody,
): Promise<MonthFigures> {
  const station = await getStationOrThrow(ctx, stationId);
  const account = assertOwnStation(actor, station);
  assertNotFuture(ctx, month, 'month');
  const problems = checkFigures(ctx, input.figures);
  const [firstProblem] = problems;
  if (firstProblem) {
    throw invalidFields(
      firstProblem.code,
      problems.map((p) => `figures.${p.index}.category`),
    );
  }
  const [existing] = await findCrimeMonths(ctx.db, station.id, [month]);
  if (existing?.source === 'derived') throw conflict('stats.month_derived', { month });
  const reason = input.reason?.trim();
  if (existing && !reason) throw invalidFields('stats.reason_required', ['reason']);

  const now = ctx.clock.now().toISOString();
  const figures = input.figures.map((f) => ({ stationId: station.id, month, ...f }));
  await transaction(ctx.db, async (tx) => {
    await publishMonths(
      tx.db,
      ctx.database.dialect,
      station,
      [{ month, figures }],
      existing ? [existing] : [],
      {
        now,
        reason: reason ?? '',
      },
    );
    await recordAudit(ctx, tx, {
      actor: account,
      stationId: station.id,
      action: existing ? 'stats.figures_corrected' : 'stats.figures_published',
      target: { type: 'crime_month', id: `${station.id}:${month}` },
      summary: { month, figures: input.figures, ...(existing ? { reason } : {}) },
    });
  });
  return getMonthFigures(ctx, station, month);
}

async function getMonthFigures(
  ctx: AppContext,
  station: StationSummary,
  month: string,
): Promise<MonthFigures> {
  const [row] = await findCrimeMonths(ctx.db, station.id, [month]);
  const figures = await listFiguresOfMonth(ctx.db, station.id, month);
  // Just written inside this request: a missing row is a bug, not a 404.
  if (!row) throw new Error(`crime_month ${station.id}:${month} vanished after publishing`);
  return toMonthFigures(toStationRef(station), row, figures);
}

/**
 * Writes entered months: new months at version 1, published ones as corrections (old
 * figures kept with the reason, version + 1). The caller has checked everything.
 */
async function publishMonths(
  db: AppContext['db'],
  dialect: Dialect,
  station: StationSummary,
  months: Array<{ month: string; figures: CrimeFigureRow[] }>,
  existing: CrimeMonthRow[],
  at: { now: string; reason: string },
): Promise<void> {
  const stationId = station.id;
  const published = new Map(existing.map((row) => [row.month, row]));
  const fresh: CrimeMonthRow[] = [];
  const corrections: CrimeCorrectionRow[] = [];
  for (const { month } of months) {
    const before = published.get(month);
    if (!before) {
      fresh.push({
        stationId,
        month,
        source: 'entered',
        version: 1,
        publishedAt: at.now,
        updatedAt: at.now,
      });
      continue;
    }
    const previous = await listFiguresOfMonth(db, stationId, month);
    corrections.push({
      id: newId(),
      stationId,
      month,
      version: before.version + 1,
      reason: at.reason,
      previous: JSON.stringify(
        previous.map(({ category, crimeTotal, crimeCleared }) => ({
          category,
          crimeTotal,
          crimeCleared,
        })),
      ),
      correctedAt: at.now,
    });
    await updateCrimeMonthVersion(db, stationId, month, before.version + 1, at.now);
  }
  await insertCrimeMonths(db, fresh);
  await insertCorrections(db, corrections);
  await replaceFigures(
    db,
    dialect,
    station,
    months.map((m) => m.month),
    months.flatMap((m) => m.figures),
  );
}

// ---- CSV import -------------------------------------------------------------------------

export const CSV_HEADER = ['month', 'category', 'crime_total', 'crime_cleared'] as const;
const COUNT_PATTERN = /^\d{1,8}$/;

interface CsvRow {
  line: number;
  month: string;
  category: string;
  crimeTotal: number;
  crimeCleared: number;
}

/** Plain comma-separated cells; figures hold no commas or quotes, so quoting is just trimmed. */
function splitCsvLine(text: string): string[] {
  return text.split(',').map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
}

/**
 * Validates every row of an import (`month,category,crime_total,crime_cleared`) and
 * publishes it in one transaction, or writes nothing and names every wrong cell by line.
 * A month in the file replaces that month's figures; a month already published is a
 * correction and needs `reason`.
 */
export async function importFigures(
  ctx: AppContext,
  actor: Actor,
  stationId: string,
  csv: string,
  options: { reason?: string; locale: Locale },
): Promise<{ imported: number }> {
  const station = await getStationOrThrow(ctx, stationId);
  const account = assertOwnStation(actor, station);
  const problems: CsvProblem[] = [];
  const problem = (line: number, field: string, key: MessageKey, params?: Record<string, string>) =>
    problems.push({ line, field, message: translate(options.locale, key, params) });

  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '').map((cell) => cell.toLowerCase());
  if (header.join(',') !== CSV_HEADER.join(',')) {
    problem(1, 'header', 'stats.csv.header', { expected: CSV_HEADER.join(',') });
    throw csvInvalid(problems);
  }
  const known = new Set(ctx.config.crimeCategories);
  const latest = monthIndex(currentMonth(ctx));
  const monthPattern = new RegExp(MONTH_PATTERN);
  const seen = new Map<string, number>();
  const rows: CsvRow[] = [];
  lines.slice(1).forEach((text, index) => {
    const line = index + 2;
    if (text.trim() === '') return;
    const cells = splitCsvLine(text);
    if (cells.length !== CSV_HEADER.length) {
      problem(line, 'row', 'stats.csv.columns', { count: String(CSV_HEADER.length) });
      return;
    }
    const [month = '', category = '', total = '', cleared = ''] = cells;
    const before = problems.length;
    if (!monthPattern.test(month)) problem(line, 'month', 'stats.csv.month');
    else if (monthIndex(month) > latest) problem(line, 'month', 'stats.csv.future_month');
    if (!known.has(category)) problem(line, 'category', 'stats.csv.category', { category });
    if (!COUNT_PATTERN.test(total)) problem(line, 'crime_total', 'stats.csv.count');
    if (!COUNT_PATTERN.test(cleared)) problem(line, 'crime_cleared', 'stats.csv.count');
    if (problems.length > before) return;
    const key = `${month}|${category}`;
    const firstLine = seen.get(key);
    if (firstLine !== undefined) {
      problem(line, 'category', 'stats.csv.duplicate', { line: String(firstLine) });
      return;
    }
    seen.set(key, line);
    rows.push({ line, month, category, crimeTotal: Number(total), crimeCleared: Number(cleared) });
  });

  const months = [...new Set(rows.map((row) => row.month))];
  const existing = await findCrimeMonths(ctx.db, station.id, months);
  const existingByMonth = new Map(existing.map((row) => [row.month, row]));
  const reason = options.reason?.trim();
  for (const row of rows) {
    const before = existingByMonth.get(row.month);
    if (before?.source === 'derived') problem(row.line, 'month', 'stats.csv.month_derived');
    else if (before && !reason) problem(row.line, 'month', 'stats.csv.reason_required');
  }
  if (problems.length > 0) throw csvInvalid(problems.sort((a, b) => a.line - b.line));

  const byMonth = new Map<string, CrimeFigureRow[]>();
  for (const { month, category, crimeTotal, crimeCleared } of rows) {
    const figures = byMonth.get(month) ?? [];
    figures.push({ stationId: station.id, month, category, crimeTotal, crimeCleared });
    byMonth.set(month, figures);
  }
  const now = ctx.clock.now().toISOString();
  await transaction(ctx.db, async (tx) => {
    await publishMonths(
      tx.db,
      ctx.database.dialect,
      station,
      [...byMonth].map(([month, figures]) => ({ month, figures })),
      existing,
      { now, reason: reason ?? '' },
    );
    await recordAudit(ctx, tx, {
      actor: account,
      stationId: station.id,
      action: 'stats.figures_imported',
      target: { type: 'station', id: station.id },
      summary: {
        rows: rows.length,
        months: months.sort(),
        corrected: existing.map((row) => row.month).sort(),
        ...(existing.length > 0 ? { reason } : {}),
      },
    });
  });
  return { imported: rows.length };
}

function csvInvalid(errors: CsvProblem[]): AppError {
  return new AppError('stats.csv_invalid', 400, { count: errors.length }, { errors });
}

/** The import template: the header and one zero row per category for the current month. */
export function csvTemplate(ctx: AppContext): string {
  const month = currentMonth(ctx);
  return [
    CSV_HEADER.join(','),
    ...ctx.config.crimeCategories.map((category) => `${month},${category},0,0`),
  ].join('\n');
}

// ---- recorded cases ---------------------------------------------------------------------

/**
 * Records one case; its month's figures are then derived from the month's cases (counted by
 * the month reported, cleared once cleared), so that month can no longer be entered.
 */
export async function recordCase(
  ctx: AppContext,
  actor: Actor,
  stationId: string,
  input: RecordCaseBody,
): Promise<CaseView> {
  const station = await getStationOrThrow(ctx, stationId);
  const account = assertOwnStation(actor, station);
  if (!ctx.config.crimeCategories.includes(input.category)) {
    throw invalidFields('stats.unknown_category', ['category']);
  }
  const month = input.reportedOn.slice(0, 7);
  assertNotFuture(ctx, month, 'reportedOn');
  if ((input.status === 'cleared') !== (input.clearedOn !== undefined)) {
    throw invalidFields('stats.cleared_date', ['clearedOn']);
  }
  if (input.clearedOn !== undefined && input.clearedOn < input.reportedOn) {
    throw invalidFields('stats.cleared_before_reported', ['clearedOn']);
  }
  const [existing] = await findCrimeMonths(ctx.db, station.id, [month]);
  if (existing?.source === 'entered') throw conflict('stats.month_entered', { month });

  const now = ctx.clock.now().toISOString();
  const row = {
    id: newId(),
    stationId: station.id,
    category: input.category,
    reportedOn: input.reportedOn,
    areaCode: input.areaCode ?? null,
    status: input.status,
    clearedOn: input.clearedOn ?? null,
    createdAt: now,
    updatedAt: now,
  };
  await transaction(ctx.db, async (tx) => {
    await insertCase(tx.db, row);
    await upsertCrimeMonth(tx.db, {
      stationId: station.id,
      month,
      source: 'derived',
      version: (existing?.version ?? 0) + 1,
      publishedAt: existing?.publishedAt ?? now,
      updatedAt: now,
    });
    await replaceFigures(
      tx.db,
      ctx.database.dialect,
      station,
      [month],
      await countCasesOfMonth(tx.db, station.id, month),
    );
    await recordAudit(ctx, tx, {
      actor: account,
      stationId: station.id,
      action: 'stats.case_recorded',
      target: { type: 'crime_case', id: row.id },
      summary: { category: row.category, reportedOn: row.reportedOn, status: row.status },
    });
  });
  return toCaseView(row);
}

// ---- public summaries -------------------------------------------------------------------

function resolvePeriod(ctx: AppContext, query: SummaryQuery): Period {
  const to = query.to ?? currentMonth(ctx);
  const from = query.from ?? addMonths(to, -(DEFAULT_PERIOD_MONTHS - 1));
  const span = monthIndex(to) - monthIndex(from) + 1;
  if (span < 1) throw invalidFields('stats.invalid_period', ['from', 'to']);
  if (span > PERIOD_MAX_MONTHS) throw invalidFields('stats.period_too_long', ['from', 'to']);
  return { from, to };
}

async function summarise(
  ctx: AppContext,
  station: StationSummary | null,
  stations: StationFilter,
  period: Period,
): Promise<StatsSummary> {
  const isoPeriod = {
    fromIso: monthStartIso(period.from),
    toIso: monthStartIso(addMonths(period.to, 1)),
  };
  const [sums, sources, corrections, reports, alertsIssued] = await Promise.all([
    sumFigures(ctx.db, station?.id ?? NATIONAL_SCOPE, period),
    countMonthSources(ctx.db, stations, period),
    listCorrections(ctx.db, stations, period),
    summariseReportResponsiveness(ctx, stations, isoPeriod),
    countAlertsIssued(ctx, stations, isoPeriod),
  ]);
  const correctedStations = await findStationRefs(
    ctx,
    corrections.map((row) => row.stationId),
  );
  return toSummary({
    station: station ? toStationRef(station) : null,
    period,
    categories: ctx.config.crimeCategories,
    sums,
    sources,
    corrections,
    correctedStations,
    responsiveness: { reports, alerts: { issued: alertsIssued } },
  });
}

/** A station's figures rolled up over itself and every station below it. */
export async function getStationSummary(
  ctx: AppContext,
  slug: string,
  query: SummaryQuery,
): Promise<StatsSummary> {
  const station = await getStationBySlugOrThrow(ctx, slug);
  const period = resolvePeriod(ctx, query);
  return summarise(ctx, station, await listStationIdsUnder(ctx, station), period);
}

/** The whole country: every Polda with everything below it. */
export async function getNationalSummary(
  ctx: AppContext,
  query: SummaryQuery,
): Promise<StatsSummary> {
  return summarise(ctx, null, 'all', resolvePeriod(ctx, query));
}

/** What the public page shows: the summary, the same months a year before, and the stations below. */
export interface StatsPage {
  summary: StatsSummary;
  lastYear: StatsSummary;
  below: StationRef[];
}

export async function getStatsPage(
  ctx: AppContext,
  slug: string | undefined,
  query: SummaryQuery,
): Promise<StatsPage> {
  const period = resolvePeriod(ctx, query);
  const lastYear = { from: addMonths(period.from, -12), to: addMonths(period.to, -12) };
  if (!slug) {
    const [summary, before, poldas] = await Promise.all([
      summarise(ctx, null, 'all', period),
      summarise(ctx, null, 'all', lastYear),
      listStationDirectory(ctx, { level: 'polda' }),
    ]);
    return {
      summary,
      lastYear: before,
      below: poldas.map(({ id, slug: poldaSlug, name, level }) => ({
        id,
        slug: poldaSlug,
        name,
        level,
      })),
    };
  }
  const station = await getStationBySlugOrThrow(ctx, slug);
  const ids = await listStationIdsUnder(ctx, station);
  const [summary, before, view] = await Promise.all([
    summarise(ctx, station, ids, period),
    summarise(ctx, station, ids, lastYear),
    getStationBySlug(ctx, slug),
  ]);
  return { summary, lastYear: before, below: view.children };
}
