import type { WebFeature } from '../feature.js';

export default {
  pages: [
    {
      paths: ['/lomba'],
      load: () => import('./ContestListPage.js').then((m) => m.ContestListPage),
    },
    { paths: ['/c/:id'], load: () => import('./ContestPage.js').then((m) => m.ContestPage) },
    { paths: ['/c/:id/hasil'], load: () => import('./ResultsPage.js').then((m) => m.ResultsPage) },
    { paths: ['/c/:id/nilai'], load: () => import('./JudgePage.js').then((m) => m.JudgePage) },
  ],
  navLinks: [
    {
      href: '/lomba',
      labelKey: 'web.nav.contests',
      place: 'header',
      order: 8,
      covers: ['/lomba', '/c/'],
    },
  ],
  consoleSections: [
    {
      path: 'lomba',
      labelKey: 'contests.console.title',
      namespaces: ['contests'],
      roles: ['officer', 'editor', 'station_admin', 'platform_admin'],
      order: 42,
      load: () => import('./console/ConsoleContests.js').then((m) => m.ConsoleContests),
    },
  ],
  auditTargets: { contest: (id) => `/c/${encodeURIComponent(id)}` },
} satisfies WebFeature;
