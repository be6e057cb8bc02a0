import type { ReportCategory, ReportStatus } from '../../../common/domain/reports.js';
import { CLOSED_REPORT_STATUSES } from '../../../common/domain/reports.js';
import type { Db } from '../../db/database.js';
import { transitionRow } from '../../db/transitions.js';
import type {
  NewReportRow,
  ReportEventKind,
  ReportEventRow,
  ReportRow,
  ReportUpdate,
} from './reports.table.js';

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

export async function findReportByIdempotencyKey(
  db: Db,
  key: string,
): Promise<ReportRow | undefined> {
  return db.selectFrom('report').selectAll().where('idempotencyKey', '=', key).executeTakeFirst();
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

export interface QueueFilter {
  category?: ReportCategory | undefined;
  /** The area or any area below it. */
  areaCode?: string | undefined;
  createdBefore?: string | undefined;
  /** An account id, or null for the unassigned. */
  assigneeId?: string | null | undefined;
}

/** `all`: a platform admin's view over every station. */
type StationScope = string[] | 'all';

function queueQuery(db: Db, stationIds: StationScope, filter: QueueFilter) {
  let query = db.selectFrom('report');
  if (stationIds !== 'all') query = query.where('stationId', 'in', stationIds);
  if (filter.category) query = query.where('category', '=', filter.category);
  if (filter.areaCode) {
    const code = filter.areaCode;
    query = query.where((eb) =>
      eb.or([eb('areaCode', '=', code), eb('areaCode', 'like', `${code}.%`)]),
    );
  }
  if (filter.createdBefore) query = query.where('createdAt', '<=', filter.createdBefore);
  if (filter.assigneeId === null) query = query.where('assigneeAccountId', 'is', null);
  else if (filter.assigneeId) query = query.where('assigneeAccountId', '=', filter.assigneeId);
  return query;
}

/** Unanswered before answered, oldest first within each: who has waited longest comes first. */
export async function listReportQueue(
  db: Db,
  stationIds: StationScope,
  filter: QueueFilter & { status?: ReportStatus | undefined; limit: number },
): Promise<ReportRow[]> {
  if (stationIds.length === 0) return [];
  let query = queueQuery(db, stationIds, filter)
    .selectAll()
    .orderBy((eb) => eb.case().when('firstResponseAt', 'is', null).then(0).else(1).end())
    .orderBy('createdAt')
    .orderBy('id')
    .limit(filter.limit);
  if (filter.status) query = query.where('status', '=', filter.status);
  return query.execute();
}

export async function countReportsByStatus(
  db: Db,
  stationIds: StationScope,
  filter: QueueFilter,
): Promise<Array<{ status: ReportStatus; count: number }>> {
  if (stationIds.length === 0) return [];
  const rows = await queueQuery(db, stationIds, filter)
    .select((eb) => ['status', eb.fn.countAll<number | string>().as('count')])
    .groupBy('status')
    .execute();
  return rows.map((row) => ({ status: row.status, count: Number(row.count) }));
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

export async function updateReport(db: Db, id: string, patch: ReportUpdate): Promise<void> {
  await db.updateTable('report').set(patch).where('id', '=', id).execute();
}

export async function insertReportEvent(
  db: Db,
  row: {
    id: string;
    reportId: string;
    kind: ReportEventKind;
    status?: ReportStatus;
    body?: string;
    author?: { accountId: string; name: string };
    createdAt: string;
  },
): Promise<void> {
  await db
    .insertInto('report_event')
    .values({
      id: row.id,
      reportId: row.reportId,
      kind: row.kind,
      status: row.status ?? null,
      body: row.body ?? null,
      authorAccountId: row.author?.accountId ?? null,
      authorName: row.author?.name ?? null,
      createdAt: row.createdAt,
    })
    .execute();
}

export async function listReportEvents(db: Db, reportId: string): Promise<ReportEventRow[]> {
  return db
    .selectFrom('report_event')
    .selectAll()
    .where('reportId', '=', reportId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

export async function insertReportPhotos(
  db: Db,
  reportId: string,
  mediaIds: readonly string[],
): Promise<void> {
  if (mediaIds.length === 0) return;
  await db
    .insertInto('report_photo')
    .values(mediaIds.map((mediaId, position) => ({ reportId, mediaId, position })))
    .execute();
}

export async function listReportPhotoIds(db: Db, reportIds: readonly string[]) {
  if (reportIds.length === 0) return [];
  return db
    .selectFrom('report_photo')
    .select(['reportId', 'mediaId'])
    .where('reportId', 'in', reportIds)
    .orderBy('reportId')
    .orderBy('position')
    .execute();
}

export async function listDuplicatesOf(db: Db, reportId: string) {
  return db
    .selectFrom('report')
    .select(['id', 'trackingCode'])
    .where('duplicateOfId', '=', reportId)
    .orderBy('createdAt')
    .execute();
}

/** The times of the reports to the stations given (or all) created within [fromIso, toIso). */
export async function listReportTimings(
  db: Db,
  stationIds: string[] | 'all',
  fromIso: string,
  toIso: string,
): Promise<
  Array<
    Pick<
      ReportRow,
      'stationId' | 'status' | 'createdAt' | 'resolvedAt' | 'updatedAt' | 'firstResponseAt'
    >
  >
> {
  let query = db
    .selectFrom('report')
    .select(['stationId', 'status', 'createdAt', 'resolvedAt', 'updatedAt', 'firstResponseAt'])
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

/** Reports with a category since a time, for finding clusters (not rejected, no duplicates). */
export async function listPlacedReportsSince(
  db: Db,
  stationIds: StationScope,
  sinceIso: string,
): Promise<
  Array<
    Pick<
      ReportRow,
      'id' | 'trackingCode' | 'stationId' | 'category' | 'lat' | 'lng' | 'areaCode' | 'createdAt'
    >
  >
> {
  if (stationIds.length === 0) return [];
  let query = db
    .selectFrom('report')
    .select(['id', 'trackingCode', 'stationId', 'category', 'lat', 'lng', 'areaCode', 'createdAt'])
    .where('createdAt', '>=', sinceIso)
    .where('category', 'is not', null)
    .where('status', '!=', 'ditolak')
    .where('duplicateOfId', 'is', null)
    .orderBy('createdAt');
  if (stationIds !== 'all') query = query.where('stationId', 'in', stationIds);
  return query.execute();
}

/** Closed reports last changed before the cutoff whose personal data is still there. */
export async function listReportsDueForErasure(
  db: Db,
  cutoffIso: string,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('report')
    .select('id')
    .where('status', 'in', [...CLOSED_REPORT_STATUSES])
    .where('updatedAt', '<', cutoffIso)
    .where('personalDataErasedAt', 'is', null)
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

export async function erasePersonalDataOfReports(
  db: Db,
  ids: readonly string[],
  nowIso: string,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('report')
    .set({ contact: null, reporterAccountId: null, secretHash: null, personalDataErasedAt: nowIso })
    .where('id', 'in', ids)
    .execute();
  await db.deleteFrom('report_photo').where('reportId', 'in', ids).execute();
}

/** Place, category and time only of the reports made in [fromIso, toIso), for public figures. */
export async function listReportPlaces(
  db: Db,
  stationIds: StationScope,
  fromIso: string,
  toIso: string,
): Promise<Array<Pick<ReportRow, 'lat' | 'lng' | 'areaCode' | 'category' | 'createdAt'>>> {
  if (stationIds.length === 0) return [];
  let query = db
    .selectFrom('report')
    .select(['lat', 'lng', 'areaCode', 'category', 'createdAt'])
    .where('createdAt', '>=', fromIso)
    .where('createdAt', '<', toIso);
  if (stationIds !== 'all') query = query.where('stationId', 'in', stationIds);
  return query.execute();
}
