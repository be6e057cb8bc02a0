import type idAlertsWeb from '../../common/i18n/id/alerts-web.json';
import type idConsoleAlerts from '../../common/i18n/id/console-alerts.json';
import type idWeb from '../../common/i18n/id/web.json';

// The web client's own namespaces join the checked key union here (server modules declare
// theirs); the files themselves are found and loaded per page by catalogs.ts.
declare module '../../common/i18n/index.js' {
  interface Messages {
    web: typeof idWeb;
    'console-alerts': typeof idConsoleAlerts;
    'alerts-web': typeof idAlertsWeb;
  }
}
