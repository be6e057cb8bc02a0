import { Type } from 'typebox';
import { withErrors } from '../../../common/api/common.js';
import {
  AnswerQuestionBody,
  AskedQuestion,
  AskQuestionBody,
  CreateQaSessionBody,
  FollowView,
  HideQuestionBody,
  MergeQuestionBody,
  QaIdParams,
  QaQuestionList,
  QaQuestionListQuery,
  QaQuestionView,
  QaSessionList,
  QaSessionListQuery,
  QaSessionView,
  StationSlugParams,
  UpdateQaSessionBody,
  VoteCount,
} from '../../../common/api/qa.js';
import type { AppContext } from '../../context.js';
import type { App } from '../../http.js';
import { sendPage } from '../../pages/document.js';
import { renderQaCalendar, renderQaSharePage } from './qa.presenter.js';
import {
  answerQuestion,
  approveQuestion,
  askQuestion,
  closeQaSession,
  createQaSession,
  getQaArchive,
  getQaSession,
  hideQuestion,
  listQaSessionViews,
  listQuestions,
  listUpcomingQaSessions,
  mergeQuestion,
  openQaSession,
  pinQuestion,
  setQaFollow,
  setVote,
  updateQaSessionDetails,
} from './qa.service.js';

const tags = ['qa'];
const security = [{ session: [] }];

export function registerQaRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/qa/sessions',
    {
      schema: {
        tags,
        summary: 'Schedule a Q&A session, or open the station’s standing board (audited)',
        security,
        body: CreateQaSessionBody,
        response: withErrors({ 201: QaSessionView }),
      },
    },
    async (request, reply) => {
      reply.status(201);
      return createQaSession(ctx, request.actor, request.body);
    },
  );

  app.get(
    '/api/qa/sessions',
    {
      schema: {
        tags,
        summary: 'Q&A sessions, newest start first',
        querystring: QaSessionListQuery,
        response: withErrors({ 200: QaSessionList }),
      },
    },
    async (request) => ({ items: await listQaSessionViews(ctx, request.actor, request.query) }),
  );

  app.get(
    '/api/qa/sessions/:id',
    {
      schema: {
        tags,
        summary: 'One Q&A session',
        params: QaIdParams,
        response: withErrors({ 200: QaSessionView }),
      },
    },
    (request) => getQaSession(ctx, request.actor, request.params.id),
  );

  app.patch(
    '/api/qa/sessions/:id',
    {
      schema: {
        tags,
        summary: 'Change a session before it ends (audited)',
        security,
        params: QaIdParams,
        body: UpdateQaSessionBody,
        response: withErrors({ 200: QaSessionView }),
      },
    },
    (request) => updateQaSessionDetails(ctx, request.actor, request.params.id, request.body),
  );

  for (const [boundary, run] of [
    ['open', openQaSession],
    ['close', closeQaSession],
  ] as const) {
    app.post(
      `/api/qa/sessions/:id/${boundary}`,
      {
        schema: {
          tags,
          summary:
            boundary === 'open'
              ? 'Open a session early (audited)'
              : 'Close a session now (audited)',
          security,
          params: QaIdParams,
          response: withErrors({ 200: QaSessionView }),
        },
      },
      (request) => run(ctx, request.actor, request.params.id),
    );
  }

  for (const [method, isFollowing] of [
    ['PUT', true],
    ['DELETE', false],
  ] as const) {
    app.route({
      method,
      url: '/api/qa/sessions/:id/follow',
      schema: {
        tags,
        summary: isFollowing ? 'Be reminded when the session starts' : 'Stop following',
        security,
        params: QaIdParams,
        response: withErrors({ 200: FollowView }),
      },
      handler: (request) => setQaFollow(ctx, request.actor, request.params.id, isFollowing),
    });
  }

  app.post(
    '/api/qa/sessions/:id/questions',
    {
      schema: {
        tags,
        summary: 'Ask a question (a verified account; rate-limited)',
        security,
        params: QaIdParams,
        body: AskQuestionBody,
        response: withErrors({ 201: AskedQuestion }),
      },
    },
    async (request, reply) => {
      reply.status(201);
      return askQuestion(ctx, request.actor, request.params.id, request.body);
    },
  );

  app.get(
    '/api/qa/sessions/:id/questions',
    {
      schema: {
        tags,
        summary: 'Approved questions with answers (moderators may ask for `status=pending`)',
        params: QaIdParams,
        querystring: QaQuestionListQuery,
        response: withErrors({ 200: QaQuestionList }),
      },
    },
    async (request) => ({
      items: await listQuestions(ctx, request.actor, request.params.id, request.query),
    }),
  );

  for (const [method, cast] of [
    ['PUT', true],
    ['DELETE', false],
  ] as const) {
    app.route({
      method,
      url: '/api/qa/questions/:id/vote',
      schema: {
        tags,
        summary: cast ? 'Vote for a question (once per account)' : 'Withdraw your vote',
        security,
        params: QaIdParams,
        response: withErrors({ 200: VoteCount }),
      },
      handler: (request) => setVote(ctx, request.actor, request.params.id, cast),
    });
  }

  const moderation = (summary: string) => ({
    tags,
    summary: `${summary} (moderators and panel officers; audited)`,
    security,
    params: QaIdParams,
    response: withErrors({ 200: QaQuestionView }),
  });
  app.post(
    '/api/qa/questions/:id/approve',
    { schema: moderation('Approve a question') },
    (request) => approveQuestion(ctx, request.actor, request.params.id),
  );
  app.post('/api/qa/questions/:id/pin', { schema: moderation('Pin a question') }, (request) =>
    pinQuestion(ctx, request.actor, request.params.id, true),
  );
  app.post('/api/qa/questions/:id/unpin', { schema: moderation('Unpin a question') }, (request) =>
    pinQuestion(ctx, request.actor, request.params.id, false),
  );
  app.post(
    '/api/qa/questions/:id/hide',
    {
      schema: {
        ...moderation('Hide a question, with a reason its asker sees'),
        body: HideQuestionBody,
      },
    },
    (request) => hideQuestion(ctx, request.actor, request.params.id, request.body.reason),
  );
  app.post(
    '/api/qa/questions/:id/merge',
    {
      schema: { ...moderation('Merge a duplicate into another question'), body: MergeQuestionBody },
    },
    (request) => mergeQuestion(ctx, request.actor, request.params.id, request.body.intoId),
  );
  app.post(
    '/api/qa/questions/:id/answer',
    {
      schema: { ...moderation('Answer, or edit the answer (Markdown)'), body: AnswerQuestionBody },
    },
    (request) => answerQuestion(ctx, request.actor, request.params.id, request.body.body),
  );

  app.get(
    '/feeds/:stationSlug/qa.ics',
    {
      schema: {
        tags,
        summary: 'Upcoming Q&A sessions of a station (iCalendar)',
        params: StationSlugParams,
        response: withErrors({ 200: Type.String() }),
      },
    },
    async (request, reply) => {
      const upcoming = await listUpcomingQaSessions(ctx, request.params.stationSlug);
      return reply
        .type('text/calendar; charset=utf-8')
        .send(renderQaCalendar(ctx.config.publicUrl, upcoming));
    },
  );

  app.get('/tanya/:id', { schema: { hide: true, params: QaIdParams } }, async (request, reply) => {
    const archive = await getQaArchive(ctx, request.actor, request.params.id);
    return sendPage(reply, ...renderQaSharePage(ctx.config.publicUrl, request.locale, archive));
  });
}
