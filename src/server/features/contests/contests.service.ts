import { createHmac } from 'node:crypto';
import type {
  ContestEntryListQuery,
  ContestEntryView,
  ContestIntegrityReport,
  ContestJudgeView,
  ContestResults,
  ContestScoreBoard,
  ContestView,
  ContestVoteView,
  CreateContestBody,
  CreatedEntry,
  ScoreView,
} from '../../../common/api/contests.js';
import {
  CONTEST_ENTRY_DESCRIPTION_MAX,
  CONTEST_ENTRY_TITLE_MAX,
  CONTEST_PHASES,
  CONTEST_TITLE_MAX,
  contestPagePath,
  contestPhaseAt,
  phaseIndex,
  phaseStarts,
  type ContestPhase,
} from '../../../common/domain/contests.js';
import type { AccountActor, Actor } from '../../auth/actor.js';
import { assertCan, can, requireAccount, requireVerified } from '../../auth/policy.js';
import type { AppContext, PersonRef } from '../../context.js';
import { isUniqueViolation } from '../../db/constraints.js';
import { transaction, type Tx } from '../../db/database.js';
import { AppError, conflict, forbidden, invalidFields, notFound } from '../../errors.js';
import { accountKey } from '../../geo/targeting.js';
import { newId } from '../../ids.js';
import { coarsenAddress } from '../../logging.js';
import type { StagedUpload } from '../../media/intake.js';
import { IMAGE_KINDS } from '../../media/media-use.js';
import { translate } from '../../../common/i18n/index.js';
import { publishStreamEvent } from '../../realtime/stream.service.js';
import { toCsv } from '../../text/csv.js';
import { escapeMarkdown } from '../../text/markdown.js';
import { findAccountCreatedAt, findAccountNames } from '../accounts/accounts.service.js';
import { listAccountAreaCodes } from '../areas/areas.service.js';
import { publishStationPost } from '../posts/posts.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { enqueuePushFanout } from '../push/push.service.js';
import {
  getStationByIdOrSlug,
  getStationOrThrow,
  stationCoversAreas,
  type StationSummary,
} from '../stations/stations.service.js';
import { rankEntries, weightedScore } from './contests.ranking.js';
import {
  claimAnnouncement,
  countApprovedEntries,
  countValidVotes,
  countVotesOfAccountSince,
  decideEntry,
  deleteValidVote,
  findContestById,
  findEntry,
  insertContest,
  insertEntry,
  insertJudge,
  insertVoteInFreeSlot,
  listContestIdsJudgedBy,
  listContestVotes,
  listContests,
  listEntries,
  listEntriesOfAccount,
  listJudgeIds,
  listScores,
  listScoresByJudge,
  listVotesOfAccount,
  listVotesOfAccountEverywhere,
  moveContestFloor,
  settleAnnouncement,
  upsertScore,
  voidVotes,
} from './contests.repository.js';
import type { ContestEntryRow, ContestRow } from './contests.table.js';

/** Votes one account may cast per minute, across contests. */
export const VOTES_PER_MINUTE = 30;
const DAY_MS = 24 * 60 * 60_000;
/** Integrity report thresholds. */
export const INTEGRITY = { newAccountDays: 7, burstVotes: 5, burstMinutes: 60, networkVotes: 5 };
const WEIGHT_EPSILON = 1e-9;

// ---- contests -----------------------------------------------------------------------------

interface Loaded {
  contest: ContestRow;
  station: StationSummary;
  phase: ContestPhase;
}

const criteriaOf = (row: ContestRow) =>
  JSON.parse(row.criteria) as Array<{ name: string; weight: number }>;

function phaseOf(ctx: AppContext, row: ContestRow): ContestPhase {
  return contestPhaseAt(row, ctx.clock.now(), row.phaseFloor);
}

async function loadContest(ctx: AppContext, id: string): Promise<Loaded> {
  const contest = await findContestById(ctx.db, id);
  if (!contest) throw notFound('contest.not_found');
  const station = await getStationOrThrow(ctx, contest.stationId);
  return { contest, station, phase: phaseOf(ctx, contest) };
}

function assertPhase(loaded: Loaded, allowed: readonly ContestPhase[], code: string): void {
  if (!allowed.includes(loaded.phase)) throw conflict(code, { phase: loaded.phase });
}

