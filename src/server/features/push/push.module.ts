import enPush from '../../../common/i18n/en/push.json' with { type: 'json' };
import idPush from '../../../common/i18n/id/push.json' with { type: 'json' };
import type { FeatureModule } from '../../module.js';
import * as createFanoutSent from './migrations/20261202T1400-push-fanout-sent.js';
import * as createFanoutUnit from './migrations/20261203T0800-push-fanout-unit.js';
import { pushFanoutJob, pushFanoutPageJob } from './push.jobs.js';
import { registerPushRoutes } from './push.routes.js';
import { dropPushSubscriptionsOf, exportPushSubscriptionsOf } from './push.service.js';

declare module '../../../common/i18n/index.js' {
  interface Messages {
    push: typeof idPush;
  }
}

export const pushModule: FeatureModule = {
  name: 'push',
  routes: registerPushRoutes,
  jobs: [pushFanoutJob, pushFanoutPageJob],
  migrations: {
    '20261202T1400-push-fanout-sent': createFanoutSent,
    '20261203T0800-push-fanout-unit': createFanoutUnit,
  },
  i18n: { push: { id: idPush, en: enPush } },
  personalData: {
    export: async (ctx, person) => ({
      pushSubscriptions: await exportPushSubscriptionsOf(ctx, person),
    }),
    erase: dropPushSubscriptionsOf,
  },
};
