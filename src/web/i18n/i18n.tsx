import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useMemo, useState } from 'preact/hooks';
import {
  translate,
  type Locale,
  type MessageKey,
  type MessageParams,
} from '../../common/i18n/index.js';
// Until pages load their own namespaces, every catalog the web shows is registered here.
import '../../common/i18n/web-catalogs.js';
import { getLocale, setLocale } from './locale.js';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

interface I18n {
  locale: Locale;
  t: Translate;
  switchLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ComponentChildren }) {
  const [locale, setState] = useState(getLocale);
  const switchLocale = useCallback((next: Locale) => {
    setLocale(next);
    setState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      locale,
      switchLocale,
      t: (key, params) => translate(locale, key, params),
    }),
    [locale, switchLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
