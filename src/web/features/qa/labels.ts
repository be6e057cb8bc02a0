import type { Locale } from '../../../common/i18n/index.js';

/** The catalogs the Q&A pages need besides the shell's. */
export const QA_NAMESPACES = ['qa'];

/** A session time in the reader's language and Jakarta time (where every station is, for now). */
export function formatQaTime(iso: string, locale: Locale): string {
  return new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'id-ID', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Jakarta',
  });
}
