/** Live Q&A: a scheduled session, or a station's standing question board. */
export const QA_SESSION_KINDS = ['session', 'board'] as const;
export type QaSessionKind = (typeof QA_SESSION_KINDS)[number];

export const QA_STATES = ['scheduled', 'live', 'ended'] as const;
export type QaState = (typeof QA_STATES)[number];

/** `pre`: questions wait for a moderator; `post`: they appear at once and can be hidden. */
export const QA_MODERATIONS = ['pre', 'post'] as const;
export type QaModeration = (typeof QA_MODERATIONS)[number];

export const QA_QUESTION_STATUSES = ['pending', 'approved', 'hidden', 'merged'] as const;
export type QaQuestionStatus = (typeof QA_QUESTION_STATUSES)[number];

export const QA_QUESTION_MIN = 10;
export const QA_QUESTION_MAX = 500;
export const QA_PSEUDONYM_MAX = 40;
export const QA_ANSWER_MAX = 5000;
export const QA_TITLE_MAX = 160;
export const QA_DESCRIPTION_MAX = 2000;

/** Targeting key of a session's live events on the stream. */
export const qaStreamKey = (sessionId: string) => `qa:${sessionId}`;
