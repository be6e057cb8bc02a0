import { sql } from 'kysely';
import type { Role, StationLevel, StationRole } from '../../../common/domain/roles.js';
import type { Db } from '../../db/database.js';
import type { NewStationRow, RoleGrantRow, StationRow, StationUpdate } from './stations.table.js';

export async function findStationById(db: Db, id: string): Promise<StationRow | undefined> {
  return db.selectFrom('station').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findStationsByIds(db: Db, ids: string[]): Promise<StationRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('station').selectAll().where('id', 'in', ids).execute();
}

export async function findStationBySlug(db: Db, slug: string): Promise<StationRow | undefined> {
  return db.selectFrom('station').selectAll().where('slug', '=', slug).executeTakeFirst();
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

/** The station's own jurisdiction codes (not its descendants'). */
export async function listStationAreaCodes(db: Db, stationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('station_area')
    .select('areaCode')
    .where('stationId', '=', stationId)
    .orderBy('areaCode')
    .execute();
  return rows.map((r) => r.areaCode);
}

/** The jurisdiction codes of many stations in one query, keyed by station id. */
export async function listAreaCodesOfStations(
  db: Db,
  stationIds: string[],
): Promise<Map<string, string[]>> {
  const codes = new Map<string, string[]>();
  if (stationIds.length === 0) return codes;
  const rows = await db
    .selectFrom('station_area')
    .select(['stationId', 'areaCode'])
    .where('stationId', 'in', stationIds)
    .orderBy('areaCode')
    .execute();
  for (const row of rows)
    codes.set(row.stationId, [...(codes.get(row.stationId) ?? []), row.areaCode]);
  return codes;
}

export async function replaceStationAreas(
  db: Db,
  stationId: string,
  areaCodes: string[],
): Promise<void> {
  await db.deleteFrom('station_area').where('stationId', '=', stationId).execute();
  if (areaCodes.length === 0) return;
  await db
    .insertInto('station_area')
    .values(areaCodes.map((areaCode) => ({ stationId, areaCode })))
    .execute();
}

export interface StationFilter {
  level?: StationLevel;
  parentId?: string;
  /** Matched case-insensitively against the name and slug. */
  text?: string;
}

export type StationWithParent = StationRow & {
  parentSlug: string | null;
  parentName: string | null;
  parentLevel: StationLevel | null;
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listStations(db: Db, filter: StationFilter): Promise<StationWithParent[]> {
  let query = db
    .selectFrom('station')
    .leftJoin('station as parent', 'parent.id', 'station.parentId')
    .selectAll('station')
    .select([
      'parent.slug as parentSlug',
      'parent.name as parentName',
      'parent.level as parentLevel',
    ])
    .orderBy('station.path')
    .limit(1000);
  if (filter.level) query = query.where('station.level', '=', filter.level);
  if (filter.parentId) query = query.where('station.parentId', '=', filter.parentId);
  if (filter.text) {
    const pattern = `%${escapeLike(filter.text.toLowerCase())}%`;
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`lower(${eb.ref('station.name')}) like ${pattern} escape '\\'`,
        sql<boolean>`${eb.ref('station.slug')} like ${pattern} escape '\\'`,
      ]),
    );
  }
  return query.execute();
}

export async function listChildStations(db: Db, parentId: string): Promise<StationRow[]> {
  return db
    .selectFrom('station')
    .selectAll()
    .where('parentId', '=', parentId)
    .orderBy('name')
    .execute();
}

/** The ids of the station at `path` and of every station below it. */
export async function listStationIdsUnderPath(db: Db, path: string): Promise<string[]> {
  const rows = await db
    .selectFrom('station')
    .select('id')
    .where('path', 'like', `${path}%`)
    .execute();
  return rows.map((r) => r.id);
}

export async function insertStation(db: Db, row: NewStationRow): Promise<void> {
  await db.insertInto('station').values(row).execute();
}

export async function updateStationRow(db: Db, id: string, changes: StationUpdate): Promise<void> {
  await db.updateTable('station').set(changes).where('id', '=', id).execute();
}

