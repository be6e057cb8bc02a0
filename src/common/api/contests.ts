import { Type, type Static } from 'typebox';
import {
  CONTEST_ENTRY_STATUSES,
  CONTEST_PHASES,
  CONTEST_REASON_MAX,
  CONTEST_SCORE_MAX,
  CONTEST_TEXT_MAX,
  CONTEST_TITLE_MAX,
} from '../domain/contests.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Time = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Weight = Type.Number({ minimum: 0, maximum: 1 });

export const ContestPhase = Type.Enum(CONTEST_PHASES);
export const ContestEntryStatus = Type.Enum(CONTEST_ENTRY_STATUSES);

export const ContestCriterion = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80 }),
    weight: Type.Number({ exclusiveMinimum: 0, maximum: 100 }),
  },
  { additionalProperties: false },
);
export type ContestCriterion = Static<typeof ContestCriterion>;

export const ContestPhases = Type.Object(
  {
    submissionStartsAt: Time,
    submissionEndsAt: Time,
    votingStartsAt: Time,
    votingEndsAt: Time,
    judgingEndsAt: Time,
  },
  { additionalProperties: false },
);
export type ContestPhases = Static<typeof ContestPhases>;

export const CreateContestBody = Type.Object(
  {
    stationId: Id,
    title: Type.String({ minLength: 3, maxLength: CONTEST_TITLE_MAX }),
    rules: Type.String({ minLength: 1, maxLength: CONTEST_TEXT_MAX }),
    votesPerAccount: Type.Integer({ minimum: 1, maximum: 50 }),
    showVoteCounts: Type.Boolean({ description: 'Show counts while voting runs' }),
    juryWeight: Weight,
    publicWeight: Weight,
    criteria: Type.Array(ContestCriterion, { minItems: 1, maxItems: 10 }),
    phases: ContestPhases,
    categories: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 10 }),
    ),
    prizes: Type.Optional(Type.String({ maxLength: 2000 })),
    residentsOnly: Type.Optional(
      Type.Boolean({ description: "Only accounts whose home area lies in the station's area" }),
    ),
    allowMultipleEntries: Type.Optional(Type.Boolean({ description: 'Default: one per account' })),
    minAccountAgeDays: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 365, description: 'An account this young may not vote' }),
    ),
  },
  { additionalProperties: false },
);
export type CreateContestBody = Static<typeof CreateContestBody>;

export const ContestView = Type.Object({
  id: Type.String(),
  station: Type.Object({ id: Type.String(), slug: Type.String(), name: Type.String() }),
  title: Type.String(),
  rules: Type.String(),
  categories: Type.Array(Type.String()),
  prizes: Nullable(Type.String()),
  residentsOnly: Type.Boolean(),
  allowMultipleEntries: Type.Boolean(),
  minAccountAgeDays: Type.Integer(),
  votesPerAccount: Type.Integer(),
  showVoteCounts: Type.Boolean(),
  juryWeight: Type.Number(),
  publicWeight: Type.Number(),
  criteria: Type.Array(ContestCriterion),
  phases: ContestPhases,
  /** The phase in force now (dates, clock and any early end by the organiser). */
  phase: ContestPhase,
  /** When the phase in force ends by the dates; null in `results`. */
  phaseEndsAt: Nullable(Type.String()),
  approvedEntries: Type.Integer(),
  /** The caller may manage, moderate and see the integrity report. */
  canManage: Type.Boolean(),
  /** The caller is on this contest's jury. */
  isJudge: Type.Boolean(),
  /** Only for a logged-in caller. */
  myVotes: Type.Optional(Type.Object({ used: Type.Integer(), left: Type.Integer() })),
  createdAt: Type.String(),
});
export type ContestView = Static<typeof ContestView>;

export const ContestList = Type.Object({ items: Type.Array(ContestView) });
export type ContestList = Static<typeof ContestList>;

export const ContestListQuery = Type.Object(
  {
    station: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Id or slug' })),
  },
  { additionalProperties: false },
);
export type ContestListQuery = Static<typeof ContestListQuery>;

export const ContestIdParams = Type.Object({ id: Id });
export const ContestEntryParams = Type.Object({ id: Id, entryId: Id });
export const ContestJudgeParams = Type.Object({ id: Id, accountId: Id });
export const ContestMediaParams = Type.Object({
  id: Id,
  entryId: Id,
  mediaId: Id,
  key: Type.String({ minLength: 1, maxLength: 120 }),
});

export const ContestEntryFile = Type.Object({
  mediaId: Type.String(),
  kind: Type.String(),
  /** Narrowest first; a PDF has one. */
  urls: Type.Array(
    Type.Object({ url: Type.String(), mime: Type.String(), width: Nullable(Type.Integer()) }),
  ),
});

export const ContestEntryView = Type.Object({
  id: Type.String(),
  contestId: Type.String(),
  title: Type.String(),
  description: Type.String(),
  category: Nullable(Type.String()),
  teamMembers: Type.Array(Type.String()),
  authorName: Type.String(),
  status: ContestEntryStatus,
  /** For the author and organisers. */
  rejectReason: Type.Optional(Nullable(Type.String())),
  files: Type.Array(ContestEntryFile),
  /** Valid votes; null while counts are hidden. */
  votes: Nullable(Type.Integer()),
  hasMyVote: Type.Optional(Type.Boolean()),
  isMine: Type.Optional(Type.Boolean()),
  /** A judge's own scores (judges only). */
  myScores: Type.Optional(Nullable(Type.Record(Type.String(), Type.Number()))),
  createdAt: Type.String(),
});
export type ContestEntryView = Static<typeof ContestEntryView>;

