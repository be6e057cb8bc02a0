import type { AppContext } from './context.js';
import { registerAlertRoutes } from './features/alerts/alerts.routes.js';
import type { App } from './http.js';

/** Every feature's route registration, in one list. */
export const featureRoutes: Array<(app: App, ctx: AppContext) => void> = [registerAlertRoutes];
