import { withErrors } from '../../../common/api/common.js';
import {
  ReportIdParams,
  ReportList,
  ReportListQuery,
  ReportTracking,
  ReportView,
  SubmitReportBody,
  SubmittedReport,
  TrackingParams,
  UpdateReportBody,
} from '../../../common/api/reports.js';
import { StationIdParams } from '../../../common/api/stations.js';
import type { AppContext } from '../../context.js';
import type { App } from '../../http.js';
import {
  listStationReports,
  submitReport,
  trackReport,
  updateReportStatus,
} from './reports.service.js';

const tags = ['reports'];
const security = [{ session: [] }];

export function registerReportRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/reports',
    {
      // Anyone may report, so the address is the only brake on a flood; it is not stored.
      config: { anonymousSubmission: true, rateLimit: { max: 10, timeWindow: '10 minutes' } },
      schema: {
        tags,
        summary: 'Report something suspicious (anonymous allowed)',
        body: SubmitReportBody,
        response: withErrors({ 201: SubmittedReport }),
      },
    },
    async (request, reply) => {
      const view = await submitReport(ctx, request.actor, request.body);
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/api/reports/track/:trackingCode',
    {
      config: { anonymousSubmission: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: "A report's status by its tracking code",
        params: TrackingParams,
        response: withErrors({ 200: ReportTracking }),
      },
    },
    (request) => trackReport(ctx, request.params.trackingCode),
  );

  app.get(
    '/api/stations/:id/reports',
    {
      schema: {
        tags,
        summary: 'Reports to a station and the stations below it, newest first',
        security,
        params: StationIdParams,
        querystring: ReportListQuery,
        response: withErrors({ 200: ReportList }),
      },
    },
    async (request) => ({
      items: await listStationReports(ctx, request.actor, request.params.id, request.query),
    }),
  );

  app.patch(
    '/api/reports/:id',
    {
      schema: {
        tags,
        summary: "Change a report's status (audited)",
        security,
        params: ReportIdParams,
        body: UpdateReportBody,
        response: withErrors({ 200: ReportView }),
      },
    },
    (request) => updateReportStatus(ctx, request.actor, request.params.id, request.body),
  );
}
