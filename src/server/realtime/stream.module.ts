import type { FeatureModule } from '../module.js';
import { registerStreamRoutes } from './stream.routes.js';

/**
 * The live stream's HTTP surface, a kernel part listed in modules.ts beside the features so
 * that the route keeps its place in the API document.
 */
export const streamModule: FeatureModule = {
  name: 'stream',
  routes: registerStreamRoutes,
};
