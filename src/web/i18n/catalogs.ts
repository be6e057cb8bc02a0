import type { Locale, MessageKey, MessageParams } from '../../common/i18n/index.js';

type Catalog = Record<string, string>;

/**
 * Every catalog file (`<locale>/<namespace>.json`) is its own lazy chunk: the browser fetches
 * only the namespaces a page asks for, in its language, and a feature that adds a namespace
 * file needs no edit here.
 */
const files = import.meta.glob<Catalog>('../../common/i18n/*/*.json', { import: 'default' });

const messages: Record<Locale, Catalog> = { id: {}, en: {} };
const loads = new Map<string, Promise<void>>();
const loaded = new Set<string>();

const fileKey = (locale: Locale, namespace: string) => `${locale}/${namespace}`;

function loadOne(locale: Locale, namespace: string): Promise<void> {
  const key = fileKey(locale, namespace);
  let load = loads.get(key);
  if (!load) {
    const importer = files[`../../common/i18n/${key}.json`];
    if (!importer) return Promise.reject(new Error(`no catalog ${key}`));
    load = importer().then(
      (catalog) => {
        Object.assign(messages[locale], catalog);
        loaded.add(key);
      },
      () => {
        // Offline with nothing cached: the page shows keys rather than staying blank.
        loaded.add(key);
      },
    );
    loads.set(key, load);
  }
  return load;
}

/**
 * Loads the namespaces that are not in yet; undefined when all of them are. Rejects only for a
 * namespace without a catalog file (a typo); a file that fails to download leaves keys showing.
 */
export function loadCatalogs(
  locale: Locale,
  namespaces: readonly string[],
): Promise<void> | undefined {
  const missing = namespaces.filter((namespace) => !loaded.has(fileKey(locale, namespace)));
  if (missing.length === 0) return undefined;
  return Promise.all(missing.map((namespace) => loadOne(locale, namespace))).then(() => undefined);
}

/** The namespaces loaded so far in any language (a language switch loads them all again). */
export function loadedNamespaces(): string[] {
  return [...new Set([...loaded].map((key) => key.slice(key.indexOf('/') + 1)))];
}

/** Keys written as `<base>.one`, `<base>.other` …: called by their base with a `count`. */
type PluralBase<K> = K extends `${infer Base}.other` ? Base : never;
export type PluralKey = PluralBase<MessageKey>;

export interface Translate {
  (key: PluralKey, params: MessageParams & { count: number }): string;
  (key: MessageKey, params?: MessageParams): string;
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

function pluralOf(locale: Locale, count: number): string {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(count);
}

/**
 * The loaded text for a key with its `{placeholders}` filled; a `count` picks the plural form
 * (`key.one`, `key.other`, as `Intl.PluralRules` names them). A key not loaded shows as itself.
 */
export function translate(locale: Locale, key: string, params?: MessageParams): string {
  const catalog = messages[locale];
  const count = params?.count;
  const plural = typeof count === 'number' ? `${key}.${pluralOf(locale, count)}` : undefined;
  const template =
    (plural && catalog[plural]) ?? (plural && catalog[`${key}.other`]) ?? catalog[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