async function presentContests(
  ctx: AppContext,
  actor: Actor,
  rows: ContestRow[],
): Promise<ContestView[]> {
  const ids = rows.map((row) => row.id);
  const [approved, judged] = await Promise.all([
    countApprovedEntries(ctx.db, ids),
    actor.kind === 'account'
      ? listContestIdsJudgedBy(ctx.db, actor.accountId, ids)
      : Promise.resolve(new Set<string>()),
  ]);
  const views: ContestView[] = [];
  for (const row of rows) {
    const station = await getStationOrThrow(ctx, row.stationId);
    const phase = phaseOf(ctx, row);
    const next = phaseStarts(row).find(([p]) => phaseIndex(p) === phaseIndex(phase) + 1);
    const used =
      actor.kind === 'account'
        ? (await listVotesOfAccount(ctx.db, row.id, actor.accountId)).length
        : undefined;
    views.push({
      id: row.id,
      station: { id: station.id, slug: station.slug, name: station.name },
      title: row.title,
      rules: row.rules,
      categories: JSON.parse(row.categories) as string[],
      prizes: row.prizes,
      residentsOnly: row.residentsOnly === 1,
      allowMultipleEntries: row.allowMultipleEntries === 1,
      minAccountAgeDays: row.minAccountAgeDays,
      votesPerAccount: row.votesPerAccount,
      showVoteCounts: row.showVoteCounts === 1,
      juryWeight: row.juryWeight,
      publicWeight: row.publicWeight,
      criteria: criteriaOf(row),
      phases: {
        submissionStartsAt: row.submissionStartsAt,
        submissionEndsAt: row.submissionEndsAt,
        votingStartsAt: row.votingStartsAt,
        votingEndsAt: row.votingEndsAt,
        judgingEndsAt: row.judgingEndsAt,
      },
      phase,
      phaseEndsAt: next?.[1] ?? null,
      approvedEntries: approved.get(row.id) ?? 0,
      canManage: can(actor, 'contest.manage', station),
      isJudge: judged.has(row.id),
      ...(used !== undefined
        ? { myVotes: { used, left: Math.max(0, row.votesPerAccount - used) } }
        : {}),
      createdAt: row.createdAt,
    });
  }
  return views;
}

async function presentContest(ctx: AppContext, actor: Actor, row: ContestRow) {
  const [view] = await presentContests(ctx, actor, [row]);
  if (!view) throw notFound('contest.not_found');
  return view;
}

export async function createContest(
  ctx: AppContext,
  actor: Actor,
  input: CreateContestBody,
): Promise<ContestView> {
  const station = await getStationOrThrow(ctx, input.stationId);
  const account = assertCan(actor, 'contest.manage', station);
  if (Math.abs(input.juryWeight + input.publicWeight - 1) > WEIGHT_EPSILON) {
    throw invalidFields('contest.weights_invalid', ['juryWeight', 'publicWeight']);
  }
  const names = input.criteria.map((c) => c.name.trim());
  if (new Set(names).size !== names.length || names.some((name) => !name)) {
    throw invalidFields('contest.criteria_invalid', ['criteria']);
  }
  const starts = phaseStarts(input.phases).map(([, at]) => Date.parse(at));
  const ordered = starts.every((at, i) => i === 0 || at >= starts[i - 1]!);
  if (
    !ordered ||
    starts[1]! <= starts[0]! ||
    starts[3]! <= starts[2]! ||
    starts[4]! <= starts[3]!
  ) {
    throw invalidFields('contest.phases_invalid', ['phases']);
  }
  const iso = (at: string) => new Date(at).toISOString();
  const now = ctx.clock.now().toISOString();
  const row: ContestRow = {
    id: newId(ctx.clock.now().getTime()),
    stationId: station.id,
    title: input.title.trim(),
    rules: input.rules.trim(),
    categories: JSON.stringify([...new Set((input.categories ?? []).map((c) => c.trim()))]),
    prizes: input.prizes?.trim() || null,
    residentsOnly: input.residentsOnly ? 1 : 0,
    allowMultipleEntries: input.allowMultipleEntries ? 1 : 0,
    minAccountAgeDays: input.minAccountAgeDays ?? 0,
    votesPerAccount: input.votesPerAccount,
    showVoteCounts: input.showVoteCounts ? 1 : 0,
    juryWeight: input.juryWeight,
    publicWeight: input.publicWeight,
    criteria: JSON.stringify(
      input.criteria.map((c) => ({ name: c.name.trim(), weight: c.weight })),
    ),
    submissionStartsAt: iso(input.phases.submissionStartsAt),
    submissionEndsAt: iso(input.phases.submissionEndsAt),
    votingStartsAt: iso(input.phases.votingStartsAt),
    votingEndsAt: iso(input.phases.votingEndsAt),
    judgingEndsAt: iso(input.phases.judgingEndsAt),
    phaseFloor: null,
    announcedAt: null,
    announcedPostId: null,
    createdBy: account.accountId,
    createdAt: now,
    updatedAt: now,
  };
  await transaction(ctx.db, async (tx) => {
    await insertContest(tx.db, row);
    await recordAudit(ctx, tx, {
      actor: account,
      stationId: station.id,
      action: 'contest.created',
      target: { type: 'contest', id: row.id },
      summary: { title: row.title, juryWeight: row.juryWeight, publicWeight: row.publicWeight },
    });
  });
  return presentContest(ctx, actor, row);
}

/** Ends the phase in force now: the next one begins whatever the dates say (audited). */
export async function advanceContest(ctx: AppContext, actor: Actor, id: string) {
  const loaded = await loadContest(ctx, id);
  const account = assertCan(actor, 'contest.manage', loaded.station);
  if (loaded.phase === 'results') throw conflict('contest.already_results');
  const next = CONTEST_PHASES[phaseIndex(loaded.phase) + 1]!;
  const at = ctx.clock.now().toISOString();
  await transaction(ctx.db, async (tx) => {
    if (!(await moveContestFloor(tx.db, id, loaded.contest.phaseFloor, next, at))) {
      throw conflict('contest.changed');
    }
    await recordAudit(ctx, tx, {
      actor: account,
      stationId: loaded.station.id,
      action: 'contest.advanced',
      target: { type: 'contest', id },
      summary: { from: loaded.phase, to: next },
    });
  });
  return presentContest(ctx, actor, { ...loaded.contest, phaseFloor: next, updatedAt: at });
}

