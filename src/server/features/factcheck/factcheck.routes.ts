import { withErrors } from '../../../common/api/common.js';
import {
  ClarificationIdParams,
  ClarificationList,
  ClarificationListQuery,
  ClarificationView,
  CreateClarificationBody,
} from '../../../common/api/factcheck.js';
import type { AppContext } from '../../context.js';
import type { App } from '../../http.js';
import { sendPage } from '../../pages/document.js';
import { renderClarificationPage } from './factcheck.presenter.js';
import {
  createClarification,
  getClarification,
  listClarifications,
  publishClarification,
} from './factcheck.service.js';

const tags = ['factcheck'];
const security = [{ session: [] }];

export function registerFactcheckRoutes(app: App, ctx: AppContext): void {
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
        summary: 'Published clarifications, newest first or by relevance to `q`',
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

  app.get(
    '/k/:id',
    { schema: { hide: true, params: ClarificationIdParams } },
    async (request, reply) => {
      const view = await getClarification(ctx, request.actor, request.params.id);
      return sendPage(reply, ...renderClarificationPage(request.locale, view));
    },
  );
}
