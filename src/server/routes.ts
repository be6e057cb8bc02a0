import { registerAlertRoutes } from './features/alerts/alerts.routes.js';
import type { AppContext } from './context.js';
import { registerAreaRoutes } from './features/areas/areas.routes.js';
import { registerAuditRoutes } from './features/audit/audit.routes.js';
import { registerStationRoutes } from './features/stations/stations.routes.js';
import type { App } from './http.js';
import { registerStreamRoutes } from './realtime/stream.routes.js';
import { registerPushRoutes } from './features/push/push.routes.js';
import { registerAccountRoutes } from './features/accounts/accounts.routes.js';
import { registerReportRoutes } from './features/reports/reports.routes.js';
import { registerQaRoutes } from './features/qa/qa.routes.js';

/** Every feature's route registration, in one list. */
export const featureRoutes: Array<(app: App, ctx: AppContext) => void> = [
  registerAccountRoutes,
  registerAreaRoutes,
  registerStationRoutes,
  registerAuditRoutes,
  registerAlertRoutes,
  registerStreamRoutes,
  registerPushRoutes,
  registerReportRoutes,
  registerQaRoutes,
];
