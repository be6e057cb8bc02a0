import { performance } from 'node:perf_hooks';
import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';
import type {
  AreaBoundaryView,
  AreaDetail,
  AreaRef,
  AreaSearchQuery,
  AreaSummary,
  MyAreasBody,
} from '../../../common/api/areas.js';
import {
  ancestorAreaCodes,
  AREA_LEVELS,
  areaLevelOfCode,
  parentAreaCode,
  toSearchName,
  type AreaLevel,
} from '../../../common/domain/areas.js';
import type { AppContext } from '../../context.js';
import { transaction } from '../../db/database.js';
import { invalidFields, notFound } from '../../errors.js';
import { boundingBox, geometryContains, parseAreaGeometry } from '../../geo/polygons.js';
import { toAreaRef, toAreaSummary } from './areas.presenter.js';
import {
  countAreasByLevel,
  findAreaBoundaries,
  findAreaByCode,
  findAreasByCodes,
  listAccountAreas,
  listBoundariesAroundPoint,
  listChildAreas,
  replaceAccountAreas,
  searchAreas,
  upsertAreaBoundaries,
  upsertAreas,
} from './areas.repository.js';
import type { AreaBoundaryRow, AreaRow, NewAreaRow } from './areas.table.js';

/** The codes of a citizen's home and interest areas. */
export async function listAccountAreaCodes(
  ctx: AppContext,
  accountId: string,
): Promise<Array<{ areaCode: string; kind: 'home' | 'interest' }>> {
  const rows = await listAccountAreas(ctx.db, accountId);
  return rows.map((row) => ({ areaCode: row.areaCode, kind: row.kind }));
}

/** GeoJSON geometries (Polygon or MultiPolygon) of the areas that have an imported boundary. */
export async function getAreaBoundaries(
  ctx: AppContext,
  codes: string[],
): Promise<Array<{ code: string; geometry: unknown }>> {
  const rows = await findAreaBoundaries(ctx.db, codes);
  return rows.map((row) => ({ code: row.code, geometry: JSON.parse(row.geometry) as unknown }));
}

/** The areas among `codes` that exist, keyed by code. */
async function findAreas(ctx: AppContext, codes: string[]): Promise<Map<string, AreaRow>> {
  const rows = await findAreasByCodes(ctx.db, [...new Set(codes)]);
  return new Map(rows.map((row) => [row.code, row]));
}

/** References to the areas among `codes` that exist, keyed by code. */
export async function findAreaRefs(
  ctx: AppContext,
  codes: string[],
): Promise<Map<string, AreaRef>> {
  const rows = await findAreas(ctx, codes);
  return new Map([...rows].map(([code, row]) => [code, toAreaRef(row)]));
}

/**
 * The areas for `codes`, or a 400 `area.unknown` naming `field.<index>` for each code that does
 * not exist.
 */
export async function requireAreas(
  ctx: AppContext,
  codes: string[],
  field: (index: number) => string,
): Promise<Map<string, AreaRef>> {
  const found = await findAreaRefs(ctx, codes);
  const unknown = codes.flatMap((code, i) => (found.has(code) ? [] : [{ code, i }]));
  if (unknown.length > 0) {
    throw invalidFields(
      'area.unknown',
      unknown.map((u) => field(u.i)),
      { codes: unknown.map((u) => u.code).join(', ') },
    );
  }
  return found;
}

/** Summaries (with ancestors) of the given rows, in their order. */
export async function summariseAreas(ctx: AppContext, rows: AreaRow[]): Promise<AreaSummary[]> {
  const ancestors = await findAreas(
    ctx,
    rows.flatMap((row) => ancestorAreaCodes(row.code)),
  );
  return rows.map((row) => toAreaSummary(row, ancestors));
}

// ---- national import --------------------------------------------------------------------

/** Rows per INSERT: 5 parameters each keeps far below PostgreSQL's 65535 and SQLite's 32766. */
const IMPORT_BATCH = 2000;

export interface AreaImportResult {
  /** Rows written; 0 when the table already held the complete set. */
  written: number;
  total: number;
  counts: Record<AreaLevel, number>;
  skipped: boolean;
  ms: number;
}

/** Provinces and regencies come in capitals: "KOTA ADMINISTRASI JAKARTA SELATAN". */
const KEEP_UPPER = new Set(['DKI']);
export function toDisplayName(name: string): string {
  if (name !== name.toUpperCase()) return name.trim();
  return name
    .trim()
    .split(/\s+/)
    .map((word) => (KEEP_UPPER.has(word) ? word : word.charAt(0) + word.slice(1).toLowerCase()))
    .join(' ');
}

