import fastifyMultipart from '@fastify/multipart';
import { Type } from 'typebox';
import { withErrors } from '../../common/api/common.js';
import type { AppContext } from '../context.js';
import type { App } from '../http.js';
import { leftBodyUnread } from './intake.js';
import { scheduleMediaSweep } from './media.jobs.js';

const MediaKeyParams = Type.Object({
  key: Type.String({ pattern: '^[0-9a-f]{64}\\.(webp|jpg|pdf)$' }),
});

/**
 * Multipart parsing for every route (each intake passes its own limits), and the one public path
 * for media: files of public media only, under their content hash, so they are cached for good.
 */
export async function registerMediaRoutes(app: App, ctx: AppContext): Promise<void> {
  await app.register(fastifyMultipart, {
    throwFileSizeLimit: true,
    // Limits for a caller that reads parts without a MediaUse: nothing gets through.
    limits: { files: 0, fileSize: 0, fields: 20, fieldSize: 8 * 1024 },
  });

  // Serving nodes keep the sweep scheduled (CLI commands and tests build no listening app).
  app.addHook('onListen', async () => {
    await scheduleMediaSweep(ctx).catch((err: unknown) => {
      ctx.log.error({ err }, 'could not schedule the media sweep');
    });
  });

  app.addHook('onSend', async (request, reply) => {
    // Node would otherwise read a refused upload's remaining body to keep the connection alive.
    if (leftBodyUnread(request)) reply.header('connection', 'close');
  });

  app.get(
    '/media/:key',
    {
      schema: {
        tags: ['media'],
        summary: 'A public image or document by its key (immutable; ETag)',
        params: MediaKeyParams,
        produces: ['image/webp', 'image/jpeg', 'application/pdf'],
        response: withErrors({ 200: Type.String({ description: 'The file' }) }),
      },
    },
    async (request, reply) => {
      await ctx.media.sendPublic(request, reply, request.params.key);
      return reply;
    },
  );
}
