import { sql } from 'kysely';
import { Type } from 'typebox';
import { PublicConfig } from '../../common/api/system.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import type { App } from '../http.js';
import type { HttpMetrics } from './metrics.js';

const Status = Type.Object({ status: Type.String() });

export function registerSystemRoutes(app: App, ctx: AppContext, metrics: HttpMetrics): void {
  app.get(
    '/healthz',
    { schema: { tags: ['system'], summary: 'Process is alive', response: { 200: Status } } },
    () => ({ status: 'ok' }),
  );

  app.get(
    '/readyz',
    { schema: { tags: ['system'], summary: 'Database is reachable', response: { 200: Status } } },
    async () => {
      try {
        await sql`select 1`.execute(ctx.db);
      } catch (err) {
        ctx.log.warn({ err }, 'readiness check failed');
        throw new AppError('system.not_ready', 503);
      }
      return { status: 'ready' };
    },
  );

  app.get(
    '/api/config/public',
    {
      schema: {
        tags: ['system'],
        summary: 'Settings the web client needs (map tiles)',
        response: { 200: PublicConfig },
      },
    },
    (): PublicConfig => ({ mapTileUrl: ctx.config.mapTileUrl }),
  );

  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });

  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
}
