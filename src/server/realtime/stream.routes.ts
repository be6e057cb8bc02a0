import { Type } from 'typebox';
import { withErrors } from '../../common/api/common.js';
import { StreamQuery } from '../../common/api/stream.js';
import type { AppContext } from '../context.js';
import type { App } from '../http.js';
import { listMissedStreamEvents, openStreamSubscription } from './stream.service.js';

/** How long a browser waits before reconnecting a dropped stream. */
const RETRY_MS = 5000;

export function registerStreamRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/stream',
    {
      schema: {
        tags: ['stream'],
        summary: 'Live events (Server-Sent Events) for the areas and point of this tab',
        querystring: StreamQuery,
        response: withErrors({
          200: Type.String({ description: 'text/event-stream: `id`, `event`, `data` (JSON)' }),
        }),
      },
    },
    async (request, reply) => {
      const lastEventIdHeader = request.headers['last-event-id'];
      const subscription = await openStreamSubscription(
        ctx,
        request.actor,
        request.query,
        typeof lastEventIdHeader === 'string' ? lastEventIdHeader : undefined,
      );
      // The response stays open: Fastify hands the socket over to the hub.
      reply.hijack();
      const response = reply.raw;
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        // nginx and similar proxies would otherwise buffer the stream.
        'x-accel-buffering': 'no',
        'x-content-type-options': 'nosniff',
      });
      response.socket?.setNoDelay(true);
      const connection = ctx.hub.add({
        response,
        keys: subscription.keys,
        wantsDrills: subscription.wantsDrills,
        replaying: subscription.lastEventId !== undefined,
      });
      response.write(`retry: ${RETRY_MS}\n\n`);
      if (subscription.lastEventId === undefined) return;
      try {
        const missed = await listMissedStreamEvents(ctx, {
          lastEventId: subscription.lastEventId,
          keys: connection.keys,
          wantsDrills: connection.wantsDrills,
        });
        ctx.hub.endReplay(connection, missed);
      } catch (err) {
        request.log.error({ err }, 'stream replay failed');
        ctx.hub.endReplay(connection, []);
      }
    },
  );
}
