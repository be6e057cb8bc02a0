import type { AppContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { findStationById, listJurisdictionAreaCodes } from './stations.repository.js';
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
