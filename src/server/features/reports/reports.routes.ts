import { Type } from 'typebox';
import { withErrors } from '../../../common/api/common.js';
import { AlertDraftView } from '../../../common/api/alerts.js';
import {
  ReportClusterList,
  ReportClusterParams,
  ReportDetail,
  ReportIdParams,
  ReportList,
  ReportListQuery,
  ReportMessageBody,
  ReportPhotoParams,
  ReportQueue,
  ReportQueueQuery,
  ReportTextBody,
  ReportTracking,
  ReportView,
  SubmitReportBody,
  SubmitReportForm,
  SubmittedReport,
  TrackingHeaders,
  TrackingParams,
  TrackingPhotoParams,
  UpdateReportBody,
} from '../../../common/api/reports.js';
import { StationIdParams } from '../../../common/api/stations.js';
import type { AppContext } from '../../context.js';
import { invalidFields } from '../../errors.js';
import type { App } from '../../http.js';
import { receiveReportForm } from './reports.intake.js';
import { scheduleReportRetention } from './reports.jobs.js';
import {
  addOfficerText,
  addTipsterMessage,
  draftAlertForCluster,
  findOfficerPhoto,
  findTrackedPhoto,
  getReportDetail,
  listMyReports,
  listReportClusters,
  listReportQueueFor,
  listStationReports,
  submitReport,
  trackReport,
  trackingEtag,
  watchTrackedReport,
  updateReportByOfficer,
} from './reports.service.js';

const tags = ['reports'];
const security = [{ session: [] }];
const photoFile = Type.String({ description: 'The photo (JPEG)' });

/** How long a browser waits before reconnecting a dropped tracking stream. */
const TRACKING_RETRY_MS = 5000;
const TRACKING_HEARTBEAT_MS = 25_000;

