import type { Locale } from '../../common/i18n/index.js';

// The web client names the languages itself: importing the common i18n module at run time
// would bundle every catalog of the server and the CLI.
const LOCALES: readonly Locale[] = ['id', 'en'];
const DEFAULT_LOCALE: Locale = 'id';
const STORAGE_KEY = 'siaga.locale';

function readStored(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return LOCALES.find((locale) => locale === stored) ?? DEFAULT_LOCALE;
  } catch {
    // Storage can be disabled (private mode, policies): fall back to the default.
    return DEFAULT_LOCALE;
  }
}

let current: Locale = readStored();

/** The chosen language: what the pages show and what API calls send as Accept-Language. */
export function getLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale): void {
  current = locale;
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered, still applied for this visit.
  }
}
