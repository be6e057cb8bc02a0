import type { Role } from '../../../common/domain/roles.js';
import type { FeatureModule } from '../../module.js';
import { registerAuditRoutes } from './audit.routes.js';

declare module '../../auth/policy.js' {
  interface StationPolicies {
    audit: typeof auditPolicies;
  }
}

const auditPolicies = {
  'audit.read': ['station_admin'],
} as const satisfies Record<string, readonly Role[]>;

export const auditModule: FeatureModule = {
  name: 'audit',
  routes: registerAuditRoutes,
  policies: auditPolicies,
};
