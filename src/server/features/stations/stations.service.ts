import type { AppContext } from '../../context.js';
import { notFound } from '../../errors.js';
import {
  findStationById,
  findStationBySlug,
  listJurisdictionAreaCodes,
} from './stations.repository.js';
import type { StationRow } from './stations.table.js';

export async function getStationOrThrow(ctx: AppContext, stationId: string): Promise<StationRow> {
  const station = await findStationById(ctx.db, stationId);
  if (!station) throw notFound('station.not_found');
  return station;
}

/**
 * Whether every code lies inside the jurisdiction of the station or its descendants: the code
 * itself or one of its ancestors is a jurisdiction code.
 */
export async function stationCoversAreas(
  ctx: AppContext,
  station: StationRow,
  codes: string[],
): Promise<boolean> {
  const jurisdiction = new Set(await listJurisdictionAreaCodes(ctx.db, station.path));
  return codes.every((code) => {
    const parts = code.split('.');
    return parts.some((_, i) => jurisdiction.has(parts.slice(0, i + 1).join('.')));
  });
}

export async function getStationBySlugOrThrow(ctx: AppContext, slug: string): Promise<StationRow> {
  const station = await findStationBySlug(ctx.db, slug);
  if (!station) throw notFound('station.not_found');
  return station;
}

/** The area codes of the station's jurisdiction and of every station below it. */
export async function listStationJurisdiction(
  ctx: AppContext,
  station: StationRow,
): Promise<string[]> {
  return listJurisdictionAreaCodes(ctx.db, station.path);
}
