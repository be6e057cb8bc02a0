import type { ReportStatus } from '../../../common/domain/reports.js';
import type { Db } from '../../db/database.js';
import { transitionRow } from '../../db/transitions.js';
import type { NewReportRow, ReportRow, ReportUpdate } from './reports.table.js';

export async function insertReport(db: Db, row: NewReportRow): Promise<void> {
  await db.insertInto('report').values(row).execute();
}

export async function findReportById(db: Db, id: string): Promise<ReportRow | undefined> {
  return db.selectFrom('report').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findReportByTrackingCode(
  db: Db,
  trackingCode: string,
): Promise<ReportRow | undefined> {
  return db
    .selectFrom('report')
    .selectAll()
    .where('trackingCode', '=', trackingCode)
    .executeTakeFirst();
}

/** Newest first, for the stations given (a station and those below it). */
export async function listReportsOfStations(
  db: Db,
  stationIds: string[],
  filter: { status?: ReportStatus; limit: number },
): Promise<ReportRow[]> {
  if (stationIds.length === 0) return [];
  let query = db
    .selectFrom('report')
    .selectAll()
    .where('stationId', 'in', stationIds)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit);
  if (filter.status) query = query.where('status', '=', filter.status);
  return query.execute();
}

/** Changes the row only while it still has `fromStatus`; false when someone got there first. */
export async function updateReportInStatus(
  db: Db,
  id: string,
  fromStatus: ReportStatus,
  patch: ReportUpdate,
): Promise<boolean> {
  return transitionRow(db, {
    table: 'report',
    id,
    column: 'status',
    from: [fromStatus],
    set: patch,
  });
}

/** The times of the reports to the stations given (or all) created within [fromIso, toIso). */
export async function listReportTimings(
  db: Db,
  stationIds: string[] | 'all',
  fromIso: string,
  toIso: string,
): Promise<Array<Pick<ReportRow, 'status' | 'createdAt' | 'updatedAt' | 'firstResponseAt'>>> {
  let query = db
    .selectFrom('report')
    .select(['status', 'createdAt', 'updatedAt', 'firstResponseAt'])
    .where('createdAt', '>=', fromIso)
    .where('createdAt', '<', toIso);
  if (stationIds !== 'all') {
    if (stationIds.length === 0) return [];
    query = query.where('stationId', 'in', stationIds);
  }
  return query.execute();
}

/** The reports filed under the account (named, not anonymous), oldest first. */
export async function listReportsOfReporter(db: Db, accountId: string): Promise<ReportRow[]> {
  return db
    .selectFrom('report')
    .selectAll()
    .where('reporterAccountId', '=', accountId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

/** Drops the reporter link and the free-text contact, keeping what was reported. */
export async function detachReportsOfPerson(
  db: Db,
  person: { accountId: string; contacts: string[] },
  updatedAt: string,
): Promise<void> {
  await db
    .updateTable('report')
    .set({ reporterAccountId: null, contact: null, updatedAt })
    .where((eb) =>
      eb.or([
        eb('reporterAccountId', '=', person.accountId),
        ...(person.contacts.length > 0 ? [eb('contact', 'in', person.contacts)] : []),
      ]),
    )
    .execute();
}
