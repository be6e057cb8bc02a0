import { renderMarkdown } from '../../text/markdown.js';
import type {
  AskedQuestion,
  AskQuestionBody,
  CreateQaSessionBody,
  QaQuestionListQuery,
  QaQuestionView,
  QaSessionListQuery,
  QaSessionView,
  UpdateQaSessionBody,
  VoteCount,
} from '../../../common/api/qa.js';
import { qaStreamKey, type QaQuestionStatus, type QaState } from '../../../common/domain/qa.js';
import type { AccountActor, Actor } from '../../auth/actor.js';
import { assertCan, can, requireAccount, requireVerified } from '../../auth/policy.js';
import type { AppContext, PersonRef } from '../../context.js';
import { isUniqueViolation } from '../../db/constraints.js';
import { transaction, type Tx } from '../../db/database.js';
import { translate } from '../../../common/i18n/index.js';
import { AppError, conflict, forbidden, invalidFields, notFound } from '../../errors.js';
import { accountKey } from '../../geo/targeting.js';
import { newId } from '../../ids.js';
import type { StreamEventType, StreamEventTypes } from '../../realtime/stream-events.js';
import { publishStreamEvent } from '../../realtime/stream.service.js';
import { findAccountNames } from '../accounts/accounts.service.js';
import { enqueuePushFanout } from '../push/push.service.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  getStationByIdOrSlug,
  getStationBySlugOrThrow,
  findStationsById,
  getStationOrThrow,
  type StationSummary,
} from '../stations/stations.service.js';
import { qaStateAt, toQaAnswerView, toQaQuestionView, toQaSessionView } from './qa.presenter.js';
import {
  addQaQuestionVotes,
  copyQaVotes,
  countApprovedQuestions,
  countQuestionsOfAccountSince,
  deleteQaFollow,
  deleteQaVote,
  findQaQuestionById,
  findQaSessionById,
  insertQaAnswer,
  insertQaFollow,
  insertQaQuestion,
  insertQaSession,
  insertQaVote,
  listFollowedSessionIds,
  listFollowerIds,
  listQaAnswers,
  listQaQuestions,
  listQaSessions,
  listQuestionsOfAccount,
  listVotedQuestionIds,
  markQaStateAnnounced,
  updateQaQuestionInStatus,
  updateQaSession,
} from './qa.repository.js';
import type { QaQuestionRow, QaSessionRow } from './qa.table.js';
import { isSuspectText } from './qa.policy.js';

/** Questions one account may ask in QUESTION_WINDOW_MS, across sessions. */
export const QUESTIONS_PER_WINDOW = 5;
const QUESTION_WINDOW_MS = 10 * 60_000;
const LIST_LIMIT = 200;
const SEARCH_LIMIT = 50;
export const QA_SEARCH_TYPE = 'qa_session';
const DEFAULT_PSEUDONYM = 'Warga';
/** A reminder is worth delivering late only while the session may still be on. */
const REMINDER_TTL_MIN_S = 15 * 60;

// ---- sessions -----------------------------------------------------------------------------

function canModerateIn(actor: Actor, station: StationSummary, session: QaSessionRow): boolean {
  if (actor.kind !== 'account') return false;
  if (can(actor, 'qa.moderate', station)) return true;
  const panel = JSON.parse(session.panelAccountIds) as string[];
  return panel.includes(actor.accountId) && actor.grants.some((grant) => grant.role !== 'citizen');
}

async function loadSession(
  ctx: AppContext,
  id: string,
): Promise<{ session: QaSessionRow; station: StationSummary }> {
  const session = await findQaSessionById(ctx.db, id);
  if (!session) throw notFound('qa.session_not_found');
  return { session, station: await getStationOrThrow(ctx, session.stationId) };
}

async function loadModerated(
  ctx: AppContext,
  actor: Actor,
  sessionId: string,
): Promise<{ session: QaSessionRow; station: StationSummary; account: AccountActor }> {
  const account = requireAccount(actor);
  const loaded = await loadSession(ctx, sessionId);
  if (!canModerateIn(account, loaded.station, loaded.session)) throw forbidden();
  return { ...loaded, account };
}

