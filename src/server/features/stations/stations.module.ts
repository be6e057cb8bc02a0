import enStations from '../../../common/i18n/en/stations.json' with { type: 'json' };
import idStations from '../../../common/i18n/id/stations.json' with { type: 'json' };
import enWeb from '../../../common/i18n/en/web.json' with { type: 'json' };
import idWeb from '../../../common/i18n/id/web.json' with { type: 'json' };
import type { Role } from '../../../common/domain/roles.js';
import type { FeatureModule } from '../../module.js';
import { registerStationRoutes } from './stations.routes.js';

declare module '../../../common/i18n/index.js' {
  interface Messages {
    stations: typeof idStations;
    web: typeof idWeb;
  }
}

declare module '../../auth/policy.js' {
  interface StationPolicies {
    stations: typeof stationPolicies;
  }
}

const stationPolicies = {
  'station.update': ['station_admin'],
  'station.create_child': ['station_admin'],
  'station.manage_officers': ['station_admin'],
  'station.assign_liaison': ['station_admin'],
  'console.open': ['officer', 'editor', 'station_admin'],
  'audit.read': ['station_admin'],
} as const satisfies Record<string, readonly Role[]>;

export const stationsModule: FeatureModule = {
  name: 'stations',
  routes: registerStationRoutes,
  policies: stationPolicies,
  // The station page is rendered on the server too, in the words the PWA uses.
  i18n: {
    stations: { id: idStations, en: enStations },
    web: { id: idWeb, en: enWeb },
  },
};