export async function getContest(ctx: AppContext, actor: Actor, id: string) {
  return presentContest(ctx, actor, (await loadContest(ctx, id)).contest);
}

export async function listContestViews(ctx: AppContext, actor: Actor, stationIdOrSlug?: string) {
  let stationIds: string[] | undefined;
  if (stationIdOrSlug) {
    stationIds = [(await getStationByIdOrSlug(ctx, stationIdOrSlug)).id];
  }
  return presentContests(ctx, actor, await listContests(ctx.db, { stationIds }));
}

// ---- eligibility --------------------------------------------------------------------------

/** A verified account; for a residents-only contest, one whose home lies in the station's area. */
async function assertEligible(
  ctx: AppContext,
  actor: Actor,
  loaded: Loaded,
): Promise<AccountActor> {
  const account = requireVerified(actor);
  if (loaded.contest.residentsOnly === 1) {
    const homes = (await listAccountAreaCodes(ctx, account.accountId))
      .filter((area) => area.kind === 'home')
      .map((area) => area.areaCode);
    if (homes.length === 0 || !(await stationCoversAreas(ctx, loaded.station, homes))) {
      throw forbidden('contest.not_resident');
    }
  }
  return account;
}

// ---- entries ------------------------------------------------------------------------------

/** Checked before the upload is read, and again when it is stored. */
export async function assertMayEnter(ctx: AppContext, actor: Actor, contestId: string) {
  const loaded = await loadContest(ctx, contestId);
  assertPhase(loaded, ['submission'], 'contest.not_accepting_entries');
  return { loaded, account: await assertEligible(ctx, actor, loaded) };
}

function fieldText(fields: Record<string, string>, name: string, min: number, max: number) {
  const value = (fields[name] ?? '').trim();
  if (value.length < min || value.length > max)
    throw invalidFields('contest.entry_invalid', [name]);
  return value;
}

/** Images in `images`, or one PDF in `document`, never both. */
function assertEntryFiles(files: readonly StagedUpload[]): void {
  const images = files.filter((f) => f.field === 'images');
  const documents = files.filter((f) => f.field === 'document');
  const valid =
    images.length + documents.length === files.length &&
    images.every((f) => (IMAGE_KINDS as readonly string[]).includes(f.kind)) &&
    documents.every((f) => f.kind === 'pdf') &&
    documents.length <= 1 &&
    (images.length === 0 || documents.length === 0);
  if (!valid) throw invalidFields('contest.entry_files_invalid', ['images', 'document']);
}