async function presentSessions(
  ctx: AppContext,
  actor: Actor,
  rows: QaSessionRow[],
): Promise<QaSessionView[]> {
  const ids = rows.map((row) => row.id);
  const [stations, counts, names, followed] = await Promise.all([
    findStationsById(
      ctx,
      rows.map((row) => row.stationId),
    ),
    countApprovedQuestions(ctx.db, ids),
    findAccountNames(
      ctx,
      rows.flatMap((row) => JSON.parse(row.panelAccountIds) as string[]),
    ),
    actor.kind === 'account'
      ? listFollowedSessionIds(ctx.db, actor.accountId, ids)
      : Promise.resolve(undefined),
  ]);
  const now = ctx.clock.now();
  return rows.flatMap((row) => {
    const station = stations.get(row.stationId);
    if (!station) return [];
    const panelIds = JSON.parse(row.panelAccountIds) as string[];
    return [
      toQaSessionView(row, {
        now,
        station: { id: station.id, slug: station.slug, name: station.name },
        panel: panelIds.flatMap((id) => {
          const name = names.get(id);
          return name ? [{ id, name }] : [];
        }),
        questionCount: counts.get(row.id) ?? 0,
        isFollowing: followed?.has(row.id),
        canModerate: canModerateIn(actor, station, row),
      }),
    ];
  });
}

async function presentSession(
  ctx: AppContext,
  actor: Actor,
  row: QaSessionRow,
): Promise<QaSessionView> {
  const [view] = await presentSessions(ctx, actor, [row]);
  if (!view) throw notFound('qa.session_not_found');
  return view;
}

async function assertPanel(ctx: AppContext, panelAccountIds: string[]): Promise<string[]> {
  const unique = [...new Set(panelAccountIds)];
  const names = await findAccountNames(ctx, unique);
  if (names.size !== unique.length) throw invalidFields('qa.panel_unknown', ['panelAccountIds']);
  return unique;
}

function assertTimes(startsAt: string, endsAt: string): void {
  if (Date.parse(endsAt) <= Date.parse(startsAt)) {
    throw invalidFields('qa.times_invalid', ['endsAt']);
  }
}

/** The jobs that announce a session's start and end when its times come. */
async function scheduleStateJobs(ctx: AppContext, tx: Tx, row: QaSessionRow): Promise<void> {
  for (const at of [row.startsAt, row.endsAt]) {
    if (at === null) continue;
    await ctx.jobs.enqueue(tx, 'qa.session-timed', { sessionId: row.id }, { runAt: new Date(at) });
  }
}

