/**
 * Verdict labels a clarification may carry, in the order editors see them. `PENIPUAN` is a scam.
 */
export const FACTCHECK_VERDICTS = [
  'HOAKS',
  'DISINFORMASI',
  'MISINFORMASI',
  'PENIPUAN',
  'SEBAGIAN BENAR',
  'FAKTA',
] as const;
export type FactcheckVerdict = (typeof FACTCHECK_VERDICTS)[number];

/** `withdrawn`: taken down after publication; its page says so instead of vanishing. */
export const CLARIFICATION_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type ClarificationStatus = (typeof CLARIFICATION_STATUSES)[number];

export const CLARIFICATION_TITLE_MAX = 200;
export const CLARIFICATION_CLAIM_MAX = 2000;
export const CLARIFICATION_EXPLANATION_MAX = 10_000;
export const CLARIFICATION_EXAMPLE_MAX = 5000;
export const CLARIFICATION_EXAMPLES_MAX = 20;
export const CLARIFICATION_SOURCES_MAX = 20;
export const FACTCHECK_TEXT_MAX = 10_000;

/** The public page of a clarification. */
export const clarificationPath = (id: string) => `/k/${id}`;
