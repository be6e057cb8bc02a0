import type { WebFeature } from '../feature.js';

export default {
  pages: [
    { paths: ['/lapor'], load: () => import('./ReportForm.js').then((m) => m.ReportForm) },
    { paths: ['/lapor/lacak'], load: () => import('./TrackReport.js').then((m) => m.TrackReport) },
    { paths: ['/lapor/saya'], load: () => import('./TrackReport.js').then((m) => m.MyReports) },
  ],
  navLinks: [
    {
      href: '/lapor',
      labelKey: 'web.bar.report',
      place: 'bottom',
      order: 30,
      icon: 'M5 4h14v16H5zM9 9h6M9 13h6M9 17h3',
    },
  ],
  consoleSections: [
    {
      path: 'laporan',
      labelKey: 'reports.console.nav',
      namespaces: ['reports'],
      roles: ['officer', 'editor', 'station_admin', 'platform_admin'],
      order: 50,
      load: () => import('./console/ConsoleReports.js').then((m) => m.ConsoleReports),
    },
    {
      path: 'pola-laporan',
      labelKey: 'reports.clusters.title',
      namespaces: ['reports', 'alerts'],
      roles: ['officer', 'editor', 'station_admin', 'platform_admin'],
      order: 51,
      load: () => import('./console/ClustersSection.js').then((m) => m.ClustersSection),
    },
  ],
  // Reports written offline go out as soon as the app runs with a connection.
  onStart: () => import('./report-queue.js').then((m) => m.startReportQueue()),
  auditTargets: { report: () => '/konsol/laporan' },
} satisfies WebFeature;
