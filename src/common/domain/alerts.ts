/** Alert categories; labels live in the catalogs as `alerts.category.<value>`. */
export const ALERT_CATEGORIES = [
  'pencurian',
  'begal',
  'penipuan',
  'narkoba',
  'orang_hilang',
  'kebakaran',
  'banjir',
  'kerusuhan',
  'lalu_lintas',
  'lainnya',
] as const;
export type AlertCategory = (typeof ALERT_CATEGORIES)[number];

// CAP 1.2 vocabularies (OASIS CAP 1.2, section 3.2.2).
export const ALERT_SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export const ALERT_URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;
export type AlertUrgency = (typeof ALERT_URGENCIES)[number];

export const ALERT_CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;
export type AlertCertainty = (typeof ALERT_CERTAINTIES)[number];

/** CAP status: Exercise and Test are drills. */
export const ALERT_STATUSES = ['Actual', 'Exercise', 'Test'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const ALERT_MSG_TYPES = ['Alert', 'Update', 'Cancel'] as const;
export type AlertMsgType = (typeof ALERT_MSG_TYPES)[number];

/** Stored states; `expired` is derived from expiresAt when presenting. */
export const ALERT_STATES = [
  'pending_approval',
  'published',
  'cancelled',
  'expired',
  'rejected',
] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/** Our categories mapped to the CAP 1.2 category vocabulary. */
export const CAP_CATEGORY: Record<AlertCategory, string> = {
  pencurian: 'Security',
  begal: 'Security',
  penipuan: 'Security',
  narkoba: 'Security',
  kerusuhan: 'Security',
  orang_hilang: 'Rescue',
  kebakaran: 'Fire',
  banjir: 'Met',
  lalu_lintas: 'Transport',
  lainnya: 'Other',
};

export const ALERT_TITLE_MAX = 120;
export const ALERT_BODY_MAX = 2000;
export const ALERT_INSTRUCTION_MAX = 1000;
export const ALERT_RADIUS_MIN_M = 50;
export const ALERT_RADIUS_MAX_M = 50_000;
/** Without an expiresAt, an alert stays active this long after it takes effect. */
export const ALERT_DEFAULT_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** The alert's text in the reader's language: English only when asked for and written. */
export function alertText(
  alert: {
    title: string;
    body: string;
    instruction: string | null;
    titleEn: string | null;
    bodyEn: string | null;
    instructionEn: string | null;
  },
  locale: 'id' | 'en',
) {
  const isEn = locale === 'en';
  return {
    title: (isEn && alert.titleEn) || alert.title,
    body: (isEn && alert.bodyEn) || alert.body,
    instruction: (isEn && alert.instructionEn) || alert.instruction,
    lang: isEn && alert.titleEn ? 'en' : 'id',
  };
}

/** The report form's link for an alert (the `reports` pages live at /lapor). */
export function alertReportLink(alert: {
  id: string;
  target: { areas: Array<{ code: string }> };
}): string {
  const params = new URLSearchParams({ alert: alert.id });
  const area = alert.target.areas[0];
  if (area) params.set('area', area.code);
  return `/lapor?${params.toString()}`;
}
