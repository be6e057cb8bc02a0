import enAreas from '../../../common/i18n/en/areas.json' with { type: 'json' };
import idAreas from '../../../common/i18n/id/areas.json' with { type: 'json' };
import type { FeatureModule } from '../../module.js';
import { registerAreaRoutes } from './areas.routes.js';
import { listAccountAreaCodes } from './areas.service.js';

declare module '../../../common/i18n/index.js' {
  interface Messages {
    areas: typeof idAreas;
  }
}

export const areasModule: FeatureModule = {
  name: 'areas',
  routes: registerAreaRoutes,
  i18n: { areas: { id: idAreas, en: enAreas } },
  // A citizen's home and interest areas join every live stream they open.
  accountAreaCodes: async (ctx, accountId) =>
    (await listAccountAreaCodes(ctx, accountId)).map((area) => area.areaCode),
};