export async function loadNationalAreas(): Promise<NewAreaRow[]> {
  const [provinces, regencies, districts, villages] = await Promise.all([
    getProvinces(),
    getRegencies(),
    getDistricts(),
    getVillages(),
  ]);
  const rows: NewAreaRow[] = [];
  for (const list of [provinces, regencies, districts, villages]) {
    for (const { code, name } of list) {
      const level = areaLevelOfCode(code);
      // papaparse yields an empty last row for a trailing newline.
      if (!level || !name) continue;
      const displayName = toDisplayName(name);
      rows.push({
        code,
        name: displayName,
        level,
        parentCode: parentAreaCode(code),
        searchName: toSearchName(displayName),
      });
    }
  }
  return rows;
}

/** Whether any area has been imported (a fresh database has none). */
export async function hasAreas(ctx: AppContext): Promise<boolean> {
  const counts = await countAreasByLevel(ctx.db);
  return [...counts.values()].some((count) => count > 0);
}

/**
 * Loads every Indonesian province, regency, district and village from `idn-area-data`.
 * Idempotent: does nothing when every level already holds the package's count; otherwise
 * upserts everything in one transaction, in multi-row batches.
 */
export async function importAreas(ctx: AppContext): Promise<AreaImportResult> {
  // A duration, not a point in time: the context clock does not apply.
  const started = performance.now();
  const rows = await loadNationalAreas();
  const counts = Object.fromEntries(AREA_LEVELS.map((level) => [level, 0])) as Record<
    AreaLevel,
    number
  >;
  for (const row of rows) counts[row.level] += 1;

  const existing = await countAreasByLevel(ctx.db);
  const skipped = AREA_LEVELS.every((level) => (existing.get(level) ?? 0) >= counts[level]);
  if (!skipped) {
    await transaction(ctx.db, async (tx) => {
      for (let i = 0; i < rows.length; i += IMPORT_BATCH) {
        await upsertAreas(tx.db, rows.slice(i, i + IMPORT_BATCH));
      }
    });
  }
  const result: AreaImportResult = {
    written: skipped ? 0 : rows.length,
    total: rows.length,
    counts,
    skipped,
    ms: Math.round(performance.now() - started),
  };
  ctx.log.info(result, skipped ? 'areas already imported' : 'areas imported');
  return result;
}

// ---- search and detail ------------------------------------------------------------------

export async function searchAreaSummaries(
  ctx: AppContext,
  query: AreaSearchQuery,
): Promise<AreaSummary[]> {
  const term = toSearchName(query.q);
  if (term === '') return [];
  const rows = await searchAreas(ctx.db, {
    term,
    limit: query.limit ?? 20,
    ...(query.level ? { level: query.level } : {}),
    ...(query.parent ? { parentCode: query.parent } : {}),
  });
  return summariseAreas(ctx, rows);
}

export async function getAreaDetail(ctx: AppContext, code: string): Promise<AreaDetail> {
  const row = await findAreaByCode(ctx.db, code);
  if (!row) throw notFound('area.not_found');
  const [summary] = await summariseAreas(ctx, [row]);
  const children = await listChildAreas(ctx.db, code);
  return { ...summary!, children: children.map(toAreaRef) };
}

// ---- boundaries -------------------------------------------------------------------------

/** The outline of one area: 404 `area.no_boundary` where none was imported. */
export async function getAreaBoundary(ctx: AppContext, code: string): Promise<AreaBoundaryView> {
  const [row] = await findAreaBoundaries(ctx.db, [code]);
  if (row) return { code, geometry: JSON.parse(row.geometry) as AreaBoundaryView['geometry'] };
  throw notFound((await findAreaByCode(ctx.db, code)) ? 'area.no_boundary' : 'area.not_found');
}

export interface BoundaryImportResult {
  imported: number;
  /** Codes in the file that are not known areas (import areas first). */
  unknownCodes: string[];
  /** Features without a code or without a Polygon/MultiPolygon geometry. */
  invalid: number;
}

const UNDOTTED = /^(\d{2})(\d{2})?(\d{2})?(\d{4})?$/;

/** `3174071001` → `31.74.07.1001`; dotted codes pass through. */
export function normaliseAreaCode(raw: unknown): string | undefined {
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const text = String(raw).trim();
  if (text.includes('.')) return areaLevelOfCode(text) ? text : undefined;
  const match = UNDOTTED.exec(text);
  if (!match) return undefined;
  const parts = match.slice(1).filter((part): part is string => part !== undefined);
  // Parts must be consecutive: 2, 2+2, 2+2+2, 2+2+2+4.
  if (parts.join('') !== text) return undefined;
  return parts.join('.');
}

