import type { WebFeature } from '../feature.js';

export default {
  pages: [
    {
      paths: ['/statistik', '/statistik/:slug'],
      load: () => import('./StatsDashboard.js').then((m) => m.StatsDashboard),
    },
  ],
  navLinks: [{ href: '/statistik', labelKey: 'web.nav.stats', place: 'header', order: 10 }],
  consoleSections: [
    {
      path: 'statistik',
      labelKey: 'stats.console.nav',
      namespaces: ['stats'],
      roles: ['editor', 'station_admin', 'platform_admin'],
      order: 60,
      load: () => import('./console/ConsoleStats.js').then((m) => m.ConsoleStats),
    },
  ],
  auditTargets: { crime_month: () => '/konsol/statistik', crime_case: () => '/konsol/statistik' },
} satisfies WebFeature;
