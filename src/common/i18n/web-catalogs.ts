import enAccounts from './en/accounts.json' with { type: 'json' };
import idAccounts from './id/accounts.json' with { type: 'json' };
import enAlerts from './en/alerts.json' with { type: 'json' };
import idAlerts from './id/alerts.json' with { type: 'json' };
import enAlertsWeb from './en/alerts-web.json' with { type: 'json' };
import idAlertsWeb from './id/alerts-web.json' with { type: 'json' };
import enAreas from './en/areas.json' with { type: 'json' };
import idAreas from './id/areas.json' with { type: 'json' };
import enConsoleAlerts from './en/console-alerts.json' with { type: 'json' };
import idConsoleAlerts from './id/console-alerts.json' with { type: 'json' };
import enPush from './en/push.json' with { type: 'json' };
import idPush from './id/push.json' with { type: 'json' };
import enReports from './en/reports.json' with { type: 'json' };
import idReports from './id/reports.json' with { type: 'json' };
import enStations from './en/stations.json' with { type: 'json' };
import idStations from './id/stations.json' with { type: 'json' };
import enWeb from './en/web.json' with { type: 'json' };
import idWeb from './id/web.json' with { type: 'json' };
import { registerCatalogs } from './index.js';

// Interim, until the web client loads per page only the namespaces it needs: the web's own
// namespaces join the key union here, and every namespace a page shows is registered at once.
// The server does not import this file; its modules register their own catalogs.
declare module './index.js' {
  interface Messages {
    web: typeof idWeb;
    'console-alerts': typeof idConsoleAlerts;
    'alerts-web': typeof idAlertsWeb;
  }
}

registerCatalogs('accounts', { id: idAccounts, en: enAccounts });
registerCatalogs('alerts', { id: idAlerts, en: enAlerts });
registerCatalogs('alerts-web', { id: idAlertsWeb, en: enAlertsWeb });
registerCatalogs('areas', { id: idAreas, en: enAreas });
registerCatalogs('console-alerts', { id: idConsoleAlerts, en: enConsoleAlerts });
registerCatalogs('push', { id: idPush, en: enPush });
registerCatalogs('reports', { id: idReports, en: enReports });
registerCatalogs('stations', { id: idStations, en: enStations });
registerCatalogs('web', { id: idWeb, en: enWeb });
