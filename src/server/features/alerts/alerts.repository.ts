import type { Db } from '../../db/database.js';
import { transitionRow } from '../../db/transitions.js';
import type {
  AlertDraftRow,
  AlertDraftState,
  AlertRow,
  AlertUpdate,
  NewAlertRow,
  StoredAlertState,
} from './alerts.table.js';

export async function insertAlert(db: Db, row: NewAlertRow): Promise<void> {
  await db.insertInto('alert').values(row).execute();
}

export async function findAlertById(db: Db, id: string): Promise<AlertRow | undefined> {
  return db.selectFrom('alert').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findAlertsByIds(db: Db, ids: string[]): Promise<AlertRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('alert').selectAll().where('id', 'in', ids).execute();
}

/** Every message of a thread (the original and its updates/cancel), oldest first. */
export async function listThreadAlerts(db: Db, threadId: string): Promise<AlertRow[]> {
  return db
    .selectFrom('alert')
    .selectAll()
    .where('threadId', '=', threadId)
    .orderBy('createdAt', 'asc')
    .orderBy('id', 'asc')
    .execute();
}

/** Changes a row only while it is still in `fromState`; false when someone got there first. */
export async function updateAlertInState(
  db: Db,
  id: string,
  fromState: StoredAlertState,
  patch: AlertUpdate,
): Promise<boolean> {
  return transitionRow(db, { table: 'alert', id, column: 'state', from: [fromState], set: patch });
}

/** Marks every other published message of the thread as replaced by a newer Update. */
export async function supersedeThread(
  db: Db,
  threadId: string,
  exceptId: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('alert')
    .set({ isSuperseded: 1, updatedAt: at })
    .where('threadId', '=', threadId)
    .where('id', '!=', exceptId)
    .where('state', '=', 'published')
    .execute();
}

/** Cancels every live (published or pending) message of the thread. */
export async function cancelThread(db: Db, threadId: string, at: string): Promise<void> {
  await db
    .updateTable('alert')
    .set({ state: 'cancelled', updatedAt: at })
    .where('threadId', '=', threadId)
    .where('state', 'in', ['published', 'pending_approval'])
    .execute();
}

export interface AlertListFilter {
  /** Only the current message of live threads: published, not superseded, not expired. */
  activeAt?: string;
  stationId?: string;
  limit: number;
}

/** Public messages (published or cancelled), newest first. */
export async function listPublicAlerts(db: Db, filter: AlertListFilter): Promise<AlertRow[]> {
  let query = db
    .selectFrom('alert')
    .selectAll()
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit);
  if (filter.activeAt !== undefined) {
    query = query
      .where('state', '=', 'published')
      .where('isSuperseded', '=', 0)
      .where('expiresAt', '>', filter.activeAt);
  } else {
    query = query.where('state', 'in', ['published', 'cancelled']);
  }
  if (filter.stationId !== undefined) query = query.where('stationId', '=', filter.stationId);
  return query.execute();
}

/** A station's messages awaiting a second officer, oldest first (first come, first reviewed). */
export async function listPendingAlerts(
  db: Db,
  stationId: string,
  limit: number,
): Promise<AlertRow[]> {
  return db
    .selectFrom('alert')
    .selectAll()
    .where('stationId', '=', stationId)
    .where('state', '=', 'pending_approval')
    .orderBy('createdAt', 'asc')
    .orderBy('id', 'asc')
    .limit(limit)
    .execute();
}

/** Real alerts (not exercises, tests, updates or cancels) sent by the stations given within [fromIso, toIso). */
export async function countAlertsSent(
  db: Db,
  stationIds: string[] | 'all',
  fromIso: string,
  toIso: string,
): Promise<number> {
  let query = db
    .selectFrom('alert')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('msgType', '=', 'Alert')
    .where('status', '=', 'Actual')
    .where('sentAt', '>=', fromIso)
    .where('sentAt', '<', toIso);
  if (stationIds !== 'all') {
    if (stationIds.length === 0) return 0;
    query = query.where('stationId', 'in', stationIds);
  }
  const row = await query.executeTakeFirst();
  return Number(row?.count ?? 0);
}

// ---- drafts ---------------------------------------------------------------------------------

export async function insertAlertDraft(
  db: Db,
  row: AlertDraftRow,
  sourceIds: readonly string[],
): Promise<void> {
  await db.insertInto('alert_draft').values(row).execute();
  if (sourceIds.length === 0) return;
  await db
    .insertInto('alert_draft_source')
    .values([...new Set(sourceIds)].map((sourceId) => ({ draftId: row.id, sourceId })))
    .execute();
}

export async function findAlertDraftById(db: Db, id: string): Promise<AlertDraftRow | undefined> {
  return db.selectFrom('alert_draft').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listAlertDraftSourceIds(db: Db, draftIds: string[]) {
  if (draftIds.length === 0) return [];
  return db
    .selectFrom('alert_draft_source')
    .select(['draftId', 'sourceId'])
    .where('draftId', 'in', draftIds)
    .execute();
}

/** The drafts (open or issued, never discarded) made from any of the sources, newest first. */
export async function listLiveDraftsOfSources(
  db: Db,
  sourceType: string,
  sourceIds: string[],
): Promise<Array<AlertDraftRow & { sourceId: string }>> {
  if (sourceIds.length === 0) return [];
  return db
    .selectFrom('alert_draft_source as s')
    .innerJoin('alert_draft as d', 'd.id', 's.draftId')
    .selectAll('d')
    .select('s.sourceId')
    .where('d.sourceType', '=', sourceType)
    .where('d.state', 'in', ['open', 'issued'])
    .where('s.sourceId', 'in', sourceIds)
    .orderBy('d.createdAt', 'desc')
    .orderBy('d.id', 'desc')
    .execute();
}

/** Open drafts of the stations, oldest first. */
export async function listOpenAlertDrafts(
  db: Db,
  stationIds: string[],
  limit: number,
): Promise<AlertDraftRow[]> {
  if (stationIds.length === 0) return [];
  return db
    .selectFrom('alert_draft')
    .selectAll()
    .where('stationId', 'in', stationIds)
    .where('state', '=', 'open')
    .orderBy('createdAt', 'asc')
    .orderBy('id', 'asc')
    .limit(limit)
    .execute();
}

/** Changes a draft only while it is still open; false when someone issued or discarded it first. */
export async function updateOpenAlertDraft(
  db: Db,
  id: string,
  patch: Partial<Pick<AlertDraftRow, 'content' | 'alertId' | 'updatedAt'>> & {
    state?: AlertDraftState;
  },
): Promise<boolean> {
  return transitionRow(db, {
    table: 'alert_draft',
    id,
    column: 'state',
    from: ['open'],
    set: patch,
  });
}
