import type { Db } from '../../db/database.js';
import type { StationRow } from './stations.table.js';

export async function findStationById(db: Db, id: string): Promise<StationRow | undefined> {
  return db.selectFrom('station').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Area codes in the jurisdiction of the station at `path` and of every station below it. */
export async function listJurisdictionAreaCodes(db: Db, stationPath: string): Promise<string[]> {
  const rows = await db
    .selectFrom('station_area')
    .innerJoin('station', 'station.id', 'station_area.stationId')
    .select('station_area.areaCode')
    .where('station.path', 'like', `${stationPath}%`)
    .execute();
  return [...new Set(rows.map((r) => r.areaCode))];
}

export async function findStationBySlug(db: Db, slug: string): Promise<StationRow | undefined> {
  return db.selectFrom('station').selectAll().where('slug', '=', slug).executeTakeFirst();
}
