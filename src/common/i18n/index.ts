import enCore from './en/core.json' with { type: 'json' };
import idCore from './id/core.json' with { type: 'json' };
import enCli from './en/cli.json' with { type: 'json' };
import idCli from './id/cli.json' with { type: 'json' };

/**
 * Message catalogs by namespace: one JSON file per namespace and language under id/ and en/.
 * The kernel's own (core, cli) are here; each feature declares its namespace in its module,
 * adds it to this interface by declaration merging, and compose registers it, so `MessageKey`
 * stays a checked union without a central list. Bahasa Indonesia is the source.
 */
export interface Messages {
  core: typeof idCore;
  cli: typeof idCli;
}

export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'id';

export type MessageKey = {
  [N in keyof Messages]: Extract<keyof Messages[N], string>;
}[keyof Messages];
export type MessageParams = Record<string, string | number>;

/** One namespace's strings in one language. */
export type Catalog = Readonly<Record<string, string>>;

/** Every registered string by locale; English falls back to Indonesian key by key. */
export const catalogs: Record<Locale, Partial<Record<MessageKey, string>>> = { id: {}, en: {} };
const registered = new Map<string, { id: Catalog; en: Catalog }>();

/**
 * Adds a namespace's catalogs (compose does it for every module, the web for its pages).
 * Registering the same catalogs again is a no-op; another pair under a taken name is a bug.
 */
export function registerCatalogs(namespace: string, pair: { id: Catalog; en: Catalog }): void {
  const known = registered.get(namespace);
  if (known) {
    if (known.id !== pair.id || known.en !== pair.en) {
      throw new Error(`i18n namespace ${namespace} is registered twice`);
    }
    return;
  }
  registered.set(namespace, pair);
  Object.assign(catalogs.id, pair.id);
  Object.assign(catalogs.en, pair.en);
}

registerCatalogs('core', { id: idCore, en: enCore });
registerCatalogs('cli', { id: idCli, en: enCli });

/** Looks a key up in the locale's catalog, falling back to Indonesian, then to the key. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = (locale === 'en' ? catalogs.en[key] : undefined) ?? catalogs.id[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogs.id, key);
}

/** Picks the best supported locale from an Accept-Language header (id when nothing fits). */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return {
        lang: tag.trim().toLowerCase().split('-')[0] ?? '',
        q: q ? Number(q.trim().slice(2)) : 1,
      };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { lang } of ranked) {
    if ((LOCALES as readonly string[]).includes(lang)) return lang as Locale;
  }
  return DEFAULT_LOCALE;
}
