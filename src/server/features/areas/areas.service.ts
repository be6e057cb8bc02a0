import type { AppContext } from '../../context.js';
import { listAccountAreas } from './areas.repository.js';

/** The codes of a citizen's home and interest areas. */
export async function listAccountAreaCodes(
  ctx: AppContext,
  accountId: string,
): Promise<Array<{ areaCode: string; kind: 'home' | 'interest' }>> {
  const rows = await listAccountAreas(ctx.db, accountId);
  return rows.map((row) => ({ areaCode: row.areaCode, kind: row.kind }));
}
