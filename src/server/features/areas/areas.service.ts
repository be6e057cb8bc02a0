import type { AppContext } from '../../context.js';
import { findAreaBoundaries, findAreasByCodes, listAccountAreas } from './areas.repository.js';
import type { AreaRow } from './areas.table.js';

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
export async function findAreas(ctx: AppContext, codes: string[]): Promise<Map<string, AreaRow>> {
  const rows = await findAreasByCodes(ctx.db, [...new Set(codes)]);
  return new Map(rows.map((row) => [row.code, row]));
}
