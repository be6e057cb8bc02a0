import enReports from '../../../common/i18n/en/reports.json' with { type: 'json' };
import idReports from '../../../common/i18n/id/reports.json' with { type: 'json' };
import type { Role } from '../../../common/domain/roles.js';
import type { FeatureModule } from '../../module.js';
import * as completeReports from './migrations/20261202T1320-reports-complete.js';
import { reportRetentionJob } from './reports.jobs.js';
import { registerReportRoutes } from './reports.routes.js';
import { detachReportsOf, exportReportsOfPerson } from './reports.service.js';

declare module '../../../common/i18n/index.js' {
  interface Messages {
    reports: typeof idReports;
  }
}

declare module '../../auth/policy.js' {
  interface StationPolicies {
    reports: typeof reportPolicies;
  }
}

const reportPolicies = {
  'report.read': ['officer', 'editor', 'station_admin'],
  'report.update': ['officer', 'editor', 'station_admin'],
} as const satisfies Record<string, readonly Role[]>;

export const reportsModule: FeatureModule = {
  name: 'reports',
  routes: registerReportRoutes,
  jobs: [reportRetentionJob],
  migrations: { '20261202T1320-reports-complete': completeReports },
  policies: reportPolicies,
  i18n: { reports: { id: idReports, en: enReports } },
  personalData: {
    export: async (ctx, person) => ({ reports: await exportReportsOfPerson(ctx, person) }),
    erase: detachReportsOf,
  },
};
