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

/** "1,2 MB", "240 KB": a file's size as a download link shows it. */
export function formatFileSize(bytes: number, locale: Locale): string {
  const tag = locale === 'en' ? 'en-GB' : 'id-ID';
  if (bytes >= 1024 * 1024) {
    const mb = bytes / (1024 * 1024);
    return `${mb.toLocaleString(tag, { maximumFractionDigits: 1 })} MB`;
  }
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(tag)} KB`;
}
