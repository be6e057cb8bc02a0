import type { Db } from '../../db/database.js';
import type { QaQuestionStatus } from '../../../common/domain/qa.js';
import type {
  NewQaSessionRow,
  QaAnswerRow,
  QaQuestionRow,
  QaSessionRow,
  QaSessionUpdate,
} from './qa.table.js';

export async function insertQaSession(db: Db, row: NewQaSessionRow): Promise<void> {
  await db.insertInto('qa_session').values(row).execute();
}

export function findQaSessionById(db: Db, id: string): Promise<QaSessionRow | undefined> {
  return db.selectFrom('qa_session').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findQaBoardOfStation(db: Db, stationId: string): Promise<QaSessionRow | undefined> {
  return db
    .selectFrom('qa_session')
    .selectAll()
    .where('stationId', '=', stationId)
    .where('kind', '=', 'board')
    .executeTakeFirst();
}

export async function updateQaSession(db: Db, id: string, changes: QaSessionUpdate): Promise<void> {
  await db.updateTable('qa_session').set(changes).where('id', '=', id).execute();
}

/** Marks a state as announced; false when another run announced it first. */
export async function markQaStateAnnounced(
  db: Db,
  id: string,
  from: QaSessionRow['announcedState'],
  to: QaSessionRow['announcedState'],
): Promise<boolean> {
  const result = await db
    .updateTable('qa_session')
    .set({ announcedState: to })
    .where('id', '=', id)
    .where('announcedState', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function listQaSessions(
  db: Db,
  filter: {
    ids?: string[];
    stationIds?: string[];
    startsBefore?: string;
    endsAfter?: string;
    limit: number;
  },
): Promise<QaSessionRow[]> {
  let query = db.selectFrom('qa_session').selectAll();
  if (filter.ids) {
    if (filter.ids.length === 0) return Promise.resolve([]);
    query = query.where('id', 'in', filter.ids);
  }
  if (filter.stationIds) query = query.where('stationId', 'in', filter.stationIds);
  if (filter.endsAfter) {
    const endsAfter = filter.endsAfter;
    query = query.where((eb) => eb.or([eb('endsAt', 'is', null), eb('endsAt', '>', endsAfter)]));
  }
  return query.orderBy('startsAt', 'desc').limit(filter.limit).execute();
}

export async function countApprovedQuestions(
  db: Db,
  sessionIds: string[],
): Promise<Map<string, number>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('qa_question')
    .select(['sessionId', (eb) => eb.fn.countAll<number>().as('count')])
    .where('sessionId', 'in', sessionIds)
    .where('status', '=', 'approved')
    .groupBy('sessionId')
    .execute();
  return new Map(rows.map((row) => [row.sessionId, Number(row.count)]));
}

export async function insertQaQuestion(db: Db, row: QaQuestionRow): Promise<void> {
  await db.insertInto('qa_question').values(row).execute();
}

export function findQaQuestionById(db: Db, id: string): Promise<QaQuestionRow | undefined> {
  return db.selectFrom('qa_question').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listQaQuestions(
  db: Db,
  sessionId: string,
  filter: { statuses: QaQuestionStatus[]; orAccountId?: string; sort: 'votes' | 'new' },
): Promise<QaQuestionRow[]> {
  let query = db
    .selectFrom('qa_question')
    .selectAll()
    .where('sessionId', '=', sessionId)
    .where((eb) => {
      const shown = eb('status', 'in', filter.statuses);
      // The asker also sees their own pending and hidden questions (not merged ones).
      return filter.orAccountId
        ? eb.or([
            shown,
            eb.and([eb('accountId', '=', filter.orAccountId), eb('status', '!=', 'merged')]),
          ])
        : shown;
    })
    .orderBy('isPinned', 'desc');
  query =
    filter.sort === 'votes'
      ? query.orderBy('votes', 'desc').orderBy('createdAt', 'asc')
      : query.orderBy('createdAt', 'desc');
  return query.orderBy('id').limit(1000).execute();
}

export async function countQuestionsOfAccountSince(
  db: Db,
  accountId: string,
  since: string,
): Promise<number> {
  const row = await db
    .selectFrom('qa_question')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('accountId', '=', accountId)
    .where('createdAt', '>', since)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** Changes a question only while it is in one of `fromStatuses`; false when it was not. */
export async function updateQaQuestionInStatus(
  db: Db,
  id: string,
  fromStatuses: QaQuestionStatus[],
  changes: Partial<Omit<QaQuestionRow, 'id' | 'sessionId' | 'accountId' | 'votes'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('qa_question')
    .set(changes)
    .where('id', '=', id)
    .where('status', 'in', fromStatuses)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Casts a vote once: a second insert by the same account does nothing. Returns rows added. */
export async function insertQaVote(
  db: Db,
  vote: { questionId: string; accountId: string; createdAt: string },
): Promise<number> {
  const result = await db
    .insertInto('qa_vote')
    .values(vote)
    .onConflict((oc) => oc.columns(['questionId', 'accountId']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export async function deleteQaVote(db: Db, questionId: string, accountId: string): Promise<number> {
  const result = await db
    .deleteFrom('qa_vote')
    .where('questionId', '=', questionId)
    .where('accountId', '=', accountId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Copies the votes of one question onto another, skipping accounts that voted for both.
 * Returns how many were added.
 */
export async function copyQaVotes(
  db: Db,
  fromQuestionId: string,
  toQuestionId: string,
): Promise<number> {
  const result = await db
    .insertInto('qa_vote')
    .columns(['questionId', 'accountId', 'createdAt'])
    .expression((eb) =>
      eb
        .selectFrom('qa_vote')
        .select((inner) => [inner.val(toQuestionId).as('questionId'), 'accountId', 'createdAt'])
        .where('questionId', '=', fromQuestionId),
    )
    .onConflict((oc) => oc.columns(['questionId', 'accountId']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** Atomic, so concurrent voters never overwrite each other's count. */
export async function addQaQuestionVotes(db: Db, id: string, delta: number): Promise<number> {
  const row = await db
    .updateTable('qa_question')
    .set((eb) => ({ votes: eb('votes', '+', delta) }))
    .where('id', '=', id)
    .returning('votes')
    .executeTakeFirst();
  return row?.votes ?? 0;
}

export async function listVotedQuestionIds(
  db: Db,
  accountId: string,
  questionIds: string[],
): Promise<Set<string>> {
  if (questionIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('qa_vote')
    .select('questionId')
    .where('accountId', '=', accountId)
    .where('questionId', 'in', questionIds)
    .execute();
  return new Set(rows.map((row) => row.questionId));
}

export async function insertQaAnswer(db: Db, row: QaAnswerRow): Promise<void> {
  await db.insertInto('qa_answer').values(row).execute();
}

/** Every answer version of these questions, newest first. */
export async function listQaAnswers(db: Db, questionIds: string[]): Promise<QaAnswerRow[]> {
  if (questionIds.length === 0) return [];
  return db
    .selectFrom('qa_answer')
    .selectAll()
    .where('questionId', 'in', questionIds)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function insertQaFollow(
  db: Db,
  follow: { sessionId: string; accountId: string; createdAt: string },
): Promise<void> {
  await db
    .insertInto('qa_follow')
    .values(follow)
    .onConflict((oc) => oc.columns(['sessionId', 'accountId']).doNothing())
    .execute();
}

export async function deleteQaFollow(db: Db, sessionId: string, accountId: string): Promise<void> {
  await db
    .deleteFrom('qa_follow')
    .where('sessionId', '=', sessionId)
    .where('accountId', '=', accountId)
    .execute();
}

export async function listFollowerIds(db: Db, sessionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('qa_follow')
    .select('accountId')
    .where('sessionId', '=', sessionId)
    .execute();
  return rows.map((row) => row.accountId);
}

export async function listFollowedSessionIds(
  db: Db,
  accountId: string,
  sessionIds: string[],
): Promise<Set<string>> {
  if (sessionIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('qa_follow')
    .select('sessionId')
    .where('accountId', '=', accountId)
    .where('sessionId', 'in', sessionIds)
    .execute();
  return new Set(rows.map((row) => row.sessionId));
}

export function listQuestionsOfAccount(db: Db, accountId: string): Promise<QaQuestionRow[]> {
  return db
    .selectFrom('qa_question')
    .selectAll()
    .where('accountId', '=', accountId)
    .orderBy('createdAt')
    .execute();
}
