import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useMemo, useState } from 'preact/hooks';
import type { Locale, MessageKey, MessageParams } from '../../common/i18n/index.js';
import { loadCatalogs, loadedNamespaces, translate, type Translate } from './catalogs.js';
import { getLocale, setLocale } from './locale.js';

export type { PluralKey, Translate } from './catalogs.js';

/** The namespaces the app shell (header, error notes, forms) needs on every page. */
export const SHELL_NAMESPACES = ['web'] as const;

interface I18n {
  locale: Locale;
  t: Translate;
  switchLocale: (locale: Locale) => Promise<void>;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ComponentChildren }) {
  const [locale, setState] = useState(getLocale);
  const switchLocale = useCallback(async (next: Locale) => {
    // Everything shown so far is there in the new language before the switch, so no page
    // suspends and no key shows.
    await loadCatalogs(next, loadedNamespaces());
    setLocale(next);
    setState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      locale,
      switchLocale,
      t: (key: string, params?: MessageParams) => translate(locale, key, params),
    }),
    [locale, switchLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/**
 * The translator, once the given namespaces are loaded in the current language: until then the
 * component suspends (preact-iso's router keeps the previous page meanwhile), so a page's first
 * paint never shows raw keys. Components outside the router ask for shell namespaces only.
 */
export function useI18n(namespaces: readonly string[] = []): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  // The router re-renders itself, not the suspended component: this state does (as in lazy()).
  const [, rerender] = useState(0);
  const loading = loadCatalogs(value.locale, namespaces);
  if (loading) {
    void loading.then(() => rerender((n) => n + 1));
    // A thrown promise is how Preact suspends a render until it settles.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    throw loading;
  }
  return value;
}

/** The text for a key built at run time from a server's code; the code itself when unknown. */
export function textOr(t: Translate, key: string, code: string): string {
  const text = t(key as MessageKey); // an unknown key comes back unchanged
  return text === key ? code : text;
}
