import type { Locale } from './index.js';

// Stations do not carry a time zone yet; Indonesian law time WIB is the default.
const TIME_ZONE = 'Asia/Jakarta';
const formats = new Map<Locale, Intl.DateTimeFormat>();

/** "26 Nov 2026 06.03 WIB" (or the English form): every date and time the PWA and the server pages show. */
export function formatDateTime(iso: string, locale: Locale): string {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: TIME_ZONE,
    });
    formats.set(locale, format);
  }
  return `${format.format(new Date(iso))} WIB`;
}
