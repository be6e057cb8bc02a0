import { ALERT_CATEGORIES } from './alerts.js';

/** Report states; labels live in the catalogs as `reports.status.<value>`. */
export const REPORT_STATUSES = [
  'diterima',
  'diverifikasi',
  'ditindaklanjuti',
  'selesai',
  'ditolak',
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** The states in which a report is closed: its personal data falls under the retention period. */
export const CLOSED_REPORT_STATUSES: readonly ReportStatus[] = ['selesai', 'ditolak'];

/** Which status an officer may move a report to from each status (reopening goes to review). */
export const REPORT_TRANSITIONS: Record<ReportStatus, readonly ReportStatus[]> = {
  diterima: ['diverifikasi', 'ditindaklanjuti', 'selesai', 'ditolak'],
  diverifikasi: ['ditindaklanjuti', 'selesai', 'ditolak'],
  ditindaklanjuti: ['selesai', 'ditolak'],
  selesai: ['diverifikasi'],
  ditolak: ['diverifikasi'],
};

/** What a citizen may report: every alert category, and plain suspicious activity. */
export const REPORT_CATEGORIES = [...ALERT_CATEGORIES, 'mencurigakan'] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

/**
 * H3 resolution of the cell public figures show a report in: about 5 km² (res 7) for most,
 * about 36 km² (res 6) where a dot on the map could point at a victim's home.
 */
export const SENSITIVE_REPORT_CATEGORIES: readonly ReportCategory[] = ['narkoba', 'orang_hilang'];
export const PUBLIC_CELL_RESOLUTION = 7;
export const SENSITIVE_CELL_RESOLUTION = 6;

export const REPORT_DESCRIPTION_MIN = 10;
export const REPORT_DESCRIPTION_MAX = 2000;
export const REPORT_CONTACT_MAX = 120;
export const REPORT_NOTE_MAX = 1000;
export const REPORT_MESSAGE_MAX = 2000;
export const REPORT_PHOTOS_MAX = 5;
export const REPORT_IDEMPOTENCY_KEY_PATTERN = '^[A-Za-z0-9_-]{16,64}$';

/** Indonesia's extent (Sabang to Merauke, Miangas to Rote), with a margin for the sea. */
export const INDONESIA_BOUNDS = { minLat: -11.2, maxLat: 6.3, minLng: 94.7, maxLng: 141.2 };

export function isInIndonesia(lat: number, lng: number): boolean {
  const b = INDONESIA_BOUNDS;
  return lat >= b.minLat && lat <= b.maxLat && lng >= b.minLng && lng <= b.maxLng;
}

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