export const ContestEntryList = Type.Object({ items: Type.Array(ContestEntryView) });
export type ContestEntryList = Static<typeof ContestEntryList>;

export const ContestEntryListQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Union([ContestEntryStatus, Type.Literal('all')], { description: 'Organisers only' }),
    ),
  },
  { additionalProperties: false },
);
export type ContestEntryListQuery = Static<typeof ContestEntryListQuery>;

export const CreatedEntry = Type.Object({ id: Type.String(), status: ContestEntryStatus });
export type CreatedEntry = Static<typeof CreatedEntry>;

export const RejectEntryBody = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: CONTEST_REASON_MAX }) },
  { additionalProperties: false },
);

export const ContestVoteView = Type.Object({
  entryId: Type.String(),
  hasMyVote: Type.Boolean(),
  used: Type.Integer(),
  left: Type.Integer(),
  /** Null while counts are hidden. */
  votes: Nullable(Type.Integer()),
});
export type ContestVoteView = Static<typeof ContestVoteView>;

export const ContestJudgeView = Type.Object({
  contestId: Type.String(),
  accountId: Type.String(),
  name: Type.String(),
});
export type ContestJudgeView = Static<typeof ContestJudgeView>;

export const ContestJudgeList = Type.Object({ items: Type.Array(ContestJudgeView) });

export const ScoreBody = Type.Object(
  {
    scores: Type.Record(
      Type.String({ minLength: 1, maxLength: 80 }),
      Type.Number({ minimum: 0, maximum: CONTEST_SCORE_MAX }),
      { description: 'Every criterion by name, 0–10' },
    ),
  },
  { additionalProperties: false },
);
export type ScoreBody = Static<typeof ScoreBody>;

export const ScoreView = Type.Object({
  entryId: Type.String(),
  scores: Type.Record(Type.String(), Type.Number()),
  /** The criteria-weighted score, 0–10. */
  weighted: Type.Number(),
});
export type ScoreView = Static<typeof ScoreView>;

export const ContestRankingItem = Type.Object({
  entryId: Type.String(),
  title: Type.String(),
  authorName: Type.String(),
  /** Mean over judges of the criteria-weighted score, 0–10. */
  juryScore: Type.Number(),
  /** The entry's share of all valid votes, 0–1. */
  publicShare: Type.Number(),
  votes: Type.Integer(),
  judges: Type.Integer(),
  /** juryWeight × juryScore / 10 + publicWeight × publicShare */
  total: Type.Number(),
  rank: Type.Integer(),
});
export type ContestRankingItem = Static<typeof ContestRankingItem>;

export const ContestResults = Type.Object({
  contestId: Type.String(),
  juryWeight: Type.Number(),
  publicWeight: Type.Number(),
  totalVotes: Type.Integer(),
  ranking: Type.Array(ContestRankingItem),
});
export type ContestResults = Static<typeof ContestResults>;

export const VoidVotesBody = Type.Object(
  {
    voteIds: Type.Array(Id, { minItems: 1, maxItems: 1000 }),
    reason: Type.String({ minLength: 3, maxLength: CONTEST_REASON_MAX }),
  },
  { additionalProperties: false },
);
export type VoidVotesBody = Static<typeof VoidVotesBody>;

export const VoidedVotes = Type.Object({ voided: Type.Integer() });

const FlaggedVote = Type.Object({
  voteId: Type.String(),
  entryId: Type.String(),
  createdAt: Type.String(),
  accountCreatedAt: Type.String(),
});

export const ContestIntegrityReport = Type.Object({
  contestId: Type.String(),
  validVotes: Type.Integer(),
  voidedVotes: Type.Integer(),
  /** Many votes for one entry from new accounts within a short window. */
  newAccountBursts: Type.Array(
    Type.Object({
      entryId: Type.String(),
      entryTitle: Type.String(),
      from: Type.String(),
      to: Type.String(),
      votes: Type.Array(FlaggedVote),
    }),
  ),
  /** Many votes from one network (a keyed hash of its /24 or /48; the address is never kept). */
  sharedNetworks: Type.Array(
    Type.Object({
      network: Type.String({ description: 'An opaque label of the network' }),
      entries: Type.Array(Type.Object({ entryId: Type.String(), votes: Type.Integer() })),
      votes: Type.Array(FlaggedVote),
    }),
  ),
  thresholds: Type.Object({
    newAccountDays: Type.Integer(),
    burstVotes: Type.Integer(),
    burstMinutes: Type.Integer(),
    networkVotes: Type.Integer(),
  }),
});
export type ContestIntegrityReport = Static<typeof ContestIntegrityReport>;

export const ContestScoreBoard = Type.Object({
  /** Until judging closes a judge sees only their own scores, organisers only who scored. */
  revealed: Type.Boolean(),
  items: Type.Array(
    Type.Object({
      entryId: Type.String(),
      judgeCount: Type.Integer(),
      scores: Type.Array(
        Type.Object({
          judgeId: Type.String(),
          judgeName: Type.String(),
          scores: Nullable(Type.Record(Type.String(), Type.Number())),
          weighted: Nullable(Type.Number()),
        }),
      ),
    }),
  ),
});
export type ContestScoreBoard = Static<typeof ContestScoreBoard>;

export const AnnouncedWinners = Type.Object({
  postId: Type.String(),
  /** The post's page, relative to the site. */
  url: Type.String(),
});
export type AnnouncedWinners = Static<typeof AnnouncedWinners>;
