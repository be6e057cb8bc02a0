import { DEFAULT_TIME_ZONE, zoneName } from '../domain/zoned-time.js';
import type { Locale } from './index.js';

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * "26 Nov 2026 06.03 WIB" (or the English form) in the zone of the station concerned: every
 * date and time the PWA and the server pages show. `style: 'full'` adds the weekday.
 */
export function formatDateTime(
  iso: string,
  locale: Locale,
  timeZone: string = DEFAULT_TIME_ZONE,
  style: 'medium' | 'full' = 'medium',
): string {
  const key = `${locale} ${timeZone} ${style}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', {
      dateStyle: style,
      timeStyle: 'short',
      timeZone,
    });
    formats.set(key, format);
  }
  return `${format.format(new Date(iso))} ${zoneName(timeZone)}`;
}
