import { Type, type Static } from 'typebox';
import {
  QA_ANSWER_MAX,
  QA_DESCRIPTION_MAX,
  QA_MODERATIONS,
  QA_PSEUDONYM_MAX,
  QA_QUESTION_MAX,
  QA_QUESTION_MIN,
  QA_QUESTION_STATUSES,
  QA_SESSION_KINDS,
  QA_STATES,
  QA_TITLE_MAX,
} from '../domain/qa.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Time = Type.String({ format: 'date-time' });

export const QaState = Type.Enum(QA_STATES);
export const QaModeration = Type.Enum(QA_MODERATIONS);
export const QaQuestionStatus = Type.Enum(QA_QUESTION_STATUSES);

export const CreateQaSessionBody = Type.Object(
  {
    stationId: Id,
    kind: Type.Optional(Type.Enum(QA_SESSION_KINDS, { description: 'Default `session`' })),
    title: Type.String({ minLength: 3, maxLength: QA_TITLE_MAX }),
    topic: Type.Optional(Type.String({ maxLength: QA_TITLE_MAX })),
    description: Type.Optional(Type.String({ maxLength: QA_DESCRIPTION_MAX })),
    startsAt: Type.Optional(
      Type.String({ format: 'date-time', description: 'Required for a session' }),
    ),
    endsAt: Type.Optional(
      Type.String({ format: 'date-time', description: 'Required for a session' }),
    ),
    moderation: QaModeration,
    /** Officers on the panel: they may moderate and answer this session. */
    panelAccountIds: Type.Optional(Type.Array(Id, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type CreateQaSessionBody = Static<typeof CreateQaSessionBody>;

export const UpdateQaSessionBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 3, maxLength: QA_TITLE_MAX })),
    topic: Type.Optional(Type.String({ maxLength: QA_TITLE_MAX })),
    description: Type.Optional(Type.String({ maxLength: QA_DESCRIPTION_MAX })),
    startsAt: Type.Optional(Time),
    endsAt: Type.Optional(Time),
    moderation: Type.Optional(QaModeration),
    panelAccountIds: Type.Optional(Type.Array(Id, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type UpdateQaSessionBody = Static<typeof UpdateQaSessionBody>;

export const QaPerson = Type.Object({ id: Type.String(), name: Type.String() });

export const QaSessionView = Type.Object({
  id: Type.String(),
  kind: Type.Enum(QA_SESSION_KINDS),
  station: Type.Object({ id: Type.String(), slug: Type.String(), name: Type.String() }),
  title: Type.String(),
  topic: Type.Union([Type.String(), Type.Null()]),
  description: Type.Union([Type.String(), Type.Null()]),
  startsAt: Type.String(),
  endsAt: Type.Union([Type.String(), Type.Null()]),
  moderation: QaModeration,
  state: QaState,
  panel: Type.Array(QaPerson),
  questionCount: Type.Integer(),
  /** Only for a logged-in caller. */
  isFollowing: Type.Optional(Type.Boolean()),
  /** Whether the caller may moderate and answer here. */
  canModerate: Type.Boolean(),
});
export type QaSessionView = Static<typeof QaSessionView>;

export const QaSessionList = Type.Object({ items: Type.Array(QaSessionView) });
export type QaSessionList = Static<typeof QaSessionList>;

export const QaSessionListQuery = Type.Object(
  {
    station: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Id or slug' })),
    state: Type.Optional(QaState),
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description:
          'Words in the title, topic, description, questions or answers (Indonesian search); best match first',
      }),
    ),
  },
  { additionalProperties: false },
);
export type QaSessionListQuery = Static<typeof QaSessionListQuery>;

export const QaIdParams = Type.Object({ id: Id });
export const StationSlugParams = Type.Object({ stationSlug: Type.String({ maxLength: 60 }) });

export const AskQuestionBody = Type.Object(
  {
    text: Type.String({ minLength: QA_QUESTION_MIN, maxLength: QA_QUESTION_MAX }),
    pseudonym: Type.Optional(Type.String({ minLength: 1, maxLength: QA_PSEUDONYM_MAX })),
  },
  { additionalProperties: false },
);
export type AskQuestionBody = Static<typeof AskQuestionBody>;

export const AskedQuestion = Type.Object({ id: Type.String(), status: QaQuestionStatus });
export type AskedQuestion = Static<typeof AskedQuestion>;

export const QaAnswerView = Type.Object({
  /** Sanitised HTML rendered from the officer's Markdown. */
  html: Type.String(),
  markdown: Type.String(),
  by: Type.String(),
  at: Type.String(),
  /** Earlier versions, newest first: editing an answer keeps what it said. */
  history: Type.Array(Type.Object({ html: Type.String(), at: Type.String() })),
});
export type QaAnswerView = Static<typeof QaAnswerView>;

export const QaQuestionView = Type.Object({
  id: Type.String(),
  sessionId: Type.String(),
  text: Type.String(),
  pseudonym: Type.String(),
  votes: Type.Integer(),
  status: QaQuestionStatus,
  pinned: Type.Boolean(),
  answer: Type.Union([QaAnswerView, Type.Null()]),
  createdAt: Type.String(),
  /** For the asker and moderators only. */
  hiddenReason: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  /** Moderators: the word list flagged it. */
  isSuspect: Type.Optional(Type.Boolean()),
  /** The caller asked it. */
  isMine: Type.Optional(Type.Boolean()),
  /** The caller voted for it. */
  hasMyVote: Type.Optional(Type.Boolean()),
});
export type QaQuestionView = Static<typeof QaQuestionView>;

export const QaQuestionList = Type.Object({ items: Type.Array(QaQuestionView) });
export type QaQuestionList = Static<typeof QaQuestionList>;

export const QaQuestionListQuery = Type.Object(
  {
    sort: Type.Optional(Type.Union([Type.Literal('votes'), Type.Literal('new')])),
    status: Type.Optional(Type.Literal('pending', { description: 'Moderators only' })),
  },
  { additionalProperties: false },
);
export type QaQuestionListQuery = Static<typeof QaQuestionListQuery>;

export const VoteCount = Type.Object({ votes: Type.Integer() });
export type VoteCount = Static<typeof VoteCount>;

export const HideQuestionBody = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: 300 }) },
  { additionalProperties: false },
);
export const MergeQuestionBody = Type.Object({ intoId: Id }, { additionalProperties: false });
export const AnswerQuestionBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: QA_ANSWER_MAX, description: 'Markdown' }) },
  { additionalProperties: false },
);

export const FollowView = Type.Object({ isFollowing: Type.Boolean() });
