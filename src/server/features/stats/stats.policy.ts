import type { Role } from '../../../common/domain/roles.js';

export const statsPolicies = {
  'stats.publish': ['editor', 'station_admin'],
} as const satisfies Record<string, readonly Role[]>;