/** Stations whose own jurisdiction names one of `codes`, with the code they matched. */
export async function listStationsCoveringCodes(
  db: Db,
  codes: string[],
): Promise<Array<StationRow & { areaCode: string }>> {
  if (codes.length === 0) return [];
  return db
    .selectFrom('station_area')
    .innerJoin('station', 'station.id', 'station_area.stationId')
    .selectAll('station')
    .select('station_area.areaCode')
    .where('station_area.areaCode', 'in', codes)
    .execute();
}

export async function hasStationRole(
  db: Db,
  accountId: string,
  stationId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('role_grant')
    .select('id')
    .where('accountId', '=', accountId)
    .where('stationId', '=', stationId)
    .where('role', '!=', 'citizen')
    .executeTakeFirst();
  return row !== undefined;
}

export interface LiaisonRow {
  villageCode: string;
  stationId: string;
  accountId: string;
  assignedAt: string;
  accountName: string;
  accountPhone: string | null;
}

// Reads the account's public name and phone: the liaison's contact is what citizens need.
function selectLiaisons(db: Db) {
  return db
    .selectFrom('village_liaison')
    .innerJoin('account', 'account.id', 'village_liaison.accountId')
    .selectAll('village_liaison')
    .select(['account.name as accountName', 'account.phone as accountPhone']);
}

export async function listLiaisonsOfStation(db: Db, stationId: string): Promise<LiaisonRow[]> {
  return selectLiaisons(db)
    .where('village_liaison.stationId', '=', stationId)
    .orderBy('village_liaison.villageCode')
    .execute();
}

export async function listLiaisonsOfVillages(
  db: Db,
  villageCodes: string[],
): Promise<LiaisonRow[]> {
  if (villageCodes.length === 0) return [];
  return selectLiaisons(db).where('village_liaison.villageCode', 'in', villageCodes).execute();
}

export async function findLiaison(db: Db, villageCode: string): Promise<LiaisonRow | undefined> {
  return selectLiaisons(db)
    .where('village_liaison.villageCode', '=', villageCode)
    .executeTakeFirst();
}

export async function upsertLiaison(
  db: Db,
  row: { villageCode: string; stationId: string; accountId: string; assignedAt: string },
): Promise<void> {
  await db
    .insertInto('village_liaison')
    .values(row)
    .onConflict((oc) =>
      oc.column('villageCode').doUpdateSet({
        stationId: row.stationId,
        accountId: row.accountId,
        assignedAt: row.assignedAt,
      }),
    )
    .execute();
}

export async function deleteLiaison(db: Db, villageCode: string): Promise<void> {
  await db.deleteFrom('village_liaison').where('villageCode', '=', villageCode).execute();
}

// ---- role grants ------------------------------------------------------------------------

export async function listRoleGrantsOfAccount(db: Db, accountId: string): Promise<RoleGrantRow[]> {
  return db
    .selectFrom('role_grant')
    .selectAll()
    .where('accountId', '=', accountId)
    .orderBy('createdAt')
    .execute();
}

/** Every grant held in the station, in role order. */
export async function listRoleGrantsOfStation(db: Db, stationId: string): Promise<RoleGrantRow[]> {
  return db
    .selectFrom('role_grant')
    .selectAll()
    .where('stationId', '=', stationId)
    .orderBy('role')
    .execute();
}

export interface StationGrantKey {
  accountId: string;
  stationId: string;
  role: StationRole;
}

export async function findRoleGrant(
  db: Db,
  grant: StationGrantKey,
): Promise<RoleGrantRow | undefined> {
  return db
    .selectFrom('role_grant')
    .selectAll()
    .where('accountId', '=', grant.accountId)
    .where('stationId', '=', grant.stationId)
    .where('role', '=', grant.role)
    .executeTakeFirst();
}

/** Whether anyone holds `role` (any station, or platform-wide). */
export async function hasAnyRoleGrant(db: Db, role: Role): Promise<boolean> {
  const row = await db
    .selectFrom('role_grant')
    .select('id')
    .where('role', '=', role)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertRoleGrant(db: Db, row: RoleGrantRow): Promise<void> {
  await db.insertInto('role_grant').values(row).execute();
}

export async function deleteRoleGrant(db: Db, id: string): Promise<void> {
  await db.deleteFrom('role_grant').where('id', '=', id).execute();
}
