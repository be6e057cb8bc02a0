import type { AlertView } from '../../../common/api/alerts.js';
import enAlerts from '../../../common/i18n/en/alerts.json' with { type: 'json' };
import idAlerts from '../../../common/i18n/id/alerts.json' with { type: 'json' };
import enAlertsWeb from '../../../common/i18n/en/alerts-web.json' with { type: 'json' };
import idAlertsWeb from '../../../common/i18n/id/alerts-web.json' with { type: 'json' };
import type { Role } from '../../../common/domain/roles.js';
import type { FeatureModule } from '../../module.js';
import * as createAlertDraft from './migrations/20261203T1500-create-alert-draft.js';
import { registerAlertRoutes } from './alerts.routes.js';

declare module '../../../common/i18n/index.js' {
  interface Messages {
    alerts: typeof idAlerts;
    'alerts-web': typeof idAlertsWeb;
  }
}

declare module '../../auth/policy.js' {
  interface StationPolicies {
    alerts: typeof alertPolicies;
  }
}

declare module '../../realtime/stream-events.js' {
  interface StreamEventTypes {
    /** The public view of an issued, updated or cancelled alert. */
    alert: AlertView;
  }
}

const alertPolicies = {
  'alert.issue': ['officer', 'editor', 'station_admin'],
  'alert.approve': ['officer', 'editor', 'station_admin'],
} as const satisfies Record<string, readonly Role[]>;

export const alertsModule: FeatureModule = {
  name: 'alerts',
  routes: registerAlertRoutes,
  migrations: { '20261203T1500-create-alert-draft': createAlertDraft },
  policies: alertPolicies,
  // The alert page is rendered on the server too, in the words the PWA uses.
  i18n: {
    alerts: { id: idAlerts, en: enAlerts },
    'alerts-web': { id: idAlertsWeb, en: enAlertsWeb },
  },
};
