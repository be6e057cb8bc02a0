import type { Insertable, Selectable, Updateable } from 'kysely';
import type {
  QaModeration,
  QaQuestionStatus,
  QaSessionKind,
  QaState,
} from '../../../common/domain/qa.js';

/** A live Q&A session, or a station's standing question board (kind `board`, no end). */
export interface QaSessionTable {
  id: string;
  stationId: string;
  kind: QaSessionKind;
  title: string;
  topic: string | null;
  description: string | null;
  startsAt: string;
  endsAt: string | null;
  moderation: QaModeration;
  /** JSON array of officer account ids. */
  panelAccountIds: string;
  /** A moderator opened it before its start. */
  openedAt: string | null;
  /** A moderator closed it before its end. */
  closedAt: string | null;
  /** The last state viewers were told of (`qa.state`), so each change is announced once. */
  announcedState: QaState;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}
export type QaSessionRow = Selectable<QaSessionTable>;
export type NewQaSessionRow = Insertable<QaSessionTable>;
export type QaSessionUpdate = Updateable<QaSessionTable>;

export interface QaQuestionTable {
  id: string;
  sessionId: string;
  /** Never shown to the public: askers appear under their pseudonym. */
  accountId: string;
  text: string;
  pseudonym: string;
  status: QaQuestionStatus;
  hiddenReason: string | null;
  mergedIntoId: string | null;
  isPinned: number;
  /** The word list flagged it; it waits for a moderator even in a `post` session. */
  isSuspect: number;
  /** Kept equal to the question's qa_vote rows by atomic increments. */
  votes: number;
  createdAt: string;
  updatedAt: string;
}
export type QaQuestionRow = Selectable<QaQuestionTable>;

/** One account's vote; the primary key makes it one per account and question. */
export interface QaVoteTable {
  questionId: string;
  accountId: string;
  createdAt: string;
}

/** Every version of an answer: the newest is the answer, the others its visible history. */
export interface QaAnswerTable {
  id: string;
  questionId: string;
  accountId: string;
  markdown: string;
  html: string;
  createdAt: string;
}
export type QaAnswerRow = Selectable<QaAnswerTable>;

export interface QaFollowTable {
  sessionId: string;
  accountId: string;
  createdAt: string;
}

declare module '../../db/schema.js' {
  interface DatabaseSchema {
    qa_session: QaSessionTable;
    qa_question: QaQuestionTable;
    qa_vote: QaVoteTable;
    qa_answer: QaAnswerTable;
    qa_follow: QaFollowTable;
  }
}
