import { createHash, timingSafeEqual } from 'node:crypto';
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

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!mayReadMetrics(ctx, request.headers.authorization)) {
      throw new AppError('auth.metrics_token', 401);
    }
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });

  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
}

/**
 * Metrics name routes, counts and timings an attacker could use: with SIAGA_METRICS_TOKEN
 * they need `Authorization: Bearer <token>`; without it they are open only outside production.
 */
function mayReadMetrics(ctx: AppContext, authorization: string | undefined): boolean {
  const token = ctx.config.metricsToken;
  if (!token) return ctx.config.environment !== 'production';
  const given = /^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '';
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(token));
}