/** Loads area outlines from a GeoJSON FeatureCollection keyed by `properties.code`/`kode`. */
export async function importBoundaries(
  ctx: AppContext,
  geojson: unknown,
): Promise<BoundaryImportResult> {
  const features = (geojson as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) throw invalidFields('area.invalid_geojson', ['features']);
  const candidates: AreaBoundaryRow[] = [];
  let invalid = 0;
  for (const feature of features as Array<{
    properties?: Record<string, unknown>;
    geometry?: unknown;
  }>) {
    const props = feature?.properties ?? {};
    const code = normaliseAreaCode(props.code ?? props.kode ?? props.kode_wilayah);
    const geometry = parseAreaGeometry(feature?.geometry);
    if (!code || !geometry) {
      invalid += 1;
      continue;
    }
    candidates.push({ code, geometry: JSON.stringify(geometry), ...boundingBox(geometry) });
  }
  const known = await findAreas(
    ctx,
    candidates.map((c) => c.code),
  );
  const rows = candidates.filter((c) => known.has(c.code));
  await transaction(ctx.db, async (tx) => {
    // 6 parameters a row; outlines are large, so keep statements modest.
    for (let i = 0; i < rows.length; i += 500) {
      await upsertAreaBoundaries(tx.db, rows.slice(i, i + 500));
    }
  });
  const unknownCodes = [
    ...new Set(candidates.filter((c) => !known.has(c.code)).map((c) => c.code)),
  ];
  ctx.log.info(
    { imported: rows.length, unknown: unknownCodes.length, invalid },
    'boundaries imported',
  );
  return { imported: rows.length, unknownCodes, invalid };
}

/** The code of the smallest imported area whose outline holds the point, if any. */
export async function locateAreaCode(
  ctx: AppContext,
  lat: number,
  lng: number,
): Promise<string | undefined> {
  const candidates = await listBoundariesAroundPoint(ctx.db, lat, lng);
  return (
    candidates
      .filter((c) => {
        const geometry = parseAreaGeometry(JSON.parse(c.geometry));
        return geometry !== undefined && geometryContains(geometry, { lat, lng });
      })
      .map((c) => c.code)
      // A deeper code is a smaller area: village before district.
      .sort((a, b) => b.length - a.length)[0]
  );
}

/** The most specific area whose outline holds the point, with its parents. */
export async function locateArea(ctx: AppContext, lat: number, lng: number): Promise<AreaSummary> {
  const code = await locateAreaCode(ctx, lat, lng);
  const row = code ? await findAreaByCode(ctx.db, code) : undefined;
  if (!row) throw notFound('area.not_located');
  const [summary] = await summariseAreas(ctx, [row]);
  return summary!;
}

// ---- a citizen's areas ------------------------------------------------------------------

/** Replaces an account's areas after checking them; my areas (stations) and the demo seed use it. */
export async function replaceAreasOfAccount(
  ctx: AppContext,
  accountId: string,
  input: MyAreasBody,
): Promise<void> {
  const codes = input.areas.map((a) => a.code);
  if (input.areas.filter((a) => a.kind === 'home').length > 1) {
    throw invalidFields('area.multiple_homes', ['areas']);
  }
  const duplicates = codes.flatMap((code, i) =>
    codes.indexOf(code) !== i ? [`areas.${i}.code`] : [],
  );
  if (duplicates.length > 0) throw invalidFields('area.duplicate', duplicates);
  await requireAreas(ctx, codes, (i) => `areas.${i}.code`);
  await transaction(ctx.db, (tx) =>
    replaceAccountAreas(
      tx.db,
      accountId,
      input.areas.map((a) => ({ areaCode: a.code, kind: a.kind })),
    ),
  );
}

/** The account's areas with their parents, home first, then in the order they were stored. */
export async function listMyAreaSummaries(
  ctx: AppContext,
  accountId: string,
): Promise<Array<AreaSummary & { kind: 'home' | 'interest' }>> {
  const chosen = await listAccountAreas(ctx.db, accountId);
  const areas = await findAreas(
    ctx,
    chosen.map((c) => c.areaCode),
  );
  const rows = chosen.flatMap((c) => {
    const row = areas.get(c.areaCode);
    return row ? [{ row, kind: c.kind }] : [];
  });
  rows.sort((a, b) => Number(b.kind === 'home') - Number(a.kind === 'home'));
  const summaries = await summariseAreas(
    ctx,
    rows.map((r) => r.row),
  );
  return summaries.map((summary, i) => ({ ...summary, kind: rows[i]!.kind }));
}
