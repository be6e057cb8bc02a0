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

declare module '../../db/schema.js' {
  interface DatabaseSchema {
    clarification: ClarificationTable;
  }
}
