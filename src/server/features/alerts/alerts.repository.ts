import type { Db } from '../../db/database.js';
import { transitionRow } from '../../db/transitions.js';
import type { AlertRow, AlertUpdate, NewAlertRow, StoredAlertState } from './alerts.table.js';

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
