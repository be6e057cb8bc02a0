import { Type } from 'typebox';
import {
  AnnouncedWinners,
  ContestEntryList,
  ContestEntryListQuery,
  ContestEntryParams,
  ContestIdParams,
  ContestIntegrityReport,
  ContestJudgeList,
  ContestJudgeParams,
  ContestJudgeView,
  ContestList,
  ContestListQuery,
  ContestMediaParams,
  ContestResults,
  ContestScoreBoard,
  ContestView,
  ContestVoteView,
  CreateContestBody,
  CreatedEntry,
  RejectEntryBody,
  ScoreBody,
  ScoreView,
  VoidedVotes,
  VoidVotesBody,
} from '../../../common/api/contests.js';
import { withErrors } from '../../../common/api/common.js';
import type { AppContext } from '../../context.js';
import type { App } from '../../http.js';
import { defineMediaUse, IMAGE_KINDS } from '../../media/media-use.js';
import { orNotFound, pageLocale, sendNotFoundPage, sendPage } from '../../pages/document.js';
import { contestPagePath } from '../../../common/domain/contests.js';
import { translate } from '../../../common/i18n/index.js';
import { renderContestPage } from './contests.presenter.js';
import {
  advanceContest,
  announceWinners,
  assertMaySeeEntryMedia,
  assertMayEnter,
  buildIntegrityReport,
  castVote,
  createContest,
  exportContestCsv,
  getContest,
  getContestPage,
  getResults,
  getScoreBoard,
  inviteJudge,
  listContestViews,
  listEntryViews,
  listJudges,
  moderateEntry,
  scoreEntry,
  submitEntry,
  voidContestVotes,
  withdrawVote,
} from './contests.service.js';

const tags = ['contests'];
const security = [{ session: [] }];

/** Images in `images`, or one PDF in `document`. */
const CONTEST_ENTRY_FILES = defineMediaUse('contest.entry', {
  maxFiles: 4,
  allowedKinds: [...IMAGE_KINDS, 'pdf'],
});

