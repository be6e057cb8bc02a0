import type { AppContext } from './context.js';
import type { App } from './http.js';
import { registerStreamRoutes } from './realtime/stream.routes.js';
import { registerPushRoutes } from './features/push/push.routes.js';

/** Every feature's route registration, in one list. */
export const featureRoutes: Array<(app: App, ctx: AppContext) => void> = [
  registerStreamRoutes,
  registerPushRoutes,
];
