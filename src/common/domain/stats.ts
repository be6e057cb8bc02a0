import { isMessageKey, type MessageKey, type MessageParams } from '../i18n/index.js';

/** Polri's usual crime classes; a deployment may configure its own list (SIAGA_CRIME_CATEGORIES). */
export const DEFAULT_CRIME_CATEGORIES = [
  'curat',
  'curas',
  'curanmor',
  'penganiayaan',
  'narkoba',
  'penipuan',
  'judi',
  'pembunuhan',
  'pencurian_biasa',
  'kdrt',
  'lainnya',
] as const;

export const CRIME_CATEGORY_PATTERN = '^[a-z][a-z0-9_]{0,39}$';
export const MONTH_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])$';
export const CORRECTION_REASON_MAX = 500;
/** The longest period one summary covers: ten years. */
export const PERIOD_MAX_MONTHS = 120;

/** Where a month's figures come from: typed in (or imported), or counted from recorded cases. */
export const FIGURE_SOURCES = ['entered', 'derived'] as const;
export type FigureSource = (typeof FIGURE_SOURCES)[number];

export const CASE_STATUSES = ['open', 'cleared'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Crime clearance over crime total; null when nothing was reported (shown as "—"). */
export function clearanceRate(crimeTotal: number, crimeCleared: number): number | null {
  return crimeTotal === 0 ? null : crimeCleared / crimeTotal;
}

/** `YYYY-MM` → a month index (months since year 0) for arithmetic. */
export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function monthFromIndex(index: number): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function addMonths(month: string, count: number): string {
  return monthFromIndex(monthIndex(month) + count);
}

/** Every month from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i += 1) months.push(monthFromIndex(i));
  return months;
}

/** A category's label from the catalogs; a deployment's own codes without one show as typed. */
export function crimeCategoryLabel(
  t: (key: MessageKey, params?: MessageParams) => string,
  category: string,
): string {
  const key = `stats.category.${category}`;
  return isMessageKey(key) ? t(key) : category;
}
