import type { Db } from '../../db/database.js';
import type { ContestEntryStatus } from '../../../common/domain/contests.js';
import type {
  ContestEntryRow,
  ContestRow,
  ContestScoreRow,
  ContestVoteRow,
  NewContestVoteRow,
} from './contests.table.js';

const LIST_LIMIT = 200;

// ---- contests -----------------------------------------------------------------------------

export async function insertContest(db: Db, row: ContestRow): Promise<void> {
  await db.insertInto('contest').values(row).execute();
}

export function findContestById(db: Db, id: string): Promise<ContestRow | undefined> {
  return db.selectFrom('contest').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listContests(db: Db, filter: { stationIds?: string[] }): Promise<ContestRow[]> {
  let query = db.selectFrom('contest').selectAll();
  if (filter.stationIds) query = query.where('stationId', 'in', filter.stationIds);
  return query.orderBy('createdAt', 'desc').orderBy('id').limit(LIST_LIMIT).execute();
}

/** Sets the floor only while it still is `from`: two organisers advancing at once move it once. */
export async function moveContestFloor(
  db: Db,
  id: string,
  from: ContestRow['phaseFloor'],
  to: NonNullable<ContestRow['phaseFloor']>,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('contest')
    .set({ phaseFloor: to, updatedAt: at })
    .where('id', '=', id)
    .where((eb) => (from === null ? eb('phaseFloor', 'is', null) : eb('phaseFloor', '=', from)))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Claims the announcement: true for exactly one caller while it is unclaimed. */
export async function claimAnnouncement(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('contest')
    .set({ announcedAt: at })
    .where('id', '=', id)
    .where('announcedAt', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Records the post of a claimed announcement, or (postId null) gives the claim back. */
export async function settleAnnouncement(db: Db, id: string, postId: string | null): Promise<void> {
  await db
    .updateTable('contest')
    .set(postId ? { announcedPostId: postId } : { announcedAt: null })
    .where('id', '=', id)
    .execute();
}

export async function countApprovedEntries(
  db: Db,
  contestIds: string[],
): Promise<Map<string, number>> {
  if (contestIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('contest_entry')
    .select(['contestId', (eb) => eb.fn.countAll<number>().as('count')])
    .where('contestId', 'in', contestIds)
    .where('status', '=', 'approved')
    .groupBy('contestId')
    .execute();
  return new Map(rows.map((row) => [row.contestId, Number(row.count)]));
}

// ---- entries ------------------------------------------------------------------------------

export async function insertEntry(db: Db, row: ContestEntryRow): Promise<void> {
  await db.insertInto('contest_entry').values(row).execute();
}

export function findEntry(
  db: Db,
  contestId: string,
  entryId: string,
): Promise<ContestEntryRow | undefined> {
  return db
    .selectFrom('contest_entry')
    .selectAll()
    .where('id', '=', entryId)
    .where('contestId', '=', contestId)
    .executeTakeFirst();
}

export function listEntries(
  db: Db,
  contestId: string,
  filter: { statuses: readonly ContestEntryStatus[]; orAccountId?: string },
): Promise<ContestEntryRow[]> {
  return db
    .selectFrom('contest_entry')
    .selectAll()
    .where('contestId', '=', contestId)
    .where((eb) => {
      const shown = eb('status', 'in', [...filter.statuses]);
      return filter.orAccountId ? eb.or([shown, eb('accountId', '=', filter.orAccountId)]) : shown;
    })
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

/** Moves an entry out of `pending` only; false when a moderator already decided it. */
export async function decideEntry(
  db: Db,
  entryId: string,
  changes: Pick<ContestEntryRow, 'status' | 'rejectReason' | 'moderatedBy' | 'moderatedAt'> & {
    accountSlot?: null;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('contest_entry')
    .set({ ...changes, updatedAt: changes.moderatedAt ?? undefined })
    .where('id', '=', entryId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

// ---- votes --------------------------------------------------------------------------------

/**
 * Takes the first free slot; the unique (contest, account, slot) and (entry, account) keys
 * decide races in the database. False when every slot is taken (or this entry already has
 * the account's vote: the caller tells the two apart).
 */
export async function insertVoteInFreeSlot(
  db: Db,
  row: Omit<NewContestVoteRow, 'slot'>,
  slots: number,
): Promise<boolean> {
  for (let slot = 0; slot < slots; slot++) {
    const result = await db
      .insertInto('contest_vote')
      .values({ ...row, slot })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0n) > 0) return true;
  }
  return false;
}

export function findVote(
  db: Db,
  entryId: string,
  accountId: string,
): Promise<ContestVoteRow | undefined> {
  return db
    .selectFrom('contest_vote')
    .selectAll()
    .where('entryId', '=', entryId)
    .where('accountId', '=', accountId)
    .executeTakeFirst();
}

/** Withdraws a valid vote (a voided one stays as evidence). */
export async function deleteValidVote(db: Db, entryId: string, accountId: string): Promise<void> {
  await db
    .deleteFrom('contest_vote')
    .where('entryId', '=', entryId)
    .where('accountId', '=', accountId)
    .where('voidedAt', 'is', null)
    .execute();
}

/** The account's votes in one contest (voided ones included: they still hold their slot). */
export async function listVotesOfAccount(
  db: Db,
  contestId: string,
  accountId: string,
): Promise<ContestVoteRow[]> {
  return db
    .selectFrom('contest_vote')
    .selectAll()
    .where('contestId', '=', contestId)
    .where('accountId', '=', accountId)
    .execute();
}

export async function countVotesOfAccountSince(
  db: Db,
  accountId: string,
  since: string,
): Promise<number> {
  const row = await db
    .selectFrom('contest_vote')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('accountId', '=', accountId)
    .where('createdAt', '>', since)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** Valid votes per entry of a contest. */
export async function countValidVotes(db: Db, contestId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('contest_vote')
    .select(['entryId', (eb) => eb.fn.countAll<number>().as('count')])
    .where('contestId', '=', contestId)
    .where('voidedAt', 'is', null)
    .groupBy('entryId')
    .execute();
  return new Map(rows.map((row) => [row.entryId, Number(row.count)]));
}

export function listContestVotes(db: Db, contestId: string): Promise<ContestVoteRow[]> {
  return db
    .selectFrom('contest_vote')
    .selectAll()
    .where('contestId', '=', contestId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

/** Voids the valid ones among `ids` in this contest; returns how many. */
export async function voidVotes(
  db: Db,
  contestId: string,
  ids: readonly string[],
  by: { accountId: string; reason: string; at: string },
): Promise<number> {
  const result = await db
    .updateTable('contest_vote')
    .set({ voidedAt: by.at, voidedBy: by.accountId, voidReason: by.reason })
    .where('contestId', '=', contestId)
    .where('id', 'in', [...ids])
    .where('voidedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// ---- judges and scores --------------------------------------------------------------------

/** False when the account already was a judge of the contest. */
export async function insertJudge(
  db: Db,
  row: { contestId: string; accountId: string; invitedBy: string; createdAt: string },
): Promise<boolean> {
  const result = await db
    .insertInto('contest_judge')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function listJudgeIds(db: Db, contestId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('contest_judge')
    .select('accountId')
    .where('contestId', '=', contestId)
    .orderBy('createdAt')
    .execute();
  return rows.map((row) => row.accountId);
}

export async function listContestIdsJudgedBy(
  db: Db,
  accountId: string,
  contestIds: string[],
): Promise<Set<string>> {
  if (contestIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('contest_judge')
    .select('contestId')
    .where('accountId', '=', accountId)
    .where('contestId', 'in', contestIds)
    .execute();
  return new Set(rows.map((row) => row.contestId));
}

export async function upsertScore(db: Db, row: ContestScoreRow): Promise<void> {
  await db
    .insertInto('contest_score')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['entryId', 'judgeId']).doUpdateSet({
        scores: row.scores,
        weighted: row.weighted,
        updatedAt: row.updatedAt,
      }),
    )
    .execute();
}

export function listScores(
  db: Db,
  contestId: string,
  filter: { judgeId?: string } = {},
): Promise<ContestScoreRow[]> {
  let query = db.selectFrom('contest_score').selectAll().where('contestId', '=', contestId);
  if (filter.judgeId) query = query.where('judgeId', '=', filter.judgeId);
  return query.orderBy('entryId').orderBy('judgeId').execute();
}

// ---- personal data ------------------------------------------------------------------------

export function listEntriesOfAccount(db: Db, accountId: string): Promise<ContestEntryRow[]> {
  return db
    .selectFrom('contest_entry')
    .selectAll()
    .where('accountId', '=', accountId)
    .orderBy('createdAt')
    .execute();
}

export function listVotesOfAccountEverywhere(db: Db, accountId: string): Promise<ContestVoteRow[]> {
  return db
    .selectFrom('contest_vote')
    .selectAll()
    .where('accountId', '=', accountId)
    .orderBy('createdAt')
    .execute();
}

export function listScoresByJudge(db: Db, judgeId: string): Promise<ContestScoreRow[]> {
  return db
    .selectFrom('contest_score')
    .selectAll()
    .where('judgeId', '=', judgeId)
    .orderBy('createdAt')
    .execute();
}
