import type { AppContext } from './context.js';
import type { App } from './http.js';
import { registerAccountRoutes } from './features/accounts/accounts.routes.js';

/** Every feature's route registration, in one list. */
export const featureRoutes: Array<(app: App, ctx: AppContext) => void> = [registerAccountRoutes];
