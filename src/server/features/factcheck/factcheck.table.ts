import type { Selectable } from 'kysely';
import type { ClarificationStatus, FactcheckVerdict } from '../../../common/domain/factcheck.js';

/** A station's answer to a circulating claim. */
export interface ClarificationTable {
  id: string;
  stationId: string;
  title: string;
  claim: string;
  verdict: FactcheckVerdict;
  /** Markdown, and its sanitised rendering. */
  explanation: string;
  explanationHtml: string;
  /** JSON array of `{ url, title? }`. */
  sources: string;
  /** JSON array of the hoax's circulating texts. */
  examples: string;
  status: ClarificationStatus;
  createdBy: string;
  publishedBy: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  withdrawnReason: string | null;
  /** The tip group it answers, if written from one: publishing answers every tip in it. */
  tipGroupId: string | null;
}
export type ClarificationRow = Selectable<ClarificationTable>;

/** A change after publication, kept so the public page can show what was corrected and when. */
export interface ClarificationCorrectionTable {
  id: string;
  clarificationId: string;
  note: string;
  /** JSON array of the changed field names. */
  changed: string;
  /** JSON object of the changed fields' values before (title, claim, verdict only). */
  previous: string;
  correctedBy: string;
  correctedAt: string;
}
export type ClarificationCorrectionRow = Selectable<ClarificationCorrectionTable>;

/**
 * How many checks a clarification answered in a week (Monday, WIB). Nothing else is kept beside
 * a check: no address, no user agent, no time finer than the week.
 */
export interface ClarificationCheckWeekTable {
  clarificationId: string;
  week: string;
  checks: number;
}
/** An example image of the hoax as it circulates, with its perceptual hashes for matching. */
export interface ClarificationImageTable {
  id: string;
  clarificationId: string;
  mediaId: string;
  /** JSON array of 16-hex-digit pHashes (see image-hash.ts). */
  hashes: string;
  createdBy: string;
  createdAt: string;
}
export type ClarificationImageRow = Selectable<ClarificationImageTable>;

/** A document uploaded as evidence (a PDF letter, a photographed statement), public. */
export interface ClarificationDocumentTable {
  id: string;
  clarificationId: string;
  mediaId: string;
  /** The file's name as the uploader's device gave it, cleaned for display. */
  name: string;
  createdBy: string;
  createdAt: string;
}
export type ClarificationDocumentRow = Selectable<ClarificationDocumentTable>;

declare module '../../db/schema.js' {
  interface DatabaseSchema {
    clarification: ClarificationTable;
    clarification_correction: ClarificationCorrectionTable;
    clarification_check_week: ClarificationCheckWeekTable;
    clarification_image: ClarificationImageTable;
    clarification_document: ClarificationDocumentTable;
  }
}
