import { AuditPage, AuditQuery } from '../../../common/api/audit.js';
import { withErrors } from '../../../common/api/common.js';
import { StationIdParams } from '../../../common/api/stations.js';
import type { AppContext } from '../../context.js';
import type { App } from '../../http.js';
import { readStationAudit } from './audit.service.js';

export function registerAuditRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/stations/:id/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit trail of a station and the stations below it, newest first',
        security: [{ session: [] }],
        params: StationIdParams,
        querystring: AuditQuery,
        response: withErrors({ 200: AuditPage }),
      },
    },
    (request) => readStationAudit(ctx, request.actor, request.params.id, request.query),
  );
}
