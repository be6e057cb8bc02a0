import enStats from '../../../common/i18n/en/stats.json' with { type: 'json' };
import idStats from '../../../common/i18n/id/stats.json' with { type: 'json' };
import type { FeatureModule } from '../../module.js';
import * as createCrimeFigures from './migrations/20261201T2230-create-crime-figures.js';
import * as crimeRollup from './migrations/20261202T1040-crime-rollup.js';
import { statsPolicies } from './stats.policy.js';
import { registerStatsRoutes } from './stats.routes.js';

declare module '../../../common/i18n/index.js' {
  interface Messages {
    stats: typeof idStats;
  }
}

declare module '../../auth/policy.js' {
  interface StationPolicies {
    stats: typeof statsPolicies;
  }
}

export const statsModule: FeatureModule = {
  name: 'stats',
  routes: registerStatsRoutes,
  migrations: {
    '20261201T2230-create-crime-figures': createCrimeFigures,
    '20261202T1040-crime-rollup': crimeRollup,
  },
  policies: statsPolicies,
  i18n: { stats: { id: idStats, en: enStats } },
};
