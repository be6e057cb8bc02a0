/**
 * Verdict labels a clarification may carry by default, in the order editors see them
 * (`PENIPUAN` is a scam). A deployment may set its own list: SIAGA_FACTCHECK_VERDICTS.
 */
export const DEFAULT_FACTCHECK_VERDICTS = [
  'HOAKS',
  'DISINFORMASI',
  'MISINFORMASI',
  'PENIPUAN',
  'SEBAGIAN BENAR',
  'FAKTA',
] as const;
/** A label as the settings allow it: upper-case words, as fact-checkers stamp them. */
export const FACTCHECK_VERDICT_PATTERN = '^[A-Z][A-Z ]{1,38}[A-Z]$';
export type FactcheckVerdict = string;

/** How a label is drawn on the page and the share card; a label not listed is drawn as HOAKS. */
export const VERDICT_TONES: Record<string, 'false' | 'mixed' | 'true'> = {
  HOAKS: 'false',
  DISINFORMASI: 'false',
  MISINFORMASI: 'false',
  PENIPUAN: 'false',
  'SEBAGIAN BENAR': 'mixed',
  FAKTA: 'true',
};
export const verdictTone = (verdict: string) => VERDICT_TONES[verdict] ?? 'false';

/** `withdrawn`: taken down after publication; its page says so instead of vanishing. */
export const CLARIFICATION_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type ClarificationStatus = (typeof CLARIFICATION_STATUSES)[number];

export const CLARIFICATION_TITLE_MAX = 200;
export const CLARIFICATION_CLAIM_MAX = 2000;
export const CLARIFICATION_EXPLANATION_MAX = 10_000;
export const CLARIFICATION_EXAMPLE_MAX = 5000;
export const CLARIFICATION_EXAMPLES_MAX = 20;
export const CLARIFICATION_SOURCES_MAX = 20;
export const CLARIFICATION_NOTE_MAX = 1000;
/** A source is a web page (`link`) or a document (a PDF, a letter: `document`). */
export const CLARIFICATION_SOURCE_KINDS = ['link', 'document'] as const;
export const FACTCHECK_TEXT_MAX = 10_000;
/** Documents (PDF letters, photographed statements) a clarification may hold as evidence. */
export const CLARIFICATION_DOCUMENTS_MAX = 10;
export const CLARIFICATION_DOCUMENT_MAX_MB = 10;
export const CLARIFICATION_DOCUMENT_NAME_MAX = 120;

/** Who may draft (and attach evidence) and who may publish, correct and withdraw. */
export const FACTCHECK_DRAFT_ROLES = ['officer', 'editor', 'station_admin'] as const;
export const FACTCHECK_PUBLISH_ROLES = ['editor', 'station_admin'] as const;

/** The public page of a clarification. */
export const clarificationPath = (id: string) => `/k/${id}`;
