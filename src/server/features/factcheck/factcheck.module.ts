import enFactcheck from '../../../common/i18n/en/factcheck.json' with { type: 'json' };
import idFactcheck from '../../../common/i18n/id/factcheck.json' with { type: 'json' };
import type { Role } from '../../../common/domain/roles.js';
import {
  FACTCHECK_DRAFT_ROLES,
  FACTCHECK_PUBLISH_ROLES,
} from '../../../common/domain/factcheck.js';
import type { FeatureModule } from '../../module.js';
import * as createFactcheck from './migrations/20261202T1420-factcheck-create.js';
import * as clarificationImages from './migrations/20261203T0740-clarification-images.js';
import * as factcheckCorrections from './migrations/20261203T0750-factcheck-corrections.js';
import * as factcheckTips from './migrations/20261203T0750-factcheck-tips.js';
import * as factcheckWeeklyChecks from './migrations/20261203T0750-factcheck-weekly-checks.js';
import * as clarificationDocuments from './migrations/20261203T1510-clarification-documents.js';
import { registerTiplineRoutes } from './tipline.routes.js';
import type { TipAnswer } from '../../../common/api/tipline.js';
import { registerFactcheckRoutes } from './factcheck.routes.js';
import { CLARIFICATION_SEARCH_TYPE } from './factcheck.service.js';

declare module '../../../common/i18n/index.js' {
  interface Messages {
    factcheck: typeof idFactcheck;
  }
}

declare module '../../auth/policy.js' {
  interface StationPolicies {
    factcheck: typeof factcheckPolicies;
  }
}

declare module '../../realtime/stream-events.js' {
  interface StreamEventTypes {
    /** To those who asked (logged in): the station answered their tip. */
    'factcheck.tip_answered': TipAnswer;
  }
}

declare module '../../realtime/bus.js' {
  interface BusEvents {
    /** A clarification was published, corrected or withdrawn: every node re-reads it. */
    'factcheck.changed': { clarificationId: string };
  }
}

/** Officers draft and attach evidence; editors (and station admins) publish, correct, withdraw. */
const factcheckPolicies = {
  'factcheck.draft': FACTCHECK_DRAFT_ROLES,
  'factcheck.publish': FACTCHECK_PUBLISH_ROLES,
} as const satisfies Record<string, readonly Role[]>;

export const factcheckModule: FeatureModule = {
  name: 'factcheck',
  routes: (app, ctx) => {
    registerFactcheckRoutes(app, ctx);
    registerTiplineRoutes(app, ctx);
  },
  migrations: {
    '20261202T1420-factcheck-create': createFactcheck,
    '20261203T0740-clarification-images': clarificationImages,
    '20261203T0750-factcheck-corrections': factcheckCorrections,
    '20261203T0750-factcheck-tips': factcheckTips,
    '20261203T0750-factcheck-weekly-checks': factcheckWeeklyChecks,
    '20261203T1510-clarification-documents': clarificationDocuments,
  },
  policies: factcheckPolicies,
  i18n: { factcheck: { id: idFactcheck, en: enFactcheck } },
  searchTypes: [CLARIFICATION_SEARCH_TYPE],
};
