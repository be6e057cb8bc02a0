/**
 * The PWA's language choice, as a cookie the server-rendered pages read. Its own module: the
 * web client must not import index.ts at run time (that would bundle every catalog).
 */
export const LOCALE_COOKIE = 'siaga_locale';
