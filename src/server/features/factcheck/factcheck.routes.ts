import { Type } from 'typebox';
import { withErrors } from '../../../common/api/common.js';
import { invalidFields } from '../../errors.js';
import {
  ClarificationDocument,
  ClarificationDocumentForm,
  ClarificationDocumentParams,
  ClarificationIdParams,
  ClarificationImageForm,
  ClarificationImageView,
  ClarificationList,
  ClarificationListQuery,
  ClarificationView,
  CreateClarificationBody,
  FactcheckCheckBody,
  FactcheckCheckForm,
  FactcheckCheckResult,
  FactcheckVerdictList,
  MostCheckedClarifications,
  ReviseClarificationBody,
  WithdrawClarificationBody,
} from '../../../common/api/factcheck.js';
import type { AppContext } from '../../context.js';
import { defineMediaUse, IMAGE_KINDS } from '../../media/media-use.js';
import { CLARIFICATION_DOCUMENT_MAX_MB } from '../../../common/domain/factcheck.js';
import type { App } from '../../http.js';
import { matchesEtag } from '../../media/media.js';
import { sendPage } from '../../pages/document.js';
import { openCheckCounter } from './check-counter.js';
import { openClarificationIndex } from './clarification-index.js';
import { renderClarificationPage } from './factcheck.presenter.js';
import { openShareCards } from './share-card.js';
import {
  addClarificationDocument,
  addClarificationImage,
  assertMayAttachDocument,
  checkClaim,
  createClarification,
  getClarification,
  listClarifications,
  listFactcheckVerdicts,
  listMostCheckedClarifications,
  publishClarification,
  removeClarificationDocument,
  reviseClarification,
  withdrawClarification,
} from './factcheck.service.js';

const tags = ['factcheck'];
const security = [{ session: [] }];
/** One image of up to 12 MB beside the text (or the officer's example image). */
const checkImageUse = defineMediaUse('factcheck-check', { maxFiles: 1, maxFields: 1 });
const exampleImageUse = defineMediaUse('clarification-images', { maxFiles: 1, maxFields: 0 });
/** One PDF or picture per request as evidence; a picture is re-encoded without its metadata. */
const documentUse = defineMediaUse('clarification-documents', {
  maxFiles: 1,
  // Room for one stray field, so a second file is refused as a second file (and a field by the service).
  maxFields: 1,
  maxBytesPerFile: CLARIFICATION_DOCUMENT_MAX_MB * 1024 * 1024,
  maxTotalBytes: CLARIFICATION_DOCUMENT_MAX_MB * 1024 * 1024,
  allowedKinds: [...IMAGE_KINDS, 'pdf'],
});

