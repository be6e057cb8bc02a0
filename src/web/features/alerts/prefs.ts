import { ALERT_CATEGORIES, type AlertSeverity } from '../../../common/domain/alerts.js';

/** What this device chose for alerts; kept in localStorage, also sent with the push subscription. */
export interface AlertPrefs {
  /** Area codes chosen on this device (besides a logged-in citizen's own areas). */
  areas: string[];
  mutedCategories: string[];
  drills: boolean;
  /** The last position the user allowed us to use, rounded (about 100 m). */
  location: { lat: number; lng: number } | null;
}

const STORAGE_KEY = 'siaga.alerts';
const DEFAULTS: AlertPrefs = { areas: [], mutedCategories: [], drills: false, location: null };
const listeners = new Set<(prefs: AlertPrefs) => void>();

export function readAlertPrefs(): AlertPrefs {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<AlertPrefs>;
    const categories: readonly string[] = ALERT_CATEGORIES;
    return {
      areas: Array.isArray(stored.areas) ? stored.areas.filter((a) => typeof a === 'string') : [],
      mutedCategories: Array.isArray(stored.mutedCategories)
        ? stored.mutedCategories.filter((c) => categories.includes(c))
        : [],
      drills: stored.drills === true,
      location: isPoint(stored.location) ? stored.location : null,
    };
  } catch {
    // Storage disabled or a damaged value: the defaults are safe.
    return DEFAULTS;
  }
}

function isPoint(value: unknown): value is { lat: number; lng: number } {
  const point = value as { lat?: unknown; lng?: unknown } | null | undefined;
  return typeof point?.lat === 'number' && typeof point.lng === 'number';
}

export function writeAlertPrefs(prefs: AlertPrefs): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(prefs));
  } catch {
    // Not remembered beyond this visit; the listeners still get it.
  }
  for (const listener of listeners) listener(prefs);
}

/** Calls `listener` whenever the prefs are written in this tab; returns the unsubscribe. */
export function onAlertPrefsChange(listener: (prefs: AlertPrefs) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Severe and Extreme alerts get through whatever the user muted. */
export function isMuted(
  prefs: AlertPrefs,
  alert: { category: string; severity: AlertSeverity },
): boolean {
  if (alert.severity === 'Extreme' || alert.severity === 'Severe') return false;
  return prefs.mutedCategories.includes(alert.category);
}

/** Rounds a position to 3 decimals (~100 m): enough for targeting, less of a trail. */
export const roundPoint = (lat: number, lng: number) => ({
  lat: Math.round(lat * 1000) / 1000,
  lng: Math.round(lng * 1000) / 1000,
});
