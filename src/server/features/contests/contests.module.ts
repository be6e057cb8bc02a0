import enContests from '../../../common/i18n/en/contests.json' with { type: 'json' };
import idContests from '../../../common/i18n/id/contests.json' with { type: 'json' };
import type { Role } from '../../../common/domain/roles.js';
import type { FeatureModule } from '../../module.js';
import * as createContests from './migrations/20261202T1310-contests-create.js';
import * as announceContests from './migrations/20261203T0710-contests-announce.js';
import { registerContestRoutes } from './contests.routes.js';
import { eraseContestDataOf, exportContestDataOf } from './contests.service.js';
import './contests.table.js';

declare module '../../../common/i18n/index.js' {
  interface Messages {
    contests: typeof idContests;
  }
}

declare module '../../auth/policy.js' {
  interface StationPolicies {
    contests: typeof contestPolicies;
  }
}

declare module '../../realtime/stream-events.js' {
  interface StreamEventTypes {
    /** To the author's own tabs: an entry was refused, with the reason. */
    'contest.entry_refused': { contestId: string; entryId: string; title: string; reason: string };
  }
}

const contestPolicies = {
  'contest.manage': ['officer', 'editor', 'station_admin'],
  'contest.moderate': ['officer', 'editor', 'station_admin'],
} as const satisfies Record<string, readonly Role[]>;

export const contestsModule: FeatureModule = {
  name: 'contests',
  routes: registerContestRoutes,
  migrations: {
    '20261202T1310-contests-create': createContests,
    '20261203T0710-contests-announce': announceContests,
  },
  policies: contestPolicies,
  i18n: { contests: { id: idContests, en: enContests } },
  personalData: { export: exportContestDataOf, erase: eraseContestDataOf },
};
