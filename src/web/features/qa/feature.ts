import type { WebFeature } from '../feature.js';

export default {
  pages: [
    { paths: ['/tanya'], load: () => import('./QaSessions.js').then((m) => m.QaSessions) },
    { paths: ['/tanya/:id'], load: () => import('./QaLive.js').then((m) => m.QaSessionPage) },
  ],
  navLinks: [{ href: '/tanya', labelKey: 'web.nav.qa', place: 'header', order: 15 }],
  consoleSections: [
    {
      path: 'tanya',
      labelKey: 'qa.console.title',
      namespaces: ['qa'],
      roles: ['officer', 'editor', 'station_admin', 'platform_admin'],
      order: 45,
      load: () => import('./console/ConsoleQa.js').then((m) => m.ConsoleQa),
    },
  ],
  auditTargets: { qa_session: (id) => `/tanya/${id}`, qa_question: () => '/konsol/tanya' },
} satisfies WebFeature;
