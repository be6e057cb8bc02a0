import type { Db } from '../../db/database.js';
import type { AccountAreaRow, AreaRow } from './areas.table.js';

export async function listAccountAreas(db: Db, accountId: string): Promise<AccountAreaRow[]> {
  return db
    .selectFrom('account_area')
    .selectAll()
    .where('accountId', '=', accountId)
    .orderBy('areaCode')
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