export function registerFactcheckRoutes(app: App, ctx: AppContext): void {
  const index = openClarificationIndex(ctx);
  // Built before the node takes traffic, so the first check answers as fast as the rest.
  app.addHook('onReady', async () => {
    await index.matcher();
  });
  const counter = openCheckCounter(ctx);
  app.addHook('onClose', async () => {
    index.close();
    await counter.close();
  });

  app.post(
    '/api/factcheck/check',
    {
      config: { anonymousSubmission: true },
      schema: {
        tags,
        summary:
          'Match a forwarded message against published clarifications (anonymous): JSON `{ text }`, or multipart with `text` and/or `image` (looked at, never stored)',
        body: {
          content: {
            'application/json': { schema: FactcheckCheckBody },
            // Read as a stream in the handler (Fastify sees no body), checked there.
            'multipart/form-data': { schema: Type.Union([FactcheckCheckForm, Type.Null()]) },
          },
        },
        response: withErrors({ 200: FactcheckCheckResult }),
      },
    },
    async (request) => {
      if (!request.isMultipart()) {
        // The JSON content schema above has checked it (a content map leaves the type open).
        const body = request.body as FactcheckCheckBody | undefined;
        return counter.countAnswer(await checkClaim(ctx, index, { text: body?.text ?? '' }));
      }
      const intake = await ctx.media.receive(request, checkImageUse, { inMemory: true });
      try {
        const image = intake.files.find((file) => file.field === 'image');
        const unexpected = Object.keys(intake.fields).some((name) => name !== 'text');
        if (unexpected || intake.files.length !== (image ? 1 : 0)) {
          throw invalidFields('validation.failed', ['image']);
        }
        return counter.countAnswer(
          await checkClaim(ctx, index, { text: intake.fields.text ?? '', image }),
        );
      } finally {
        await intake.discard();
      }
    },
  );

  app.post(
    '/api/clarifications/:id/images',
    {
      schema: {
        tags,
        summary: 'Attach an example image of the hoax (multipart `image`; officers; audited)',
        security,
        params: ClarificationIdParams,
        body: {
          content: {
            'multipart/form-data': { schema: Type.Union([ClarificationImageForm, Type.Null()]) },
          },
        },
        response: withErrors({ 201: ClarificationImageView }),
      },
    },
    async (request, reply) => {
      const intake = await ctx.media.receive(request, exampleImageUse);
      try {
        const view = await addClarificationImage(
          ctx,
          request.actor,
          request.params.id,
          intake.files[0],
        );
        reply.status(201);
        return view;
      } finally {
        await intake.discard();
      }
    },
  );

  app.post(
    '/api/clarifications/:id/documents',
    {
      schema: {
        tags,
        summary:
          'Attach a document as public evidence (multipart `document`: PDF or image; officers of the station; audited)',
        security,
        params: ClarificationIdParams,
        body: {
          content: {
            'multipart/form-data': {
              schema: Type.Union([ClarificationDocumentForm, Type.Null()]),
            },
          },
        },
        response: withErrors({ 201: ClarificationDocument }),
      },
    },
    async (request, reply) => {
      // Refuse before reading any file: the account, the clarification, room for one more.
      await assertMayAttachDocument(ctx, request.actor, request.params.id);
      const intake = await ctx.media.receive(request, documentUse);
      try {
        const view = await addClarificationDocument(ctx, request.actor, request.params.id, intake);
        reply.status(201);
        return view;
      } finally {
        await intake.discard();
      }
    },
  );

  app.delete(
    '/api/clarifications/:id/documents/:documentId',
    {
      schema: {
        tags,
        summary: 'Remove a document from a clarification (officers of the station; audited)',
        security,
        params: ClarificationDocumentParams,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await removeClarificationDocument(
        ctx,
        request.actor,
        request.params.id,
        request.params.documentId,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/clarifications',
    {
      schema: {
        tags,
        summary: 'Draft a clarification of a circulating claim (officers; audited)',
        security,
        body: CreateClarificationBody,
        response: withErrors({ 201: ClarificationView }),
      },
    },
    async (request, reply) => {
      reply.status(201);
      return createClarification(ctx, request.actor, request.body);
    },
  );

  app.post(
    '/api/clarifications/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish a draft (editors; audited)',
        security,
        params: ClarificationIdParams,
        response: withErrors({ 200: ClarificationView }),
      },
    },
    (request) => publishClarification(ctx, request.actor, request.params.id),
  );

  app.get(
    '/api/clarifications',
    {
      schema: {
        tags,
        summary:
          'Published clarifications (of `stationId` if given), newest first or by relevance to `q`',
        querystring: ClarificationListQuery,
        response: withErrors({ 200: ClarificationList }),
      },
    },
    (request) => listClarifications(ctx, request.query),
  );

  app.get(
    '/api/clarifications/:id',
    {
      schema: {
        tags,
        summary: 'One clarification (drafts only for its station’s staff)',
        params: ClarificationIdParams,
        response: withErrors({ 200: ClarificationView }),
      },
    },
    (request) => getClarification(ctx, request.actor, request.params.id),
  );

  // ——— Lifecycle: labels, edits and corrections, withdrawal ———

  app.get(
    '/api/clarifications/most-checked',
    {
      schema: {
        tags,
        summary: 'Paling banyak dicek minggu ini: clarifications by the checks they answered',
        response: withErrors({ 200: MostCheckedClarifications }),
      },
    },
    () => listMostCheckedClarifications(ctx, counter),
  );

  app.get(
    '/api/factcheck/verdicts',
    {
      schema: {
        tags,
        summary: 'The verdict labels clarifications may carry here (SIAGA_FACTCHECK_VERDICTS)',
        response: withErrors({ 200: FactcheckVerdictList }),
      },
    },
    () => listFactcheckVerdicts(ctx),
  );

  app.patch(
    '/api/clarifications/:id',
    {
      schema: {
        tags,
        summary:
          'Edit a draft (officers), or correct a published clarification with a public note (editors; audited)',
        security,
        params: ClarificationIdParams,
        body: ReviseClarificationBody,
        response: withErrors({ 200: ClarificationView }),
      },
    },
    (request) => reviseClarification(ctx, request.actor, request.params.id, request.body),
  );

  app.post(
    '/api/clarifications/:id/withdraw',
    {
      schema: {
        tags,
        summary:
          'Withdraw a published clarification; its page stays and says why (editors; audited)',
        security,
        params: ClarificationIdParams,
        body: WithdrawClarificationBody,
        response: withErrors({ 200: ClarificationView }),
      },
    },
    (request) => withdrawClarification(ctx, request.actor, request.params.id, request.body),
  );

  app.get(
    '/k/:id',
    { schema: { hide: true, params: ClarificationIdParams } },
    async (request, reply) => {
      const view = await getClarification(ctx, request.actor, request.params.id);
      return sendPage(reply, ...renderClarificationPage(request.locale, view));
    },
  );

  // ——— Share card: what WhatsApp shows beside the link ———

  const shareCard = openShareCards();
  app.get(
    '/k/:id/card.png',
    {
      schema: {
        tags,
        summary: 'The 1200×630 share card of a clarification (PNG; ETag)',
        params: ClarificationIdParams,
        produces: ['image/png'],
        response: withErrors({
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'The PNG' }),
          304: Type.Null({ description: 'Not modified (If-None-Match)' }),
        }),
      },
    },
    async (request, reply) => {
      const view = await getClarification(ctx, request.actor, request.params.id);
      const card = await shareCard(view);
      reply
        .header('etag', card.etag)
        // Drafts are seen by staff only; a public card may be cached, briefly (corrections).
        .header(
          'cache-control',
          view.status === 'draft' ? 'private, no-store' : 'public, max-age=300',
        );
      if (matchesEtag(request.headers['if-none-match'], card.etag)) {
        return reply.status(304).send(null);
      }
      return reply.type('image/png').send(card.png);
    },
  );
}