export async function createQaSession(
  ctx: AppContext,
  actor: Actor,
  input: CreateQaSessionBody,
): Promise<QaSessionView> {
  const station = await getStationOrThrow(ctx, input.stationId);
  const account = assertCan(actor, 'qa.manage', station);
  const kind = input.kind ?? 'session';
  const now = ctx.clock.now();
  if (kind === 'session' && (!input.startsAt || !input.endsAt)) {
    throw invalidFields('qa.times_required', [input.startsAt ? 'endsAt' : 'startsAt']);
  }
  const startsAt = kind === 'board' ? now.toISOString() : new Date(input.startsAt!).toISOString();
  const endsAt = kind === 'board' ? null : new Date(input.endsAt!).toISOString();
  if (endsAt) assertTimes(startsAt, endsAt);
  const row: QaSessionRow = {
    id: newId(now.getTime()),
    stationId: station.id,
    kind,
    title: input.title.trim(),
    topic: input.topic?.trim() || null,
    description: input.description?.trim() || null,
    startsAt,
    endsAt,
    moderation: input.moderation,
    panelAccountIds: JSON.stringify(await assertPanel(ctx, input.panelAccountIds ?? [])),
    openedAt: null,
    closedAt: null,
    announcedState: 'scheduled',
    createdBy: account.accountId,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  row.announcedState = qaStateAt(row, now);
  try {
    await transaction(ctx.db, async (tx) => {
      await insertQaSession(tx.db, row);
      await indexQaSession(ctx, tx, row.id, station);
      if (row.kind === 'session') await scheduleStateJobs(ctx, tx, row);
      await recordAudit(ctx, tx, {
        actor: account,
        stationId: station.id,
        action: 'qa.session_created',
        target: { type: 'qa_session', id: row.id },
        summary: { kind, title: row.title, startsAt, endsAt, moderation: row.moderation },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('qa.board_exists');
    throw error;
  }
  return presentSession(ctx, actor, row);
}

export async function updateQaSessionDetails(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateQaSessionBody,
): Promise<QaSessionView> {
  const { session, station } = await loadSession(ctx, id);
  const account = assertCan(actor, 'qa.manage', station);
  const now = ctx.clock.now();
  if (qaStateAt(session, now) === 'ended') throw conflict('qa.session_ended');
  const isBoard = session.kind === 'board';
  const startsAt =
    input.startsAt && !isBoard ? new Date(input.startsAt).toISOString() : session.startsAt;
  const endsAt = input.endsAt && !isBoard ? new Date(input.endsAt).toISOString() : session.endsAt;
  if (endsAt) assertTimes(startsAt, endsAt);
  const changes = {
    ...(input.title !== undefined ? { title: input.title.trim() } : {}),
    ...(input.topic !== undefined ? { topic: input.topic.trim() || null } : {}),
    ...(input.description !== undefined ? { description: input.description.trim() || null } : {}),
    ...(input.moderation !== undefined ? { moderation: input.moderation } : {}),
    ...(input.panelAccountIds !== undefined
      ? { panelAccountIds: JSON.stringify(await assertPanel(ctx, input.panelAccountIds)) }
      : {}),
    startsAt,
    endsAt,
    updatedAt: now.toISOString(),
  };
  const updated: QaSessionRow = { ...session, ...changes };
  await transaction(ctx.db, async (tx) => {
    await updateQaSession(tx.db, id, changes);
    await indexQaSession(ctx, tx, id, station);
    if (startsAt !== session.startsAt || endsAt !== session.endsAt) {
      await scheduleStateJobs(ctx, tx, updated);
    }
    await announceQaState(ctx, tx, updated);
    await recordAudit(ctx, tx, {
      actor: account,
      stationId: station.id,
      action: 'qa.session_updated',
      target: { type: 'qa_session', id },
      summary: { fields: Object.keys(input) },
    });
  });
  return presentSession(ctx, actor, updated);
}

/**
 * Tells viewers of a change of state once (the conditional update makes a second run a
 * no-op), and reminds followers when the session goes live.
 */
async function announceQaState(ctx: AppContext, tx: Tx, session: QaSessionRow): Promise<void> {
  const state: QaState = qaStateAt(session, ctx.clock.now());
  if (state === session.announcedState) return;
  if (!(await markQaStateAnnounced(tx.db, session.id, session.announcedState, state))) return;
  await publishQa(ctx, tx, session.id, 'qa.state', { sessionId: session.id, state });
  if (state !== 'live') return;
  const followers = await listFollowerIds(tx.db, session.id);
  if (followers.length === 0) return;
  const keys = followers.map(accountKey);
  const source = { type: 'qa_session', id: session.id };
  // In the app that is open, and on the phone that is not.
  await publishStreamEvent(ctx, tx, {
    type: 'qa.reminder',
    data: { sessionId: session.id, title: session.title },
    keys,
    source,
  });
  const untilEnd = session.endsAt ? Date.parse(session.endsAt) - ctx.clock.now().getTime() : 0;
  await enqueuePushFanout(ctx, tx, {
    keys,
    isDrill: false,
    category: 'qa',
    isSevere: false,
    payload: {
      id: session.id,
      // Followers' languages are not known here: Indonesian, as the session itself is.
      title: translate('id', 'qa.session.reminder', { title: session.title }),
      body: session.topic ?? session.description ?? '',
      url: `/tanya/${session.id}`,
      tag: `qa-${session.id}`,
      sourceType: source.type,
    },
    topic: `qa-${session.id}`,
    ttlSeconds: Math.max(REMINDER_TTL_MIN_S, Math.floor(untilEnd / 1000)),
    sourceType: source.type,
    sourceId: source.id,
  });
}

/** Run by the `qa.session-timed` job at a session's start and end. */
export async function announceTimedQaState(ctx: AppContext, sessionId: string): Promise<void> {
  await transaction(ctx.db, async (tx) => {
    const session = await findQaSessionById(tx.db, sessionId);
    if (session) await announceQaState(ctx, tx, session);
  });
}

async function setSessionBoundary(
  ctx: AppContext,
  actor: Actor,
  id: string,
  boundary: 'open' | 'close',
): Promise<QaSessionView> {
  const { session, station, account } = await loadModerated(ctx, actor, id);
  const now = ctx.clock.now();
  const state = qaStateAt(session, now);
  if (boundary === 'open' && state === 'ended') throw conflict('qa.session_ended');
  const wanted: QaState = boundary === 'open' ? 'live' : 'ended';
  if (state === wanted || session.kind === 'board') return presentSession(ctx, actor, session);
  const changes =
    boundary === 'open' ? { openedAt: now.toISOString() } : { closedAt: now.toISOString() };
  const updated: QaSessionRow = { ...session, ...changes, updatedAt: now.toISOString() };
  await transaction(ctx.db, async (tx) => {
    await updateQaSession(tx.db, id, { ...changes, updatedAt: updated.updatedAt });
    await announceQaState(ctx, tx, updated);
    await recordAudit(ctx, tx, {
      actor: account,
      stationId: station.id,
      action: boundary === 'open' ? 'qa.session_opened' : 'qa.session_closed',
      target: { type: 'qa_session', id },
      summary: { from: state, scheduled: boundary === 'open' ? session.startsAt : session.endsAt },
    });
  });
  return presentSession(ctx, actor, updated);
}

export const openQaSession = (ctx: AppContext, actor: Actor, id: string) =>
  setSessionBoundary(ctx, actor, id, 'open');
export const closeQaSession = (ctx: AppContext, actor: Actor, id: string) =>
  setSessionBoundary(ctx, actor, id, 'close');

export async function getQaSession(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<QaSessionView> {
  const { session } = await loadSession(ctx, id);
  return presentSession(ctx, actor, session);
}

export async function listQaSessionViews(
  ctx: AppContext,
  actor: Actor,
  query: QaSessionListQuery,
): Promise<QaSessionView[]> {
  const station = query.station ? await getStationByIdOrSlug(ctx, query.station) : undefined;
  const hits = query.q
    ? await ctx.search.search(ctx.db, {
        type: QA_SEARCH_TYPE,
        text: query.q,
        ...(station ? { stationPath: station.path } : {}),
        limit: SEARCH_LIMIT,
      })
    : undefined;
  const rows = await listQaSessions(ctx.db, {
    ...(hits ? { ids: hits.items.map((hit) => hit.id) } : {}),
    ...(station && !hits ? { stationIds: [station.id] } : {}),
    limit: LIST_LIMIT,
  });
  if (hits) {
    const rank = new Map(hits.items.map((hit, i) => [hit.id, i]));
    rows.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
  }
  const now = ctx.clock.now();
  const wanted = query.state ? rows.filter((row) => qaStateAt(row, now) === query.state) : rows;
  return presentSessions(ctx, actor, wanted);
}

/**
 * Keeps a session findable by what was said in it: its own words and the public questions
 * with their latest answers (the archive search), in the writing transaction.
 */
async function indexQaSession(
  ctx: AppContext,
  tx: Tx,
  sessionId: string,
  station: StationSummary,
): Promise<void> {
  const session = await findQaSessionById(tx.db, sessionId);
  if (!session) return;
  const questions = await listQaQuestions(tx.db, sessionId, {
    statuses: ['approved'],
    sort: 'votes',
  });
  const answers = await listQaAnswers(
    tx.db,
    questions.map((question) => question.id),
  );
  const latest = new Map<string, string>();
  for (const answer of answers) {
    if (!latest.has(answer.questionId)) latest.set(answer.questionId, answer.markdown);
  }
  await ctx.search.index(tx.db, QA_SEARCH_TYPE, session.id, {
    fields: {
      title: session.title,
      topic: session.topic,
      description: session.description,
      questions: questions.map((question) => question.text).join('\n'),
      answers: [...latest.values()].join('\n'),
    },
    stationPath: station.path,
    date: session.startsAt,
  });
}

/** Upcoming and live sessions of a station, for its calendar feed. */
export async function listUpcomingQaSessions(
  ctx: AppContext,
  stationSlug: string,
): Promise<{ station: { slug: string; name: string }; sessions: QaSessionRow[] }> {
  const station = await getStationBySlugOrThrow(ctx, stationSlug);
  const now = ctx.clock.now();
  const rows = await listQaSessions(ctx.db, {
    stationIds: [station.id],
    endsAfter: now.toISOString(),
    limit: LIST_LIMIT,
  });
  return {
    station: { slug: station.slug, name: station.name },
    sessions: rows.filter((row) => row.kind === 'session' && qaStateAt(row, now) !== 'ended'),
  };
}

export async function setQaFollow(
  ctx: AppContext,
  actor: Actor,
  sessionId: string,
  isFollowing: boolean,
): Promise<{ isFollowing: boolean }> {
  const account = requireAccount(actor);
  const { session } = await loadSession(ctx, sessionId);
  if (isFollowing) {
    await insertQaFollow(ctx.db, {
      sessionId: session.id,
      accountId: account.accountId,
      createdAt: ctx.clock.now().toISOString(),
    });
  } else {
    await deleteQaFollow(ctx.db, session.id, account.accountId);
  }
  return { isFollowing };
}

// ---- questions ----------------------------------------------------------------------------

function publishQa<T extends StreamEventType>(
  ctx: AppContext,
  tx: Tx,
  sessionId: string,
  type: T,
  data: StreamEventTypes[T],
) {
  return publishStreamEvent(ctx, tx, {
    type,
    data,
    keys: [qaStreamKey(sessionId)],
    source: { type: 'qa_session', id: sessionId },
  });
}

async function presentQuestions(
  ctx: AppContext,
  rows: QaQuestionRow[],
  viewer: { accountId: string | undefined; isModerator: boolean },
): Promise<QaQuestionView[]> {
  const ids = rows.map((row) => row.id);
  const [answers, voted] = await Promise.all([
    listQaAnswers(ctx.db, ids),
    viewer.accountId
      ? listVotedQuestionIds(ctx.db, viewer.accountId, ids)
      : Promise.resolve(new Set<string>()),
  ]);
  const names = await findAccountNames(
    ctx,
    answers.map((answer) => answer.accountId),
  );
  return rows.map((row) =>
    toQaQuestionView(row, {
      answer: toQaAnswerView(
        answers.filter((answer) => answer.questionId === row.id),
        names,
      ),
      viewerAccountId: viewer.accountId,
      isModerator: viewer.isModerator,
      hasMyVote: voted.has(row.id),
    }),
  );
}

/** The public view of a question, read inside the transaction that changed it. */
async function presentPublicQuestion(ctx: AppContext, tx: Tx, row: QaQuestionRow) {
  // SQLite has one connection: reads during a transaction must go through it.
  const [view] = await presentQuestions({ ...ctx, db: tx.db }, [row], {
    accountId: undefined,
    isModerator: false,
  });
  return view;
}

export async function askQuestion(
  ctx: AppContext,
  actor: Actor,
  sessionId: string,
  input: AskQuestionBody,
): Promise<AskedQuestion> {
  const account = requireVerified(actor);
  const { session, station } = await loadSession(ctx, sessionId);
  const now = ctx.clock.now();
  if (qaStateAt(session, now) === 'ended') throw conflict('qa.session_ended');
  const text = input.text.trim().replace(/\s+/g, ' ');
  if (text.length < 10) throw invalidFields('qa.question_too_short', ['text']);
  const since = new Date(now.getTime() - QUESTION_WINDOW_MS).toISOString();
  if (
    (await countQuestionsOfAccountSince(ctx.db, account.accountId, since)) >= QUESTIONS_PER_WINDOW
  ) {
    throw new AppError('qa.rate_limited', 429, { max: QUESTIONS_PER_WINDOW, minutes: 10 });
  }
  const isSuspect = isSuspectText(text) || isSuspectText(input.pseudonym ?? '');
  const status: QaQuestionStatus =
    session.moderation === 'pre' || isSuspect ? 'pending' : 'approved';
  const row: QaQuestionRow = {
    id: newId(now.getTime()),
    sessionId: session.id,
    accountId: account.accountId,
    text,
    pseudonym: input.pseudonym?.trim() || DEFAULT_PSEUDONYM,
    status,
    hiddenReason: null,
    mergedIntoId: null,
    isPinned: 0,
    isSuspect: isSuspect ? 1 : 0,
    votes: 0,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await transaction(ctx.db, async (tx) => {
    await insertQaQuestion(tx.db, row);
    if (status === 'approved') {
      await indexQaSession(ctx, tx, session.id, station);
      await publishQa(
        ctx,
        tx,
        session.id,
        'qa.question',
        await presentPublicQuestion(ctx, tx, row),
      );
    }
  });
  return { id: row.id, status };
}

export async function listQuestions(
  ctx: AppContext,
  actor: Actor,
  sessionId: string,
  query: QaQuestionListQuery,
): Promise<QaQuestionView[]> {
  const { session, station } = await loadSession(ctx, sessionId);
  const isModerator = canModerateIn(actor, station, session);
  if (query.status === 'pending' && !isModerator) throw forbidden();
  const accountId = actor.kind === 'account' ? actor.accountId : undefined;
  const rows = await listQaQuestions(ctx.db, session.id, {
    statuses: query.status === 'pending' ? ['pending'] : ['approved'],
    ...(accountId && query.status !== 'pending' ? { orAccountId: accountId } : {}),
    sort: query.sort ?? 'votes',
  });
  return presentQuestions(ctx, rows, { accountId, isModerator });
}

async function loadQuestion(ctx: AppContext, id: string) {
  const question = await findQaQuestionById(ctx.db, id);
  if (!question) throw notFound('qa.question_not_found');
  return { question, ...(await loadSession(ctx, question.sessionId)) };
}

/** Casts (`cast`) or withdraws the caller's one vote; the unique key settles races. */
export async function setVote(
  ctx: AppContext,
  actor: Actor,
  questionId: string,
  cast: boolean,
): Promise<VoteCount> {
  const account = requireVerified(actor);
  const { question, session } = await loadQuestion(ctx, questionId);
  if (question.status !== 'approved') throw conflict('qa.question_not_open');
  if (qaStateAt(session, ctx.clock.now()) === 'ended') throw conflict('qa.session_ended');
  return transaction(ctx.db, async (tx) => {
    const changed = cast
      ? await insertQaVote(tx.db, {
          questionId,
          accountId: account.accountId,
          createdAt: ctx.clock.now().toISOString(),
        })
      : await deleteQaVote(tx.db, questionId, account.accountId);
    if (changed === 0) {
      const current = await findQaQuestionById(tx.db, questionId);
      return { votes: current?.votes ?? 0 };
    }
    const votes = await addQaQuestionVotes(tx.db, questionId, cast ? 1 : -1);
    tx.onCommit(() => announceVotes(ctx, session.id, questionId));
    return { votes };
  });
}

/**
 * At 100 votes/s on one question, 5,000 viewers would need 500,000 socket writes a second; they
 * need the count, not every step. A count goes out at once, then at most once per interval
 * with the newest value, read after commit (so every node's votes are in it).
 */
const VOTES_EVENT_INTERVAL_MS = 250;
interface VotesEventState {
  lastAt: number;
  timer: NodeJS.Timeout | undefined;
}
const votesEvents = new WeakMap<AppContext, Map<string, VotesEventState>>();

function announceVotes(ctx: AppContext, sessionId: string, questionId: string): void {
  let byQuestion = votesEvents.get(ctx);
  if (!byQuestion) votesEvents.set(ctx, (byQuestion = new Map<string, VotesEventState>()));
  const state = byQuestion.get(questionId) ?? { lastAt: 0, timer: undefined };
  byQuestion.set(questionId, state);
  if (state.timer) return;
  const flush = () => {
    state.timer = undefined;
    state.lastAt = Date.now();
    publishVotes(ctx, sessionId, questionId).catch((err: unknown) =>
      ctx.log.warn({ err, questionId }, 'qa votes event failed'),
    );
  };
  // Wall time, not ctx.clock: this paces socket writes; it is no time of the domain.
  const wait = state.lastAt + VOTES_EVENT_INTERVAL_MS - Date.now();
  if (wait <= 0) return flush();
  state.timer = setTimeout(flush, wait);
  state.timer.unref();
}

async function publishVotes(ctx: AppContext, sessionId: string, questionId: string) {
  await transaction(ctx.db, async (tx) => {
    const question = await findQaQuestionById(tx.db, questionId);
    if (question?.status !== 'approved') return;
    await publishQa(ctx, tx, sessionId, 'qa.votes', { questionId, votes: question.votes });
  });
}

async function loadModeratedQuestion(ctx: AppContext, actor: Actor, id: string) {
  const account = requireAccount(actor);
  const loaded = await loadQuestion(ctx, id);
  if (!canModerateIn(account, loaded.station, loaded.session)) throw forbidden();
  return { ...loaded, account };
}

async function moderate(
  ctx: AppContext,
  actor: Actor,
  questionId: string,
  action: string,
  work: (tx: Tx, loaded: { question: QaQuestionRow; session: QaSessionRow }) => Promise<unknown>,
): Promise<QaQuestionView> {
  const { question, session, station, account } = await loadModeratedQuestion(
    ctx,
    actor,
    questionId,
  );
  let summary: unknown;
  await transaction(ctx.db, async (tx) => {
    summary = await work(tx, { question, session });
    await indexQaSession(ctx, tx, session.id, station);
    await recordAudit(ctx, tx, {
      actor: account,
      stationId: station.id,
      action,
      target: { type: 'qa_question', id: questionId },
      summary: { sessionId: session.id, ...(summary as Record<string, unknown>) },
    });
  });
  const updated = await findQaQuestionById(ctx.db, questionId);
  if (!updated) throw notFound('qa.question_not_found');
  const [view] = await presentQuestions(ctx, [updated], {
    accountId: account.accountId,
    isModerator: true,
  });
  if (!view) throw notFound('qa.question_not_found');
  return view;
}

async function changeStatus(
  tx: Tx,
  question: QaQuestionRow,
  from: QaQuestionStatus[],
  changes: Parameters<typeof updateQaQuestionInStatus>[3],
): Promise<void> {
  if (!(await updateQaQuestionInStatus(tx.db, question.id, from, changes))) {
    throw conflict('qa.question_changed');
  }
}

export function approveQuestion(ctx: AppContext, actor: Actor, id: string) {
  return moderate(ctx, actor, id, 'qa.question_approved', async (tx, { question, session }) => {
    if (question.status === 'approved') return {};
    const now = ctx.clock.now().toISOString();
    await changeStatus(tx, question, ['pending', 'hidden'], {
      status: 'approved',
      hiddenReason: null,
      updatedAt: now,
    });
    const approved = { ...question, status: 'approved' as const, hiddenReason: null };
    await publishQa(
      ctx,
      tx,
      session.id,
      'qa.question',
      await presentPublicQuestion(ctx, tx, approved),
    );
    return { from: question.status };
  });
}

export function hideQuestion(ctx: AppContext, actor: Actor, id: string, reason: string) {
  return moderate(ctx, actor, id, 'qa.question_hidden', async (tx, { question, session }) => {
    await changeStatus(tx, question, ['pending', 'approved'], {
      status: 'hidden',
      hiddenReason: reason.trim(),
      isPinned: 0,
      updatedAt: ctx.clock.now().toISOString(),
    });
    if (question.status === 'approved') {
      await publishQa(ctx, tx, session.id, 'qa.removed', { questionId: question.id });
    }
    return { from: question.status, reason };
  });
}

/** Folds a duplicate into another question: its voters vote for the other, once each. */
export function mergeQuestion(ctx: AppContext, actor: Actor, id: string, intoId: string) {
  return moderate(ctx, actor, intoId, 'qa.question_merged', async (tx, { session }) => {
    const source = await findQaQuestionById(tx.db, id);
    if (!source || source.sessionId !== session.id || source.id === intoId) {
      throw invalidFields('qa.merge_invalid', ['intoId']);
    }
    const target = await findQaQuestionById(tx.db, intoId);
    if (!target || target.status === 'merged' || target.status === 'hidden') {
      throw invalidFields('qa.merge_invalid', ['intoId']);
    }
    await changeStatus(tx, source, ['pending', 'approved'], {
      status: 'merged',
      mergedIntoId: intoId,
      isPinned: 0,
      updatedAt: ctx.clock.now().toISOString(),
    });
    const added = await copyQaVotes(tx.db, source.id, intoId);
    const votes = added > 0 ? await addQaQuestionVotes(tx.db, intoId, added) : target.votes;
    if (source.status === 'approved') {
      await publishQa(ctx, tx, session.id, 'qa.removed', {
        questionId: source.id,
        mergedIntoId: intoId,
      });
    }
    if (target.status === 'approved') {
      await publishQa(ctx, tx, session.id, 'qa.votes', { questionId: intoId, votes });
    }
    return { mergedId: source.id, votesAdded: added };
  });
}

export function pinQuestion(ctx: AppContext, actor: Actor, id: string, pinned: boolean) {
  return moderate(
    ctx,
    actor,
    id,
    pinned ? 'qa.question_pinned' : 'qa.question_unpinned',
    async (tx, { question, session }) => {
      await changeStatus(tx, question, ['approved'], {
        isPinned: pinned ? 1 : 0,
        updatedAt: ctx.clock.now().toISOString(),
      });
      await publishQa(ctx, tx, session.id, 'qa.pin', { questionId: question.id, pinned });
      return {};
    },
  );
}

/** Answers (or edits the answer to) a question; answering a pending question approves it. */
export function answerQuestion(ctx: AppContext, actor: Actor, id: string, markdown: string) {
  const account = requireAccount(actor);
  return moderate(ctx, actor, id, 'qa.question_answered', async (tx, { question, session }) => {
    const now = ctx.clock.now().toISOString();
    if (question.status === 'pending') {
      await changeStatus(tx, question, ['pending'], { status: 'approved', updatedAt: now });
    } else if (question.status !== 'approved') {
      throw conflict('qa.question_not_open');
    }
    await insertQaAnswer(tx.db, {
      id: newId(),
      questionId: question.id,
      accountId: account.accountId,
      markdown: markdown.trim(),
      html: renderMarkdown(markdown),
      createdAt: now,
    });
    const answered = await findQaQuestionById(tx.db, question.id);
    if (answered) {
      const view = await presentPublicQuestion(ctx, tx, answered);
      if (question.status === 'pending') await publishQa(ctx, tx, session.id, 'qa.question', view);
      await publishQa(ctx, tx, session.id, 'qa.answer', {
        questionId: question.id,
        answer: view?.answer ?? null,
      });
    }
    return { edit: question.status === 'approved' };
  });
}

// ---- archive ------------------------------------------------------------------------------

/** An ended (or live) session with its public questions and answers, for the share page. */
export async function getQaArchive(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ session: QaSessionView; questions: QaQuestionView[] }> {
  const session = await getQaSession(ctx, actor, id);
  const rows = await listQaQuestions(ctx.db, id, { statuses: ['approved'], sort: 'votes' });
  const questions = await presentQuestions(ctx, rows, { accountId: undefined, isModerator: false });
  return { session, questions };
}

/** The questions a person asked, for their UU PDP export (they go with the account). */
export async function exportQuestionsOfPerson(ctx: AppContext, person: PersonRef) {
  const rows = await listQuestionsOfAccount(ctx.db, person.accountId);
  return rows.map((row) => ({
    id: row.id,
    sessionId: row.sessionId,
    text: row.text,
    pseudonym: row.pseudonym,
    status: row.status,
    createdAt: row.createdAt,
  }));
}
