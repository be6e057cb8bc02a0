import type { QaAnswerView, QaQuestionView } from '../../../common/api/qa.js';
import type { QaState } from '../../../common/domain/qa.js';
import enQa from '../../../common/i18n/en/qa.json' with { type: 'json' };
import idQa from '../../../common/i18n/id/qa.json' with { type: 'json' };
import type { Role } from '../../../common/domain/roles.js';
import type { FeatureModule } from '../../module.js';
import * as createQa from './migrations/20261201T2230-create-qa.js';
import { qaSessionTimedJob } from './qa.jobs.js';
import { registerQaRoutes } from './qa.routes.js';
import { exportQuestionsOfPerson, QA_SEARCH_TYPE } from './qa.service.js';

declare module '../../../common/i18n/index.js' {
  interface Messages {
    qa: typeof idQa;
  }
}

declare module '../../auth/policy.js' {
  interface StationPolicies {
    qa: typeof qaPolicies;
  }
}

declare module '../../realtime/stream-events.js' {
  interface StreamEventTypes {
    /** A question became visible (its public view). */
    'qa.question': QaQuestionView | undefined;
    /** A visible question was hidden or merged into another. */
    'qa.removed': { questionId: string; mergedIntoId?: string };
    'qa.votes': { questionId: string; votes: number };
    'qa.answer': { questionId: string; answer: QaAnswerView | null };
    'qa.pin': { questionId: string; pinned: boolean };
    'qa.state': { sessionId: string; state: QaState };
    /** To the followers' own tabs when a session goes live. */
    'qa.reminder': { sessionId: string; title: string };
  }
}

const qaPolicies = {
  'qa.manage': ['officer', 'editor', 'station_admin'],
  'qa.moderate': ['officer', 'editor', 'station_admin'],
} as const satisfies Record<string, readonly Role[]>;

export const qaModule: FeatureModule = {
  name: 'qa',
  routes: registerQaRoutes,
  jobs: [qaSessionTimedJob],
  migrations: { '20261201T2230-create-qa': createQa },
  policies: qaPolicies,
  i18n: { qa: { id: idQa, en: enQa } },
  searchTypes: [QA_SEARCH_TYPE],
  personalData: {
    export: async (ctx, person) => ({ qaQuestions: await exportQuestionsOfPerson(ctx, person) }),
    // Questions, votes and follows are deleted with the account row (ON DELETE CASCADE).
    erase: () => Promise.resolve(),
  },
};
