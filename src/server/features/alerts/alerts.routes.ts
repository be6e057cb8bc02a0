import { Type } from 'typebox';
import {
  AlertDelivery,
  AlertDraftContent,
  AlertDraftList,
  AlertDraftListQuery,
  AlertDraftView,
  AlertIdParams,
  AlertList,
  AlertListQuery,
  AlertPreview,
  AlertView,
  CancelAlertBody,
  IssueAlertBody,
  PreviewAlertBody,
  RejectAlertBody,
  UpdateAlertBody,
} from '../../../common/api/alerts.js';
import { withErrors } from '../../../common/api/common.js';
import type { AppContext } from '../../context.js';
import type { App } from '../../http.js';
import { ATOM_CONTENT_TYPE } from '../../standards/atom.js';
import { CAP_CONTENT_TYPE } from '../../standards/cap.js';
import {
  approveAlert,
  cancelAlert,
  discardAlertDraft,
  getAlert,
  getAlertDraft,
  getAlertCap,
  getAlertDelivery,
  issueAlert,
  issueAlertDraft,
  listAlertDrafts,
  listAlerts,
  previewAlertTarget,
  rejectAlert,
  renderAlertsFeed,
  saveAlertDraft,
  updateAlert,
} from './alerts.service.js';
import { registerAlertPages } from './alerts.pages.js';

const tags = ['alerts'];
const Xml = Type.String();

export function registerAlertRoutes(app: App, ctx: AppContext): void {
  registerAlertDraftRoutes(app, ctx);

  app.post(
    '/api/alerts',
    {
      schema: {
        tags,
        summary: 'Issue a geo-targeted alert (suspect alerts wait for a second officer)',
        body: IssueAlertBody,
        response: withErrors({ 201: AlertView }),
      },
    },
    async (request, reply) => {
      reply.status(201);
      return issueAlert(ctx, request.actor, request.body);
    },
  );

  app.post(
    '/api/alerts/preview',
    {
      schema: {
        tags,
        summary: 'Resolve a target without issuing anything',
        body: PreviewAlertBody,
        response: withErrors({ 200: AlertPreview }),
      },
    },
    (request) => previewAlertTarget(ctx, request.actor, request.body),
  );

  app.get(
    '/api/alerts',
    {
      schema: {
        tags,
        summary: 'List published alerts; active=1 for live ones, area=<code> for those reaching it',
        querystring: AlertListQuery,
        response: withErrors({ 200: AlertList }),
      },
    },
    (request) => listAlerts(ctx, request.actor, request.query),
  );

  app.get(
    '/api/alerts/:id',
    {
      schema: {
        tags,
        summary: 'One alert message',
        params: AlertIdParams,
        response: withErrors({ 200: AlertView }),
      },
    },
    (request) => getAlert(ctx, request.actor, request.params.id),
  );

  app.get(
    '/api/alerts/:id/cap.xml',
    {
      schema: {
        tags,
        summary: 'The alert as an OASIS CAP 1.2 document',
        params: AlertIdParams,
        produces: [CAP_CONTENT_TYPE],
        response: withErrors({ 200: Xml }),
      },
    },
    async (request, reply) => {
      const xml = await getAlertCap(ctx, request.actor, request.params.id);
      return reply.type(`${CAP_CONTENT_TYPE}; charset=utf-8`).send(xml);
    },
  );

  app.get(
    '/api/alerts/:id/delivery',
    {
      schema: {
        tags,
        summary: "Delivery figures of one message per channel (the station's officers)",
        params: AlertIdParams,
        response: withErrors({ 200: AlertDelivery }),
      },
    },
    (request) => getAlertDelivery(ctx, request.actor, request.params.id),
  );

  const change = (summary: string, status: 200 | 201) => ({
    tags,
    summary,
    params: AlertIdParams,
    response: withErrors({ [status]: AlertView }),
  });

  app.post(
    '/api/alerts/:id/update',
    {
      schema: {
        ...change('Issue a CAP Update to the same recipients', 201),
        body: UpdateAlertBody,
      },
    },
    async (request, reply) => {
      reply.status(201);
      return updateAlert(ctx, request.actor, request.params.id, request.body);
    },
  );

  app.post(
    '/api/alerts/:id/cancel',
    {
      // Everything in a Cancel is optional, so a request without any body is fine too.
      preValidation: (request, _reply, done) => {
        request.body ??= {};
        done();
      },
      schema: {
        ...change('Issue a CAP Cancel to the same recipients', 201),
        body: CancelAlertBody,
      },
    },
    async (request, reply) => {
      reply.status(201);
      return cancelAlert(ctx, request.actor, request.params.id, request.body);
    },
  );

  app.post(
    '/api/alerts/:id/approve',
    { schema: change('Approve (and send) an alert awaiting a second officer', 200) },
    (request) => approveAlert(ctx, request.actor, request.params.id),
  );

  app.post(
    '/api/alerts/:id/reject',
    { schema: { ...change('Reject an alert awaiting approval', 200), body: RejectAlertBody } },
    (request) => rejectAlert(ctx, request.actor, request.params.id, request.body),
  );

  app.get(
    '/feeds/alerts.atom',
    {
      schema: {
        tags,
        summary: 'Atom index of active alerts (CAP)',
        response: withErrors({ 200: Xml }),
      },
    },
    async (_request, reply) => reply.type(ATOM_CONTENT_TYPE).send(await renderAlertsFeed(ctx, {})),
  );

  app.get(
    '/feeds/stations/:slug/alerts.atom',
    {
      schema: {
        tags,
        summary: "Atom index of a station's active alerts (CAP)",
        params: Type.Object({ slug: Type.String({ minLength: 1 }) }),
        response: withErrors({ 200: Xml }),
      },
    },
    async (request, reply) =>
      reply
        .type(ATOM_CONTENT_TYPE)
        .send(await renderAlertsFeed(ctx, { stationSlug: request.params.slug })),
  );

  registerAlertPages(app, ctx);
}

