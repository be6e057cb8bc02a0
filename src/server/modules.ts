import { accountsModule } from './features/accounts/accounts.module.js';
import { alertsModule } from './features/alerts/alerts.module.js';
import { contestsModule } from './features/contests/contests.module.js';
import { areasModule } from './features/areas/areas.module.js';
import { deliveryModule } from './features/delivery/delivery.module.js';
import { postsModule } from './features/posts/posts.module.js';
import { factcheckModule } from './features/factcheck/factcheck.module.js';
import { pushModule } from './features/push/push.module.js';
import { qaModule } from './features/qa/qa.module.js';
import { reportsModule } from './features/reports/reports.module.js';
import { stationsModule } from './features/stations/stations.module.js';
import { statsModule } from './features/stats/stats.module.js';
import type { FeatureModule } from './module.js';
import { streamModule } from './realtime/stream.module.js';

/**
 * The one list of feature modules: adding a feature is its folder plus one line here. The
 * order is the order of their routes (and so of the API document).
 */
export const featureModules: readonly FeatureModule[] = [
  accountsModule,
  areasModule,
  stationsModule,
  alertsModule,
  streamModule,
  pushModule,
  reportsModule,
  deliveryModule,
  statsModule,
  qaModule,
  postsModule,
  contestsModule,
  factcheckModule,
];
