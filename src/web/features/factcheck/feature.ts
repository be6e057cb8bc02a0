import type { WebFeature } from '../feature.js';

export default {
  pages: [
    { paths: ['/cek'], load: () => import('./CheckPage.js').then((m) => m.CheckPage) },
    {
      paths: ['/cek/lacak', '/cek/lacak/:code'],
      load: () => import('./TrackTipPage.js').then((m) => m.TrackTipPage),
    },
    {
      paths: ['/k/:id'],
      load: () => import('./ClarificationPage.js').then((m) => m.ClarificationPage),
    },
    {
      paths: ['/klarifikasi'],
      load: () => import('./ClarificationsPage.js').then((m) => m.ClarificationsPage),
    },
  ],
  navLinks: [
    {
      href: '/cek',
      labelKey: 'factcheck.web.nav',
      place: 'header',
      order: 8,
      covers: ['/cek', '/klarifikasi', '/k/'],
    },
  ],
  navNamespaces: ['factcheck'],
  consoleSections: [
    {
      path: 'hoaks',
      labelKey: 'factcheck.web.console.title',
      namespaces: ['factcheck'],
      roles: ['officer', 'editor', 'station_admin', 'platform_admin'],
      order: 45,
      load: () => import('./console/ConsoleTips.js').then((m) => m.ConsoleTips),
    },
  ],
  auditTargets: { clarification: (id) => `/k/${id}` },
} satisfies WebFeature;