/** Stored drafts (made from a cluster of reports): the station's officers open, edit, issue or discard them. */
function registerAlertDraftRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/alerts/drafts',
    {
      schema: {
        tags,
        summary: 'Open alert drafts of a station and the stations below it (its officers)',
        querystring: AlertDraftListQuery,
        response: withErrors({ 200: AlertDraftList }),
      },
    },
    (request) => listAlertDrafts(ctx, request.actor, request.query),
  );

  app.get(
    '/api/alerts/drafts/:id',
    {
      schema: {
        tags,
        summary: 'One alert draft, in any state',
        params: AlertIdParams,
        response: withErrors({ 200: AlertDraftView }),
      },
    },
    (request) => getAlertDraft(ctx, request.actor, request.params.id),
  );

  app.put(
    '/api/alerts/drafts/:id',
    {
      schema: {
        tags,
        summary: 'Save the edits of an open draft (audited)',
        params: AlertIdParams,
        body: AlertDraftContent,
        response: withErrors({ 200: AlertDraftView }),
      },
    },
    (request) => saveAlertDraft(ctx, request.actor, request.params.id, request.body),
  );

  app.post(
    '/api/alerts/drafts/:id/issue',
    {
      schema: {
        tags,
        summary: 'Issue an open draft as edited, for its station; the draft closes',
        params: AlertIdParams,
        body: AlertDraftContent,
        response: withErrors({ 201: AlertView }),
      },
    },
    async (request, reply) => {
      reply.status(201);
      return issueAlertDraft(ctx, request.actor, request.params.id, request.body);
    },
  );

  app.post(
    '/api/alerts/drafts/:id/discard',
    {
      schema: {
        tags,
        summary: 'Discard an open draft (audited); its records may be drafted anew',
        params: AlertIdParams,
        response: withErrors({ 200: AlertDraftView }),
      },
    },
    (request) => discardAlertDraft(ctx, request.actor, request.params.id),
  );
}
