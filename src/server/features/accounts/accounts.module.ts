import enAccounts from '../../../common/i18n/en/accounts.json' with { type: 'json' };
import idAccounts from '../../../common/i18n/id/accounts.json' with { type: 'json' };
import type { FeatureModule } from '../../module.js';
import { registerAccountRoutes } from './accounts.routes.js';

declare module '../../../common/i18n/index.js' {
  interface Messages {
    accounts: typeof idAccounts;
  }
}

export const accountsModule: FeatureModule = {
  name: 'accounts',
  routes: registerAccountRoutes,
  i18n: { accounts: { id: idAccounts, en: enAccounts } },
};
