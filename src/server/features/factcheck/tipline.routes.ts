import { Type } from 'typebox';
import { withErrors } from '../../../common/api/common.js';
import { TrackingHeaders, TrackingParams } from '../../../common/api/reports.js';
import {
  SubmitTipBody,
  SubmittedTip,
  TipGroupList,
  TipGroupQuery,
  TipTracking,
} from '../../../common/api/tipline.js';
import type { AppContext } from '../../context.js';
import { invalidFields } from '../../errors.js';
import type { App } from '../../http.js';
import { listTipQueue, submitTip, tipFromForm, tipImageUse, trackTip } from './tipline.service.js';

const tags = ['factcheck'];
const security = [{ session: [] }];

export function registerTiplineRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/factcheck/tips',
    {
      // Anyone may ask, so the address is the only brake on a flood; it is not stored or logged.
      config: { anonymousSubmission: true, rateLimit: { max: 10, timeWindow: '10 minutes' } },
      schema: {
        tags,
        summary:
          'Send a message nothing answered to the station (anonymous allowed): JSON, or multipart `stationId`, `text`, optional `image`',
        body: {
          content: {
            'application/json': { schema: SubmitTipBody },
            'multipart/form-data': { schema: Type.Union([SubmitTipBody, Type.Null()]) },
          },
        },
        response: withErrors({ 201: SubmittedTip }),
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        if (request.body === undefined) throw invalidFields('validation.failed', ['text']);
        // The JSON content schema above has checked it (a content map leaves the type open).
        const submitted = await submitTip(ctx, request.actor, request.body as SubmitTipBody);
        return reply.status(201).send(submitted);
      }
      const intake = await ctx.media.receive(request, tipImageUse);
      try {
        const stray = intake.files.find((file) => file.field !== 'image');
        if (stray) throw invalidFields('factcheck.unexpected_file', [stray.field]);
        const submitted = await submitTip(
          ctx,
          request.actor,
          tipFromForm(intake.fields),
          intake.files,
        );
        return await reply.status(201).send(submitted);
      } finally {
        await intake.discard();
      }
    },
  );

  app.get(
    '/api/factcheck/tips/track/:trackingCode',
    {
      config: { anonymousSubmission: true, rateLimit: { max: 30, timeWindow: '10 minutes' } },
      schema: {
        tags,
        summary: 'The sender’s tracking page of a tip (X-Tracking-Secret; wrong → 404)',
        params: TrackingParams,
        headers: TrackingHeaders,
        response: withErrors({ 200: TipTracking }),
      },
    },
    (request) => trackTip(ctx, request.params.trackingCode, request.headers['x-tracking-secret']),
  );

  app.get(
    '/api/factcheck/tip-groups',
    {
      schema: {
        tags,
        summary: 'The tip queue: similar tips grouped, most asked first (officers)',
        security,
        querystring: TipGroupQuery,
        response: withErrors({ 200: TipGroupList }),
      },
    },
    (request) => listTipQueue(ctx, request.actor, request.query),
  );
}
