import type { WebFeature } from '../feature.js';

export default {
  pages: [
    { paths: ['/peringatan'], load: () => import('./AlertsPage.js').then((m) => m.Alerts) },
    { paths: ['/peringatan/:id'], load: () => import('./AlertPage.js').then((m) => m.AlertPage) },
    {
      paths: ['/pengaturan/peringatan'],
      load: () => import('./AlertSettingsPage.js').then((m) => m.AlertSettings),
    },
  ],
  navLinks: [
    {
      href: '/peringatan',
      labelKey: 'web.bar.alerts',
      place: 'bottom',
      order: 20,
      covers: ['/peringatan', '/pengaturan/peringatan'],
      icon: 'M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 21h4',
    },
  ],
  consoleSections: [
    {
      path: 'peringatan',
      labelKey: 'consoleAlerts.nav',
      namespaces: ['console-alerts'],
      roles: ['officer', 'editor', 'station_admin', 'platform_admin'],
      order: 40,
      // The composer and its map download only when the section opens.
      load: () => import('./console/ConsoleAlerts.js').then((m) => m.ConsoleAlerts),
    },
  ],
  homeSections: [{ order: 10, load: () => import('./HomeAlerts.js').then((m) => m.HomeAlerts) }],
  shellParts: [() => import('./LiveAlerts.js').then((m) => m.LiveAlerts)],
  auditTargets: { alert: (id) => `/peringatan/${id}` },
} satisfies WebFeature;
