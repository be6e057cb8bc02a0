import enCore from './en/core.json' with { type: 'json' };
import idCore from './id/core.json' with { type: 'json' };
import enCli from './en/cli.json' with { type: 'json' };
import idCli from './id/cli.json' with { type: 'json' };
import enAccounts from './en/accounts.json' with { type: 'json' };
import idAccounts from './id/accounts.json' with { type: 'json' };
import enAlerts from './en/alerts.json' with { type: 'json' };
import idAlerts from './id/alerts.json' with { type: 'json' };
import enAreas from './en/areas.json' with { type: 'json' };
import idAreas from './id/areas.json' with { type: 'json' };
import enPush from './en/push.json' with { type: 'json' };
import idPush from './id/push.json' with { type: 'json' };
import enStations from './en/stations.json' with { type: 'json' };
import idStations from './id/stations.json' with { type: 'json' };
import enWeb from './en/web.json' with { type: 'json' };
import idWeb from './id/web.json' with { type: 'json' };
import enConsoleAlerts from './en/console-alerts.json' with { type: 'json' };
import idConsoleAlerts from './id/console-alerts.json' with { type: 'json' };
import enAlertsWeb from './en/alerts-web.json' with { type: 'json' };
import idAlertsWeb from './id/alerts-web.json' with { type: 'json' };
import enReports from './en/reports.json' with { type: 'json' };
import idReports from './id/reports.json' with { type: 'json' };
import enQa from './en/qa.json' with { type: 'json' };
import idQa from './id/qa.json' with { type: 'json' };

// One catalog file per namespace and language, so features add strings without touching
// each other's files. Bahasa Indonesia is the source: every key must exist there.
const id = {
  ...idCore,
  ...idAccounts,
  ...idAlerts,
  ...idAreas,
  ...idStations,
  ...idPush,
  ...idWeb,
  ...idCli,
  ...idConsoleAlerts,
  ...idAlertsWeb,
  ...idReports,
  ...idQa,
};
const en: Partial<Record<keyof typeof id, string>> = {
  ...enCore,
  ...enAccounts,
  ...enAlerts,
  ...enAreas,
  ...enStations,
  ...enPush,
  ...enWeb,
  ...enCli,
  ...enConsoleAlerts,
  ...enAlertsWeb,
  ...enReports,
  ...enQa,
};

export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'id';

export type MessageKey = keyof typeof id;
export type MessageParams = Record<string, string | number>;

export const catalogs = { id, en } satisfies Record<Locale, Partial<Record<MessageKey, string>>>;

/** Looks a key up in the locale's catalog, falling back to Indonesian, then to the key. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = (locale === 'en' ? catalogs.en[key] : undefined) ?? catalogs.id[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function isMessageKey(key: string): key is MessageKey {
  return key in catalogs.id;
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
