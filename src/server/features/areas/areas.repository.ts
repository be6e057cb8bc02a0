import type { Db } from '../../db/database.js';
import type { AccountAreaRow } from './areas.table.js';

export async function listAccountAreas(db: Db, accountId: string): Promise<AccountAreaRow[]> {
  return db
    .selectFrom('account_area')
    .selectAll()
    .where('accountId', '=', accountId)
    .orderBy('areaCode')
    .execute();
}