export function registerContestRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/contests',
    {
      schema: {
        tags,
        summary: 'Create a contest with its rubric, weights and phase dates (audited)',
        security,
        body: CreateContestBody,
        response: withErrors({ 201: ContestView }),
      },
    },
    async (request, reply) => {
      reply.status(201);
      return createContest(ctx, request.actor, request.body);
    },
  );

  app.get(
    '/api/contests',
    {
      schema: {
        tags,
        summary: 'Contests, newest first, each with the phase in force',
        querystring: ContestListQuery,
        response: withErrors({ 200: ContestList }),
      },
    },
    async (request) => ({
      items: await listContestViews(ctx, request.actor, request.query.station),
    }),
  );

  app.get(
    '/api/contests/:id',
    {
      schema: {
        tags,
        summary: 'One contest with the phase in force',
        params: ContestIdParams,
        response: withErrors({ 200: ContestView }),
      },
    },
    (request) => getContest(ctx, request.actor, request.params.id),
  );

  app.post(
    '/api/contests/:id/advance',
    {
      schema: {
        tags,
        summary: 'End the current phase now (organisers; audited)',
        security,
        params: ContestIdParams,
        response: withErrors({ 200: ContestView }),
      },
    },
    (request) => advanceContest(ctx, request.actor, request.params.id),
  );

  app.post(
    '/api/contests/:id/entries',
    {
      schema: {
        tags,
        summary:
          'Send an entry (multipart: title, description, category, teamMembers; files `images` or one `document` PDF)',
        security,
        params: ContestIdParams,
        response: withErrors({ 201: CreatedEntry }),
      },
    },
    async (request, reply) => {
      // Refuse before reading any file: the phase, the account and its eligibility.
      await assertMayEnter(ctx, request.actor, request.params.id);
      const intake = await ctx.media.receive(request, CONTEST_ENTRY_FILES);
      try {
        const created = await submitEntry(ctx, request.actor, request.params.id, intake);
        return await reply.status(201).send(created);
      } finally {
        await intake.discard();
      }
    },
  );

  app.get(
    '/api/contests/:id/entries',
    {
      schema: {
        tags,
        summary: 'Approved entries (and the caller’s own); organisers may ask for other statuses',
        params: ContestIdParams,
        querystring: ContestEntryListQuery,
        response: withErrors({ 200: ContestEntryList }),
      },
    },
    async (request) => ({
      items: await listEntryViews(ctx, request.actor, request.params.id, request.query),
    }),
  );

  app.get(
    '/api/contests/:id/entries/:entryId/media/:mediaId/:key',
    { schema: { tags, summary: 'A file of an entry', params: ContestMediaParams } },
    async (request, reply) => {
      const { id, entryId, mediaId, key } = request.params;
      await assertMaySeeEntryMedia(ctx, request.actor, id, entryId, mediaId);
      await ctx.media.sendPrivate(reply, mediaId, key);
      return reply;
    },
  );

  app.post(
    '/api/contests/:id/entries/:entryId/approve',
    {
      schema: {
        tags,
        summary: 'Approve an entry: it becomes public (audited)',
        security,
        params: ContestEntryParams,
        response: withErrors({ 200: CreatedEntry }),
      },
    },
    (request) =>
      moderateEntry(ctx, request.actor, request.params.id, request.params.entryId, {
        approve: true,
      }),
  );

  app.post(
    '/api/contests/:id/entries/:entryId/reject',
    {
      schema: {
        tags,
        summary: 'Refuse an entry with a reason its author is told (audited)',
        security,
        params: ContestEntryParams,
        body: RejectEntryBody,
        response: withErrors({ 200: CreatedEntry }),
      },
    },
    (request) =>
      moderateEntry(ctx, request.actor, request.params.id, request.params.entryId, {
        approve: false,
        reason: request.body.reason,
      }),
  );

  for (const [method, cast] of [
    ['PUT', true],
    ['DELETE', false],
  ] as const) {
    app.route({
      method,
      url: '/api/contests/:id/entries/:entryId/vote',
      schema: {
        tags,
        summary: cast
          ? 'Vote for an entry during voting (409 contest.vote_limit past the limit)'
          : 'Withdraw your vote during voting',
        security,
        params: ContestEntryParams,
        response: withErrors({ 200: ContestVoteView }),
      },
      handler: (request) =>
        cast
          ? castVote(ctx, request.actor, request.params.id, request.params.entryId, request.ip)
          : withdrawVote(ctx, request.actor, request.params.id, request.params.entryId),
    });
  }

  app.get(
    '/api/contests/:id/integrity',
    {
      schema: {
        tags,
        summary: 'Bursts of new accounts and votes from one network (organisers)',
        security,
        params: ContestIdParams,
        response: withErrors({ 200: ContestIntegrityReport }),
      },
    },
    (request) => buildIntegrityReport(ctx, request.actor, request.params.id),
  );

  app.post(
    '/api/contests/:id/votes/void',
    {
      schema: {
        tags,
        summary: 'Void votes, with the reason (organisers; audited)',
        security,
        params: ContestIdParams,
        body: VoidVotesBody,
        response: withErrors({ 200: VoidedVotes }),
      },
    },
    (request) => voidContestVotes(ctx, request.actor, request.params.id, request.body),
  );

  app.get(
    '/api/contests/:id/judges',
    {
      schema: {
        tags,
        summary: 'The jury (organisers)',
        security,
        params: ContestIdParams,
        response: withErrors({ 200: ContestJudgeList }),
      },
    },
    async (request) => ({ items: await listJudges(ctx, request.actor, request.params.id) }),
  );

  app.put(
    '/api/contests/:id/judges/:accountId',
    {
      schema: {
        tags,
        summary: 'Put an account on this contest’s jury (organisers; audited)',
        security,
        params: ContestJudgeParams,
        response: withErrors({ 200: ContestJudgeView }),
      },
    },
    (request) => inviteJudge(ctx, request.actor, request.params.id, request.params.accountId),
  );

  app.put(
    '/api/contests/:id/entries/:entryId/score',
    {
      schema: {
        tags,
        summary: 'Score an entry on every criterion, 0–10 (a judge, during judging)',
        security,
        params: ContestEntryParams,
        body: ScoreBody,
        response: withErrors({ 200: ScoreView }),
      },
    },
    (request) =>
      scoreEntry(
        ctx,
        request.actor,
        request.params.id,
        request.params.entryId,
        request.body.scores,
      ),
  );

  app.get(
    '/api/contests/:id/scores',
    {
      schema: {
        tags,
        summary: 'Jury scores: each judge only their own until judging closes',
        params: ContestIdParams,
        response: withErrors({ 200: ContestScoreBoard }),
      },
    },
    (request) => getScoreBoard(ctx, request.actor, request.params.id),
  );

  app.get(
    '/api/contests/:id/results',
    {
      schema: {
        tags,
        summary: 'The final ranking (after judging)',
        params: ContestIdParams,
        response: withErrors({ 200: ContestResults }),
      },
    },
    (request) => getResults(ctx, request.params.id),
  );

  app.get(
    '/api/contests/:id/export.csv',
    {
      schema: {
        tags,
        summary:
          'Entries with valid votes and, after judging, jury scores and rank, as CSV (organisers; audited)',
        security,
        params: ContestIdParams,
        response: withErrors({ 200: Type.String({ description: 'text/csv' }) }),
      },
    },
    async (request, reply) => {
      const csv = await exportContestCsv(ctx, request.actor, request.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="lomba-${request.params.id.replace(/[^\w-]/g, '')}.csv"`,
        )
        .send(csv);
    },
  );

  app.post(
    '/api/contests/:id/announce',
    {
      schema: {
        tags,
        summary: 'Announce the winners as a published station post, once (organisers; audited)',
        security,
        params: ContestIdParams,
        response: withErrors({ 200: AnnouncedWinners }),
      },
    },
    (request) => announceWinners(ctx, request.actor, request.params.id),
  );

  app.get('/c/:id', { schema: { hide: true, params: ContestIdParams } }, async (request, reply) => {
    const locale = pageLocale(request);
    const page = await orNotFound(() => getContestPage(ctx, request.actor, request.params.id));
    if (!page) {
      return sendNotFoundPage(reply, {
        locale,
        url: `${ctx.config.publicUrl}${contestPagePath(request.params.id)}`,
        message: translate(locale, 'contests.page.not_found'),
        back: { href: '/lomba', text: translate(locale, 'contests.page.back') },
      });
    }
    return sendPage(reply, ...renderContestPage(ctx.config.publicUrl, locale, page));
  });
}