export function registerReportRoutes(app: App, ctx: AppContext): void {
  app.addHook('onListen', async () => {
    await scheduleReportRetention(ctx).catch((err: unknown) => {
      ctx.log.error({ err }, 'could not schedule the report retention job');
    });
  });

  app.post(
    '/api/reports',
    {
      // Anyone may report, so the address is the only brake on a flood; it is not stored.
      config: { anonymousSubmission: true, rateLimit: { max: 10, timeWindow: '10 minutes' } },
      schema: {
        tags,
        summary: 'Report something (anonymous allowed): JSON, or multipart with up to 5 photos',
        body: {
          content: {
            'application/json': { schema: SubmitReportBody },
            // Read as a stream in the handler (Fastify sees no body), checked there.
            'multipart/form-data': { schema: Type.Union([SubmitReportForm, Type.Null()]) },
          },
        },
        response: withErrors({ 200: SubmittedReport, 201: SubmittedReport }),
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        // A request without a body (or its type) meets no content schema: nothing to report.
        if (request.body === undefined) throw invalidFields('validation.failed', ['description']);
        // The JSON content schema above has checked it (a content map leaves the type open).
        const input = request.body as SubmitReportBody;
        const { report, created } = await submitReport(ctx, request.actor, input);
        return reply.status(created ? 201 : 200).send(report);
      }
      const { input, intake } = await receiveReportForm(ctx, request);
      let submitted: Awaited<ReturnType<typeof submitReport>>;
      try {
        submitted = await submitReport(ctx, request.actor, input, intake.files);
      } finally {
        // Waits for the photos to reach their keys, so the answer's report shows them at once.
        await intake.discard();
      }
      return reply.status(submitted.created ? 201 : 200).send(submitted.report);
    },
  );

  app.get(
    '/api/reports/track/:trackingCode',
    {
      // Guessing a secret is hopeless at this pace; a wrong one answers 404 like a wrong code.
      config: { anonymousSubmission: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: "A report's timeline, replies and photos, for the holder of its secret",
        params: TrackingParams,
        headers: TrackingHeaders,
        response: withErrors({
          200: ReportTracking,
          304: Type.Null({ description: 'Unchanged since the ETag sent in If-None-Match' }),
        }),
      },
    },
    async (request, reply) => {
      const view = await trackReport(
        ctx,
        request.params.trackingCode,
        request.headers['x-tracking-secret'],
      );
      // A page that polls (when its stream cannot stay open) gets 304 while nothing changed.
      const etag = trackingEtag(view);
      void reply.header('etag', etag).header('cache-control', 'private, no-cache');
      if (request.headers['if-none-match'] === etag) return reply.status(304).send(null);
      return view;
    },
  );

  app.get(
    '/api/reports/track/:trackingCode/events',
    {
      // Reconnects count like lookups: the stream is no faster way to guess a secret.
      config: { anonymousSubmission: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      // A compressing stream would hold events back until its buffer fills.
      compress: false,
      schema: {
        tags,
        summary:
          'The tracking view live (Server-Sent Events, `event: tracking`, `id` its ETag), for the holder of the secret; read with fetch since EventSource cannot send the header',
        params: TrackingParams,
        headers: TrackingHeaders,
        response: withErrors({
          200: Type.String({ description: 'text/event-stream; `data` is a ReportTracking' }),
        }),
      },
    },
    async (request, reply) => {
      const response = reply.raw;
      const send = (view: ReportTracking) =>
        response.write(
          `id: ${trackingEtag(view)}\nevent: tracking\ndata: ${JSON.stringify(view)}\n\n`,
        );
      const watch = await watchTrackedReport(
        ctx,
        request.params.trackingCode,
        request.headers['x-tracking-secret'],
        send,
      );
      reply.hijack();
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-content-type-options': 'nosniff',
      });
      response.socket?.setNoDelay(true);
      response.write(`retry: ${TRACKING_RETRY_MS}\n\n`);
      send(watch.view);
      // A comment now and then keeps proxies and phones from closing an idle stream.
      const heartbeat = setInterval(() => response.write(': \n\n'), TRACKING_HEARTBEAT_MS);
      heartbeat.unref();
      response.on('close', () => {
        clearInterval(heartbeat);
        watch.stop();
      });
    },
  );

  app.post(
    '/api/reports/track/:trackingCode/messages',
    {
      config: { anonymousSubmission: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'The reporter adds information, without revealing who they are',
        params: TrackingParams,
        headers: TrackingHeaders,
        body: ReportMessageBody,
        response: withErrors({ 201: ReportTracking }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addTipsterMessage(
            ctx,
            request.params.trackingCode,
            request.headers['x-tracking-secret'],
            request.body,
          ),
        ),
  );

  app.get(
    '/api/reports/track/:trackingCode/photos/:mediaId',
    {
      config: { anonymousSubmission: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: "A report's photo, for the holder of its secret",
        params: TrackingPhotoParams,
        headers: TrackingHeaders,
        produces: ['image/jpeg', 'image/webp'],
        response: withErrors({ 200: photoFile }),
      },
    },
    async (request, reply) => {
      const file = await findTrackedPhoto(
        ctx,
        request.params.trackingCode,
        request.headers['x-tracking-secret'],
        request.params.mediaId,
      );
      await ctx.media.sendPrivate(reply, file.mediaId, file.key);
      return reply;
    },
  );

  app.get(
    '/api/reports/mine',
    {
      schema: {
        tags,
        summary: '"Laporan saya": the signed-in citizen\'s named reports, with their timelines',
        security,
        response: withErrors({ 200: Type.Object({ items: Type.Array(ReportTracking) }) }),
      },
    },
    async (request) => ({ items: await listMyReports(ctx, request.actor) }),
  );

  app.get(
    '/api/reports',
    {
      schema: {
        tags,
        summary: "The officer's queue over every station they can see, unanswered and oldest first",
        security,
        querystring: ReportQueueQuery,
        response: withErrors({ 200: ReportQueue }),
      },
    },
    (request) => listReportQueueFor(ctx, request.actor, request.query),
  );

  app.get(
    '/api/reports/clusters',
    {
      schema: {
        tags,
        summary:
          'Patterns: reports of one category close in space and time, over the stations the officer sees',
        security,
        response: withErrors({ 200: ReportClusterList }),
      },
    },
    (request) => listReportClusters(ctx, request.actor, request.locale),
  );

  app.post(
    '/api/reports/clusters/:key/alert-draft',
    {
      schema: {
        tags,
        summary:
          "The cluster's alert draft (category, areas, text), stored by the alerts feature and tied to its reports: 201 when made now, 200 when it already existed",
        security,
        params: ReportClusterParams,
        response: withErrors({ 200: AlertDraftView, 201: AlertDraftView }),
      },
    },
    async (request, reply) => {
      const { draft, isNew } = await draftAlertForCluster(ctx, request.actor, request.params.key);
      reply.status(isNew ? 201 : 200);
      return draft;
    },
  );

  app.get(
    '/api/reports/:id',
    {
      schema: {
        tags,
        summary: 'One report with photos, timeline, messages and notes (identity views audited)',
        security,
        params: ReportIdParams,
        response: withErrors({ 200: ReportDetail }),
      },
    },
    (request) => getReportDetail(ctx, request.actor, request.params.id),
  );

  app.get(
    '/api/reports/:id/photos/:mediaId',
    {
      schema: {
        tags,
        summary: "A report's photo, for its station's officers and its named reporter",
        security,
        params: ReportPhotoParams,
        produces: ['image/jpeg', 'image/webp'],
        response: withErrors({ 200: photoFile }),
      },
    },
    async (request, reply) => {
      const file = await findOfficerPhoto(
        ctx,
        request.actor,
        request.params.id,
        request.params.mediaId,
      );
      await ctx.media.sendPrivate(reply, file.mediaId, file.key);
      return reply;
    },
  );

  app.patch(
    '/api/reports/:id',
    {
      schema: {
        tags,
        summary: "Change a report's status, assignee or duplicate link (audited)",
        security,
        params: ReportIdParams,
        body: UpdateReportBody,
        response: withErrors({ 200: ReportView }),
      },
    },
    (request) => updateReportByOfficer(ctx, request.actor, request.params.id, request.body),
  );

  for (const kind of ['reply', 'note'] as const) {
    app.post(
      `/api/reports/:id/${kind === 'reply' ? 'replies' : 'notes'}`,
      {
        schema: {
          tags,
          summary:
            kind === 'reply'
              ? 'Reply to the reporter (shown on their tracking page; audited)'
              : 'An internal note, never shown to the reporter (audited)',
          security,
          params: ReportIdParams,
          body: ReportTextBody,
          response: withErrors({ 201: ReportDetail }),
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await addOfficerText(ctx, request.actor, request.params.id, kind, request.body)),
    );
  }

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
}
