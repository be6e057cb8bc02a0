import type { WebFeature } from '../feature.js';

const ADMINS = ['station_admin', 'platform_admin'] as const;

export default {
  pages: [
    { paths: ['/kantor'], load: () => import('./StationsPage.js').then((m) => m.Stations) },
    {
      paths: ['/kantor/:slug'],
      load: () => import('./StationPage.js').then((m) => m.StationProfile),
    },
    {
      paths: ['/konsol/:section?', '/konsol/:section/:sub'],
      load: () => import('./console/ConsoleFrame.js').then((m) => m.Console),
    },
  ],
  navLinks: [
    { href: '/konsol', labelKey: 'web.nav.console', place: 'header', order: 50, audience: 'staff' },
    {
      href: '/kantor',
      labelKey: 'web.bar.stations',
      place: 'bottom',
      order: 40,
      icon: 'M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21zM12 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z',
    },
  ],
  consoleSections: [
    {
      path: 'audit',
      labelKey: 'web.console.nav.audit',
      roles: ADMINS,
      order: 20,
      load: () => import('./console/ConsoleAudit.js').then((m) => m.ConsoleAudit),
    },
    {
      path: 'profil',
      labelKey: 'web.console.nav.profile',
      roles: ADMINS,
      order: 30,
      load: () => import('./console/ConsoleProfile.js').then((m) => m.ConsoleProfile),
    },
  ],
  homeSections: [
    { order: 0, load: () => import('./HomeStations.js').then((m) => m.DemoBadge) },
    { order: 50, load: () => import('./HomeStations.js').then((m) => m.DirectoryCard) },
  ],
  auditTargets: {
    station: () => '/konsol/profil',
    village: () => '/konsol/profil',
    account: () => '/konsol/petugas',
  },
} satisfies WebFeature;
