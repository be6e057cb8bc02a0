import type { Insertable, Selectable } from 'kysely';
import type { ContestEntryStatus, ContestPhase } from '../../../common/domain/contests.js';

export interface ContestTable {
  id: string;
  stationId: string;
  title: string;
  rules: string;
  /** JSON array of category names. */
  categories: string;
  prizes: string | null;
  residentsOnly: number;
  allowMultipleEntries: number;
  minAccountAgeDays: number;
  votesPerAccount: number;
  showVoteCounts: number;
  /** Fixed at creation and shown publicly; they sum to 1. */
  juryWeight: number;
  publicWeight: number;
  /** JSON array of { name, weight }. */
  criteria: string;
  submissionStartsAt: string;
  submissionEndsAt: string;
  votingStartsAt: string;
  votingEndsAt: string;
  judgingEndsAt: string;
  /** The phase an organiser moved the contest on to early: the dates never go below it. */
  phaseFloor: ContestPhase | null;
  /** When the winners were announced as a station post (claimed before the post is made). */
  announcedAt: string | null;
  announcedPostId: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}
export type ContestRow = Selectable<ContestTable>;

export interface ContestEntryTable {
  id: string;
  contestId: string;
  accountId: string;
  /**
   * The account id while the entry counts against "one per account" (unique per contest);
   * null when the contest allows more, or once the entry was refused (the author may try again).
   */
  accountSlot: string | null;
  title: string;
  description: string;
  category: string | null;
  /** JSON array of names. */
  teamMembers: string;
  /** JSON array of media ids, in the order sent. */
  mediaIds: string;
  status: ContestEntryStatus;
  rejectReason: string | null;
  moderatedBy: string | null;
  moderatedAt: string | null;
  createdAt: string;
  updatedAt: string;
}
export type ContestEntryRow = Selectable<ContestEntryTable>;

/**
 * One public vote. An account's votes in a contest take the slots 0 … votesPerAccount − 1,
 * unique per (contest, account, slot), so the limit holds in the database under any
 * concurrency; (entry, account) is unique too: never two on one entry.
 */
export interface ContestVoteTable {
  id: string;
  contestId: string;
  entryId: string;
  accountId: string;
  slot: number;
  /** HMAC of the voter's /24 (IPv4) or /48 (IPv6) under the instance secret; never the address. */
  networkHash: string;
  /** Copied from the account when the vote was cast, for the new-account burst check. */
  accountCreatedAt: string;
  createdAt: string;
  voidedAt: string | null;
  voidedBy: string | null;
  voidReason: string | null;
}
export type ContestVoteRow = Selectable<ContestVoteTable>;
export type NewContestVoteRow = Insertable<ContestVoteTable>;

export interface ContestJudgeTable {
  contestId: string;
  accountId: string;
  invitedBy: string;
  createdAt: string;
}

export interface ContestScoreTable {
  contestId: string;
  entryId: string;
  judgeId: string;
  /** JSON object: criterion name → 0–10. */
  scores: string;
  /** The criteria-weighted score, 0–10. */
  weighted: number;
  createdAt: string;
  updatedAt: string;
}
export type ContestScoreRow = Selectable<ContestScoreTable>;

declare module '../../db/schema.js' {
  interface DatabaseSchema {
    contest: ContestTable;
    contest_entry: ContestEntryTable;
    contest_vote: ContestVoteTable;
    contest_judge: ContestJudgeTable;
    contest_score: ContestScoreTable;
  }
}
