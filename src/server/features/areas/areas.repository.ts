import { sql } from 'kysely';
import type { AreaLevel } from '../../../common/domain/areas.js';
import type { Db } from '../../db/database.js';
import type { AccountAreaRow, AreaBoundaryRow, AreaRow, NewAreaRow } from './areas.table.js';

export async function listAccountAreas(db: Db, accountId: string): Promise<AccountAreaRow[]> {
  return db
    .selectFrom('account_area')
    .selectAll()
    .where('accountId', '=', accountId)
    .orderBy('areaCode')
    .execute();
}

export async function replaceAccountAreas(
  db: Db,
  accountId: string,
  rows: Array<Omit<AccountAreaRow, 'accountId'>>,
): Promise<void> {
  await db.deleteFrom('account_area').where('accountId', '=', accountId).execute();
  if (rows.length === 0) return;
  await db
    .insertInto('account_area')
    .values(rows.map((row) => ({ ...row, accountId })))
    .execute();
}

export async function findAreaBoundaries(
  db: Db,
  codes: string[],
): Promise<Array<{ code: string; geometry: string }>> {
  if (codes.length === 0) return [];
  return db
    .selectFrom('area_boundary')
    .select(['code', 'geometry'])
    .where('code', 'in', codes)
    .execute();
}

export async function findAreasByCodes(db: Db, codes: string[]): Promise<AreaRow[]> {
  if (codes.length === 0) return [];
  return db.selectFrom('area').selectAll().where('code', 'in', codes).execute();
}

export async function findAreaByCode(db: Db, code: string): Promise<AreaRow | undefined> {
  return db.selectFrom('area').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function listChildAreas(db: Db, parentCode: string): Promise<AreaRow[]> {
  return db
    .selectFrom('area')
    .selectAll()
    .where('parentCode', '=', parentCode)
    .orderBy('name')
    .execute();
}

export async function countAreasByLevel(db: Db): Promise<Map<AreaLevel, number>> {
  const rows = await db
    .selectFrom('area')
    .select(['level', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('level')
    .execute();
  return new Map(rows.map((row) => [row.level, Number(row.count)]));
}

/** Inserts or refreshes areas in one multi-row statement (the caller keeps batches small). */
export async function upsertAreas(db: Db, rows: NewAreaRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('area')
    .values(rows)
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        level: eb.ref('excluded.level'),
        parentCode: eb.ref('excluded.parentCode'),
        searchName: eb.ref('excluded.searchName'),
      })),
    )
    .execute();
}

export interface AreaSearch {
  /** Already normalised with toSearchName: only [a-z0-9 ], so safe inside LIKE patterns. */
  term: string;
  level?: AreaLevel;
  parentCode?: string;
  limit: number;
}

/**
 * Name search ranked exact → prefix → word prefix → substring, then province before village,
 * then name. Plain LIKE on the normalised column, so SQLite and PostgreSQL rank alike.
 */
export async function searchAreas(db: Db, search: AreaSearch): Promise<AreaRow[]> {
  const { term } = search;
  const rank = sql<number>`case
    when "searchName" = ${term} then 0
    when "searchName" like ${`${term}%`} then 1
    when "searchName" like ${`% ${term}%`} then 2
    else 3 end`;
  const levelOrder = sql<number>`case "level"
    when 'province' then 0 when 'regency' then 1 when 'district' then 2 else 3 end`;
  let query = db
    .selectFrom('area')
    .selectAll()
    .where('searchName', 'like', `%${term}%`)
    .orderBy(rank)
    .orderBy(levelOrder)
    .orderBy('name')
    .orderBy('code')
    .limit(search.limit);
  if (search.level) query = query.where('level', '=', search.level);
  // The parent filter reaches every descendant: codes below 31.74 start with "31.74.".
  if (search.parentCode) query = query.where('code', 'like', `${search.parentCode}.%`);
  return query.execute();
}

export async function upsertAreaBoundaries(db: Db, rows: AreaBoundaryRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('area_boundary')
    .values(rows)
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        geometry: eb.ref('excluded.geometry'),
        minLat: eb.ref('excluded.minLat'),
        minLng: eb.ref('excluded.minLng'),
        maxLat: eb.ref('excluded.maxLat'),
        maxLng: eb.ref('excluded.maxLng'),
      })),
    )
    .execute();
}

/** Boundaries whose bounding box holds the point: candidates for the exact test. */
export async function listBoundariesAroundPoint(
  db: Db,
  lat: number,
  lng: number,
): Promise<Array<{ code: string; geometry: string }>> {
  return db
    .selectFrom('area_boundary')
    .select(['code', 'geometry'])
    .where('minLat', '<=', lat)
    .where('maxLat', '>=', lat)
    .where('minLng', '<=', lng)
    .where('maxLng', '>=', lng)
    .execute();
}
