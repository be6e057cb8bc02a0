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
}
export type ClarificationRow = Selectable<ClarificationTable>;

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

declare module '../../db/schema.js' {
  interface DatabaseSchema {
    clarification: ClarificationTable;
    clarification_image: ClarificationImageTable;
  }
}
