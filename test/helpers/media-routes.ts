import { Type } from 'typebox';
import type { AppContext } from '../../src/server/context.js';
import { transaction } from '../../src/server/db/database.js';
import type { App } from '../../src/server/http.js';
import type { MediaView } from '../../src/server/media/media.js';
import type { MediaUse } from '../../src/server/media/media-use.js';

/**
 * Routes that use the pipeline the way a feature does (receive, attach inside its own
 * transaction, discard in a finally), for tests and benchmarks. `uses.photos` is the default.
 */
export function registerMediaTestRoutes(
  app: App,
  ctx: AppContext,
  uses: { photos: MediaUse; documents?: MediaUse },
): void {
  app.post(
    '/test/uploads',
    {
      schema: {
        querystring: Type.Object({
          use: Type.Optional(Type.Union([Type.Literal('photos'), Type.Literal('documents')])),
          visibility: Type.Optional(Type.Union([Type.Literal('public'), Type.Literal('private')])),
          failAfterAttach: Type.Optional(Type.Boolean()),
        }),
      },
    },
    async (request) => {
      const { use, visibility = 'public', failAfterAttach } = request.query;
      const chosen = use === 'documents' && uses.documents ? uses.documents : uses.photos;
      const intake = await ctx.media.receive(request, chosen);
      try {
        const media = await transaction(ctx.db, async (tx) => {
          const views: MediaView[] = [];
          for (const file of intake.files) {
            views.push(await ctx.media.attach(tx, file, { visibility, ownerType: 'test' }));
          }
          if (failAfterAttach) throw new Error('the feature changed its mind');
          return views;
        });
        return {
          media,
          extracted: intake.files.map((file) => file.extracted),
          fields: intake.fields,
        };
      } finally {
        await intake.discard();
      }
    },
  );
  app.get<{ Params: { id: string; key: string } }>(
    '/test/private/:id/:key',
    async (request, reply) => {
      await ctx.media.sendPrivate(reply, request.params.id, request.params.key);
      return reply;
    },
  );
}
