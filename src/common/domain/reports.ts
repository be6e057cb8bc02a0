/** Report states; labels live in the catalogs as `reports.status.<value>`. */
export const REPORT_STATUSES = ['received', 'in_review', 'resolved', 'rejected'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Which status an officer may move a report to from each status (reopening goes to review). */
export const REPORT_TRANSITIONS: Record<ReportStatus, readonly ReportStatus[]> = {
  received: ['in_review', 'resolved', 'rejected'],
  in_review: ['resolved', 'rejected'],
  resolved: ['in_review'],
  rejected: ['in_review'],
};

export const REPORT_DESCRIPTION_MIN = 10;
export const REPORT_DESCRIPTION_MAX = 2000;
export const REPORT_CONTACT_MAX = 120;
export const REPORT_NOTE_MAX = 1000;

/**
 * Tracking codes are read aloud and typed on phones: no 0/O, 1/I/L or U/V look-alikes.
 * `SGA-` + two groups of four.
 */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';
export const TRACKING_CODE_PATTERN = `^SGA-[${TRACKING_ALPHABET}]{4}-[${TRACKING_ALPHABET}]{4}$`;

/** What a person typed (lower case, spaces, missing dashes) → the canonical `SGA-XXXX-XXXX`. */
export function normaliseTrackingCode(raw: string): string {
  const chars = raw.toUpperCase().replace(/[^0-9A-Z]/g, '');
  const body = chars.startsWith('SGA') ? chars.slice(3) : chars;
  return `SGA-${body.slice(0, 4)}-${body.slice(4)}`;
}