export async function submitEntry(
  ctx: AppContext,
  actor: Actor,
  contestId: string,
  upload: { fields: Record<string, string>; files: StagedUpload[] },
): Promise<CreatedEntry> {
  const { loaded, account } = await assertMayEnter(ctx, actor, contestId);
  const { fields } = upload;
  const title = fieldText(fields, 'title', 3, CONTEST_ENTRY_TITLE_MAX);
  const description = fieldText(fields, 'description', 1, CONTEST_ENTRY_DESCRIPTION_MAX);
  const categories = JSON.parse(loaded.contest.categories) as string[];
  const category = fields.category?.trim() || null;
  if (category && !categories.includes(category)) {
    throw invalidFields('contest.entry_invalid', ['category']);
  }
  const teamMembers = (fields.teamMembers ?? '')
    .split(/[\n,]/)
    .map((name) => name.trim())
    .filter(Boolean);
  if (teamMembers.length > 10 || teamMembers.some((name) => name.length > 80)) {
    throw invalidFields('contest.entry_invalid', ['teamMembers']);
  }
  assertEntryFiles(upload.files);
  const now = ctx.clock.now().toISOString();
  const id = newId(ctx.clock.now().getTime());
  try {
    await transaction(ctx.db, async (tx) => {
      const mediaIds: string[] = [];
      for (const file of upload.files) {
        const media = await ctx.media.attach(tx, file, {
          visibility: 'private',
          ownerType: 'contest_entry',
          ownerId: id,
        });
        mediaIds.push(media.id);
      }
      await insertEntry(tx.db, {
        id,
        contestId,
        accountId: account.accountId,
        accountSlot: loaded.contest.allowMultipleEntries === 1 ? null : account.accountId,
        title,
        description,
        category,
        teamMembers: JSON.stringify(teamMembers),
        mediaIds: JSON.stringify(mediaIds),
        status: 'pending',
        rejectReason: null,
        moderatedBy: null,
        moderatedAt: null,
        createdAt: now,
        updatedAt: now,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('contest.entry_exists');
    throw error;
  }
  return { id, status: 'pending' };
}

async function loadEntry(ctx: AppContext, loaded: Loaded, entryId: string) {
  const entry = await findEntry(ctx.db, loaded.contest.id, entryId);
  if (!entry) throw notFound('contest.entry_not_found');
  return entry;
}

/** Approves, or refuses with a reason the author is told of (stream and push; audited). */
export async function moderateEntry(
  ctx: AppContext,
  actor: Actor,
  contestId: string,
  entryId: string,
  decision: { approve: true } | { approve: false; reason: string },
): Promise<CreatedEntry> {
  const loaded = await loadContest(ctx, contestId);
  const account = assertCan(actor, 'contest.moderate', loaded.station);
  assertPhase(loaded, ['submission', 'review', 'voting'], 'contest.moderation_closed');
  const entry = await loadEntry(ctx, loaded, entryId);
  const at = ctx.clock.now().toISOString();
  const reason = decision.approve ? null : decision.reason.trim();
  await transaction(ctx.db, async (tx) => {
    const moved = await decideEntry(tx.db, entryId, {
      status: decision.approve ? 'approved' : 'rejected',
      rejectReason: reason,
      moderatedBy: account.accountId,
      moderatedAt: at,
      // A refused entry no longer holds the author's one place: they may send a better one.
      ...(decision.approve ? {} : { accountSlot: null }),
    });
    if (!moved) throw conflict('contest.entry_decided');
    await recordAudit(ctx, tx, {
      actor: account,
      stationId: loaded.station.id,
      action: decision.approve ? 'contest.entry_approved' : 'contest.entry_rejected',
      target: { type: 'contest_entry', id: entryId },
      summary: { contestId, ...(reason ? { reason } : {}) },
    });
    if (reason !== null) {
      const keys = [accountKey(entry.accountId)];
      const source = { type: 'contest_entry', id: entryId };
      await publishStreamEvent(ctx, tx, {
        type: 'contest.entry_refused',
        data: { contestId, entryId, title: entry.title, reason },
        keys,
        source,
      });
      await enqueuePushFanout(ctx, tx, {
        keys,
        isDrill: false,
        category: 'contest',
        isSevere: false,
        payload: {
          id: entryId,
          // The author's language is not known here: Indonesian, as the contest itself is.
          title: translate('id', 'contest.entry.refused_title', { title: entry.title }),
          body: reason,
          url: `/lomba/${contestId}`,
          tag: `contest-entry-${entryId}`,
          sourceType: source.type,
        },
        topic: `contest-entry-${entryId}`,
        ttlSeconds: 7 * 24 * 3600,
        sourceType: source.type,
        sourceId: entryId,
      });
    }
  });
  return { id: entryId, status: decision.approve ? 'approved' : 'rejected' };
}

function countsVisible(loaded: Loaded, isOrganiser: boolean): boolean {
  return (
    isOrganiser ||
    loaded.contest.showVoteCounts === 1 ||
    phaseIndex(loaded.phase) > phaseIndex('voting')
  );
}

export async function listEntryViews(
  ctx: AppContext,
  actor: Actor,
  contestId: string,
  query: ContestEntryListQuery,
): Promise<ContestEntryView[]> {
  const loaded = await loadContest(ctx, contestId);
  const isOrganiser = can(actor, 'contest.moderate', loaded.station);
  if (query.status && query.status !== 'approved' && !isOrganiser) throw forbidden();
  const accountId = actor.kind === 'account' ? actor.accountId : undefined;
  const statuses =
    query.status === 'all'
      ? (['pending', 'approved', 'rejected'] as const)
      : ([query.status ?? 'approved'] as const);
  const rows = await listEntries(ctx.db, contestId, {
    statuses,
    ...(accountId && !query.status ? { orAccountId: accountId } : {}),
  });
  const [names, votes, myVotes, myScores, media] = await Promise.all([
    findAccountNames(
      ctx,
      rows.map((row) => row.accountId),
    ),
    countValidVotes(ctx.db, contestId),
    accountId ? listVotesOfAccount(ctx.db, contestId, accountId) : Promise.resolve([]),
    accountId ? listScores(ctx.db, contestId, { judgeId: accountId }) : Promise.resolve([]),
    ctx.media.list(
      ctx.db,
      rows.flatMap((row) => JSON.parse(row.mediaIds) as string[]),
    ),
  ]);
  const showCounts = countsVisible(loaded, isOrganiser);
  const isJudge =
    accountId !== undefined && (await listJudgeIds(ctx.db, contestId)).includes(accountId);
  return rows.map((row) => {
    const mine = row.accountId === accountId;
    const mediaIds = JSON.parse(row.mediaIds) as string[];
    const score = myScores.find((s) => s.entryId === row.id);
    return {
      id: row.id,
      contestId,
      title: row.title,
      description: row.description,
      category: row.category,
      teamMembers: JSON.parse(row.teamMembers) as string[],
      authorName: names.get(row.accountId) ?? '',
      status: row.status,
      ...(mine || isOrganiser ? { rejectReason: row.rejectReason } : {}),
      files: media
        .filter((m) => mediaIds.includes(m.id))
        .map((m) => ({
          mediaId: m.id,
          kind: m.kind,
          urls: m.files.map((file) => ({
            url: `/api/contests/${contestId}/entries/${row.id}/media/${m.id}/${file.key}`,
            mime: file.mime,
            width: file.width,
          })),
        })),
      votes: showCounts ? (votes.get(row.id) ?? 0) : null,
      ...(accountId
        ? { hasMyVote: myVotes.some((v) => v.entryId === row.id && v.voidedAt === null) }
        : {}),
      ...(accountId ? { isMine: mine } : {}),
      ...(isJudge
        ? { myScores: score ? (JSON.parse(score.scores) as Record<string, number>) : null }
        : {}),
      createdAt: row.createdAt,
    };
  });
}

/** Whether the caller may see an entry's files: approved ones to all, others to author and organisers. */
export async function assertMaySeeEntryMedia(
  ctx: AppContext,
  actor: Actor,
  contestId: string,
  entryId: string,
  mediaId: string,
): Promise<void> {
  const loaded = await loadContest(ctx, contestId);
  const entry = await loadEntry(ctx, loaded, entryId);
  if (!(JSON.parse(entry.mediaIds) as string[]).includes(mediaId))
    throw notFound('media.not_found');
  const mine = actor.kind === 'account' && actor.accountId === entry.accountId;
  if (entry.status !== 'approved' && !mine && !can(actor, 'contest.moderate', loaded.station)) {
    throw notFound('media.not_found');
  }
}

// ---- votes --------------------------------------------------------------------------------

/** The network of an address, keyed so that the report can group votes without keeping it. */
export function networkHash(secret: string, address: string | undefined): string {
  const network = coarsenAddress(address) ?? 'unknown';
  return createHmac('sha256', secret).update(`contest-network\0${network}`).digest('base64url');
}

async function voteView(
  ctx: AppContext,
  loaded: Loaded,
  entry: ContestEntryRow,
  account: AccountActor,
): Promise<ContestVoteView> {
  const mine = await listVotesOfAccount(ctx.db, loaded.contest.id, account.accountId);
  const votes = countsVisible(loaded, can(account, 'contest.moderate', loaded.station))
    ? ((await countValidVotes(ctx.db, loaded.contest.id)).get(entry.id) ?? 0)
    : null;
  return {
    entryId: entry.id,
    hasMyVote: mine.some((v) => v.entryId === entry.id && v.voidedAt === null),
    used: mine.length,
    left: Math.max(0, loaded.contest.votesPerAccount - mine.length),
    votes,
  };
}

export async function castVote(
  ctx: AppContext,
  actor: Actor,
  contestId: string,
  entryId: string,
  address: string | undefined,
): Promise<ContestVoteView> {
  const loaded = await loadContest(ctx, contestId);
  assertPhase(loaded, ['voting'], 'contest.not_voting');
  const account = await assertEligible(ctx, actor, loaded);
  const entry = await loadEntry(ctx, loaded, entryId);
  if (entry.status !== 'approved') throw conflict('contest.entry_not_open');
  const now = ctx.clock.now();
  const createdAt = await findAccountCreatedAt(ctx, account.accountId);
  if (!createdAt) throw forbidden();
  const minAgeMs = loaded.contest.minAccountAgeDays * DAY_MS;
  if (minAgeMs > 0 && now.getTime() - Date.parse(createdAt) < minAgeMs) {
    throw forbidden('contest.account_too_new');
  }
  const since = new Date(now.getTime() - 60_000).toISOString();
  if ((await countVotesOfAccountSince(ctx.db, account.accountId, since)) >= VOTES_PER_MINUTE) {
    throw new AppError('contest.rate_limited', 429, { max: VOTES_PER_MINUTE });
  }
  const cast = await insertVoteInFreeSlot(
    ctx.db,
    {
      id: newId(now.getTime()),
      contestId,
      entryId,
      accountId: account.accountId,
      networkHash: networkHash(ctx.secret, address),
      accountCreatedAt: createdAt,
      createdAt: now.toISOString(),
      voidedAt: null,
      voidedBy: null,
      voidReason: null,
    },
    loaded.contest.votesPerAccount,
  );
  // Every slot was taken: by votes for other entries (the limit), or one was this entry's.
  if (
    !cast &&
    !(await listVotesOfAccount(ctx.db, contestId, account.accountId)).some(
      (v) => v.entryId === entryId,
    )
  ) {
    throw conflict('contest.vote_limit', { max: loaded.contest.votesPerAccount });
  }
  return voteView(ctx, loaded, entry, account);
}

export async function withdrawVote(
  ctx: AppContext,
  actor: Actor,
  contestId: string,
  entryId: string,
): Promise<ContestVoteView> {
  const account = requireAccount(actor);
  const loaded = await loadContest(ctx, contestId);
  assertPhase(loaded, ['voting'], 'contest.not_voting');
  const entry = await loadEntry(ctx, loaded, entryId);
  await deleteValidVote(ctx.db, entryId, account.accountId);
  return voteView(ctx, loaded, entry, account);
}

export async function buildIntegrityReport(
  ctx: AppContext,
  actor: Actor,
  contestId: string,
): Promise<ContestIntegrityReport> {
  const loaded = await loadContest(ctx, contestId);
  assertCan(actor, 'contest.manage', loaded.station);
  const votes = await listContestVotes(ctx.db, contestId);
  const valid = votes.filter((v) => v.voidedAt === null);
  const entries = await listEntries(ctx.db, contestId, { statuses: ['approved'] });
  const titles = new Map(entries.map((e) => [e.id, e.title]));
  const flagged = (v: (typeof votes)[number]) => ({
    voteId: v.id,
    entryId: v.entryId,
    createdAt: v.createdAt,
    accountCreatedAt: v.accountCreatedAt,
  });
  const newAccountMs = INTEGRITY.newAccountDays * DAY_MS;
  const windowMs = INTEGRITY.burstMinutes * 60_000;
  const bursts: ContestIntegrityReport['newAccountBursts'] = [];
  for (const entryId of new Set(valid.map((v) => v.entryId))) {
    const young = valid.filter(
      (v) =>
        v.entryId === entryId &&
        Date.parse(v.createdAt) - Date.parse(v.accountCreatedAt) < newAccountMs,
    );
    let start = 0;
    while (start < young.length) {
      let end = start;
      const opened = Date.parse(young[start]!.createdAt);
      while (end + 1 < young.length && Date.parse(young[end + 1]!.createdAt) - opened <= windowMs) {
        end++;
      }
      const group = young.slice(start, end + 1);
      if (group.length >= INTEGRITY.burstVotes) {
        bursts.push({
          entryId,
          entryTitle: titles.get(entryId) ?? '',
          from: group[0]!.createdAt,
          to: group[group.length - 1]!.createdAt,
          votes: group.map(flagged),
        });
        start = end + 1;
      } else {
        start++;
      }
    }
  }
  const networks: ContestIntegrityReport['sharedNetworks'] = [];
  for (const hash of new Set(valid.map((v) => v.networkHash))) {
    const group = valid.filter((v) => v.networkHash === hash);
    if (group.length < INTEGRITY.networkVotes) continue;
    const perEntry = new Map<string, number>();
    for (const v of group) perEntry.set(v.entryId, (perEntry.get(v.entryId) ?? 0) + 1);
    networks.push({
      network: hash.slice(0, 12),
      entries: [...perEntry].map(([entryId, count]) => ({ entryId, votes: count })),
      votes: group.map(flagged),
    });
  }
  return {
    contestId,
    validVotes: valid.length,
    voidedVotes: votes.length - valid.length,
    newAccountBursts: bursts,
    sharedNetworks: networks,
    thresholds: INTEGRITY,
  };
}

/** Voids votes the organiser judged fraudulent, with the reason (audited). */
export async function voidContestVotes(
  ctx: AppContext,
  actor: Actor,
  contestId: string,
  input: { voteIds: string[]; reason: string },
): Promise<{ voided: number }> {
  const loaded = await loadContest(ctx, contestId);
  const account = assertCan(actor, 'contest.manage', loaded.station);
  assertPhase(loaded, ['voting', 'judging'], 'contest.voting_closed');
  const reason = input.reason.trim();
  return transaction(ctx.db, async (tx) => {
    const voided = await voidVotes(tx.db, contestId, input.voteIds, {
      accountId: account.accountId,
      reason,
      at: ctx.clock.now().toISOString(),
    });
    if (voided > 0) {
      await recordAudit(ctx, tx, {
        actor: account,
        stationId: loaded.station.id,
        action: 'contest.votes_voided',
        target: { type: 'contest', id: contestId },
        summary: { reason, count: voided, voteIds: input.voteIds },
      });
    }
    return { voided };
  });
}

// ---- jury ---------------------------------------------------------------------------------

/** Puts an account (an officer, or an outside person) on this one contest's jury (audited). */
export async function inviteJudge(
  ctx: AppContext,
  actor: Actor,
  contestId: string,
  judgeId: string,
): Promise<ContestJudgeView> {
  const loaded = await loadContest(ctx, contestId);
  const account = assertCan(actor, 'contest.manage', loaded.station);
  assertPhase(
    loaded,
    CONTEST_PHASES.filter((p) => p !== 'results'),
    'contest.judging_closed',
  );
  const name = (await findAccountNames(ctx, [judgeId])).get(judgeId);
  if (name === undefined) throw notFound('contest.account_not_found');
  await transaction(ctx.db, async (tx) => {
    const added = await insertJudge(tx.db, {
      contestId,
      accountId: judgeId,
      invitedBy: account.accountId,
      createdAt: ctx.clock.now().toISOString(),
    });
    if (added) {
      await recordAudit(ctx, tx, {
        actor: account,
        stationId: loaded.station.id,
        action: 'contest.judge_invited',
        target: { type: 'contest', id: contestId },
        summary: { judgeId },
      });
    }
  });
  return { contestId, accountId: judgeId, name };
}

export async function listJudges(ctx: AppContext, actor: Actor, contestId: string) {
  const loaded = await loadContest(ctx, contestId);
  assertCan(actor, 'contest.manage', loaded.station);
  const ids = await listJudgeIds(ctx.db, contestId);
  const names = await findAccountNames(ctx, ids);
  return ids.map((accountId) => ({ contestId, accountId, name: names.get(accountId) ?? '' }));
}

export async function scoreEntry(
  ctx: AppContext,
  actor: Actor,
  contestId: string,
  entryId: string,
  scores: Record<string, number>,
): Promise<ScoreView> {
  const account = requireAccount(actor);
  const loaded = await loadContest(ctx, contestId);
  if (!(await listJudgeIds(ctx.db, contestId)).includes(account.accountId)) {
    throw forbidden('contest.not_judge');
  }
  assertPhase(loaded, ['judging'], 'contest.not_judging');
  const entry = await loadEntry(ctx, loaded, entryId);
  if (entry.status !== 'approved') throw conflict('contest.entry_not_open');
  const criteria = criteriaOf(loaded.contest);
  const given = Object.keys(scores);
  if (given.length !== criteria.length || criteria.some((c) => scores[c.name] === undefined)) {
    throw invalidFields('contest.scores_invalid', ['scores']);
  }
  const weighted = weightedScore(criteria, scores);
  const now = ctx.clock.now().toISOString();
  await upsertScore(ctx.db, {
    contestId,
    entryId,
    judgeId: account.accountId,
    scores: JSON.stringify(scores),
    weighted,
    createdAt: now,
    updatedAt: now,
  });
  return { entryId, scores, weighted };
}

/**
 * The jury's scores. Until judging closes a judge sees only their own, organisers only who
 * has scored; afterwards everyone sees them all.
 */
export async function getScoreBoard(
  ctx: AppContext,
  actor: Actor,
  contestId: string,
): Promise<ContestScoreBoard> {
  const loaded = await loadContest(ctx, contestId);
  const revealed = loaded.phase === 'results';
  const accountId = actor.kind === 'account' ? actor.accountId : undefined;
  const isOrganiser = can(actor, 'contest.manage', loaded.station);
  const judgeIds = await listJudgeIds(ctx.db, contestId);
  const isJudge = accountId !== undefined && judgeIds.includes(accountId);
  if (!revealed && !isOrganiser && !isJudge) throw forbidden();
  const scores = await listScores(ctx.db, contestId);
  const names = await findAccountNames(ctx, judgeIds);
  const entryIds = [...new Set(scores.map((s) => s.entryId))];
  return {
    revealed,
    items: entryIds.map((entryId) => {
      const ofEntry = scores.filter((s) => s.entryId === entryId);
      return {
        entryId,
        judgeCount: ofEntry.length,
        scores: ofEntry
          .filter((s) => revealed || isOrganiser || s.judgeId === accountId)
          .map((s) => {
            const visible = revealed || s.judgeId === accountId;
            return {
              judgeId: s.judgeId,
              judgeName: names.get(s.judgeId) ?? '',
              scores: visible ? (JSON.parse(s.scores) as Record<string, number>) : null,
              weighted: visible ? s.weighted : null,
            };
          }),
      };
    }),
  };
}

// ---- results ------------------------------------------------------------------------------

/** The ranking over approved entries, with what it was computed from. */
async function rankContest(ctx: AppContext, loaded: Loaded) {
  const contestId = loaded.contest.id;
  const [entries, votes, scores] = await Promise.all([
    listEntries(ctx.db, contestId, { statuses: ['approved'] }),
    countValidVotes(ctx.db, contestId),
    listScores(ctx.db, contestId),
  ]);
  const names = await findAccountNames(
    ctx,
    entries.map((e) => e.accountId),
  );
  const ranking = rankEntries(
    { juryWeight: loaded.contest.juryWeight, publicWeight: loaded.contest.publicWeight },
    entries.map((e) => ({
      entryId: e.id,
      title: e.title,
      authorName: names.get(e.accountId) ?? '',
      createdAt: e.createdAt,
      votes: votes.get(e.id) ?? 0,
      judgeScores: scores.filter((s) => s.entryId === e.id).map((s) => s.weighted),
    })),
  );
  return { ranking, totalVotes: [...votes.values()].reduce((a, b) => a + b, 0) };
}

export async function getResults(ctx: AppContext, contestId: string): Promise<ContestResults> {
  const loaded = await loadContest(ctx, contestId);
  assertPhase(loaded, ['results'], 'contest.results_not_ready');
  const { ranking, totalVotes } = await rankContest(ctx, loaded);
  return {
    contestId,
    juryWeight: loaded.contest.juryWeight,
    publicWeight: loaded.contest.publicWeight,
    totalVotes,
    ranking,
  };
}

// ---- export, announcement, share page -----------------------------------------------------

const CSV_HEADER = [
  'rank',
  'entry_id',
  'title',
  'author',
  'team_members',
  'category',
  'status',
  'submitted_at',
  'valid_votes',
  'judges_scored',
  'jury_score',
  'public_share',
  'total',
];

/**
 * Every entry with its valid votes and, once results are out, its jury score, share and rank
 * (before that the scores stay secret, as on the score board). Organisers only; audited.
 */
export async function exportContestCsv(
  ctx: AppContext,
  actor: Actor,
  contestId: string,
): Promise<string> {
  const loaded = await loadContest(ctx, contestId);
  const account = assertCan(actor, 'contest.manage', loaded.station);
  const [entries, votes, scores] = await Promise.all([
    listEntries(ctx.db, contestId, { statuses: ['pending', 'approved', 'rejected'] }),
    countValidVotes(ctx.db, contestId),
    listScores(ctx.db, contestId),
  ]);
  const names = await findAccountNames(
    ctx,
    entries.map((e) => e.accountId),
  );
  const revealed = loaded.phase === 'results';
  const ranked = revealed
    ? new Map((await rankContest(ctx, loaded)).ranking.map((item) => [item.entryId, item]))
    : new Map<string, ContestResults['ranking'][number]>();
  const rows = entries.map((entry) => {
    const item = ranked.get(entry.id);
    return [
      item?.rank ?? null,
      entry.id,
      entry.title,
      names.get(entry.accountId) ?? '',
      (JSON.parse(entry.teamMembers) as string[]).join('; '),
      entry.category,
      entry.status,
      entry.createdAt,
      votes.get(entry.id) ?? 0,
      scores.filter((score) => score.entryId === entry.id).length,
      item?.juryScore ?? null,
      item?.publicShare ?? null,
      item?.total ?? null,
    ];
  });
  rows.sort((a, b) => Number(a[0] ?? Infinity) - Number(b[0] ?? Infinity));
  await transaction(ctx.db, (tx) =>
    recordAudit(ctx, tx, {
      actor: account,
      stationId: loaded.station.id,
      action: 'contest.exported',
      target: { type: 'contest', id: contestId },
      summary: { entries: rows.length, revealed },
    }),
  );
  return toCsv([CSV_HEADER, ...rows]);
}

/** Winners named in the announcement post. */
const ANNOUNCED_WINNERS = 3;

/**
 * Announces the winners as a published post of the contest's station, once (an explicit
 * organiser action after results are out, so the organiser reads the ranking first; see
 * decision 0013). Needs the right to publish posts there; audited.
 */
export async function announceWinners(
  ctx: AppContext,
  actor: Actor,
  contestId: string,
): Promise<{ postId: string; url: string }> {
  const loaded = await loadContest(ctx, contestId);
  const account = assertCan(actor, 'contest.manage', loaded.station);
  assertPhase(loaded, ['results'], 'contest.results_not_ready');
  const { ranking } = await rankContest(ctx, loaded);
  if (ranking.length === 0) throw conflict('contest.no_ranking');
  if (!(await claimAnnouncement(ctx.db, contestId, ctx.clock.now().toISOString()))) {
    throw conflict('contest.already_announced');
  }
  const { contest, station } = loaded;
  // Posts are written in the station's language: Indonesian.
  const percent = (weight: number) => `${Math.round(weight * 100)}%`;
  const lines = ranking.slice(0, ANNOUNCED_WINNERS).map((item) =>
    translate('id', 'contests.announce.line', {
      rank: item.rank,
      title: escapeMarkdown(item.title),
      author: escapeMarkdown(item.authorName),
      total: item.total.toFixed(3),
    }),
  );
  const body = [
    translate('id', 'contests.announce.intro', {
      contest: escapeMarkdown(contest.title),
      jury: percent(contest.juryWeight),
      public: percent(contest.publicWeight),
    }),
    lines.join('\n'),
    translate('id', 'contests.announce.more', {
      url: `${ctx.config.publicUrl}${contestPagePath(contestId)}/hasil`,
    }),
  ].join('\n\n');
  let post: { id: string; url: string };
  try {
    post = await publishStationPost(ctx, actor, {
      stationId: station.id,
      kind: 'pengumuman',
      title: translate('id', 'contests.announce.title', { contest: contest.title }).slice(
        0,
        CONTEST_TITLE_MAX,
      ),
      body,
      tags: ['lomba'],
    });
  } catch (error) {
    await settleAnnouncement(ctx.db, contestId, null);
    throw error;
  }
  await transaction(ctx.db, async (tx) => {
    await settleAnnouncement(tx.db, contestId, post.id);
    await recordAudit(ctx, tx, {
      actor: account,
      stationId: station.id,
      action: 'contest.announced',
      target: { type: 'contest', id: contestId },
      summary: { postId: post.id, winners: lines.length },
    });
  });
  return { postId: post.id, url: post.url };
}

/** What the share page `/c/:id` shows: the contest and its public gallery. */
export async function getContestPage(ctx: AppContext, actor: Actor, contestId: string) {
  const contest = await getContest(ctx, actor, contestId);
  const entries = await listEntryViews(ctx, { kind: 'anonymous' }, contestId, {});
  return { contest, entries };
}

// ---- personal data (UU PDP) ---------------------------------------------------------------

export async function exportContestDataOf(ctx: AppContext, person: PersonRef) {
  const [entries, votes, scores] = await Promise.all([
    listEntriesOfAccount(ctx.db, person.accountId),
    listVotesOfAccountEverywhere(ctx.db, person.accountId),
    listScoresByJudge(ctx.db, person.accountId),
  ]);
  return {
    contestEntries: entries.map((e) => ({
      id: e.id,
      contestId: e.contestId,
      title: e.title,
      description: e.description,
      category: e.category,
      teamMembers: JSON.parse(e.teamMembers) as string[],
      status: e.status,
      rejectReason: e.rejectReason,
      createdAt: e.createdAt,
    })),
    contestVotes: votes.map((v) => ({
      contestId: v.contestId,
      entryId: v.entryId,
      createdAt: v.createdAt,
      voidedAt: v.voidedAt,
    })),
    contestScores: scores.map((s) => ({
      contestId: s.contestId,
      entryId: s.entryId,
      scores: JSON.parse(s.scores) as Record<string, number>,
      updatedAt: s.updatedAt,
    })),
  };
}

/** The person's entry files go; entries, votes and scores go with the account row (cascade). */
export async function eraseContestDataOf(ctx: AppContext, tx: Tx, person: PersonRef) {
  const entries = await listEntriesOfAccount(tx.db, person.accountId);
  await ctx.media.remove(
    tx,
    entries.flatMap((e) => JSON.parse(e.mediaIds) as string[]),
  );
}
