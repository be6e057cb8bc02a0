import type { FastifyReply } from 'fastify';
import { Type, type Static } from 'typebox';
import { withErrors } from '../../../common/api/common.js';
import { StationIdParams } from '../../../common/api/stations.js';
import {
  CaseView,
  FiguresParams,
  ImportQuery,
  ImportResult,
  MonthFigures,
  PutFiguresBody,
  RecordCaseBody,
  SlugParams,
  StatsSummary,
  SummaryQuery,
} from '../../../common/api/stats.js';
import type { Locale } from '../../../common/i18n/index.js';
import type { AppContext } from '../../context.js';
import type { App } from '../../http.js';
import { sendStatsEmbed, sendStatsPage } from './stats-page.presenter.js';
import { toSummaryCsv } from './stats.presenter.js';
import {
  csvTemplate,
  getNationalSummary,
  getStatsPage,
  getStationSummary,
  importFigures,
  putMonthFigures,
  recordCase,
} from './stats.service.js';

const tags = ['stats'];
const security = [{ session: [] }];
/** 100,000 CSV rows are about 3 MB. */
const IMPORT_BODY_LIMIT = 8 * 1024 * 1024;
const CsvText = Type.String({ description: 'text/csv' });
/** `fragment=1`: only the page's content, for the PWA (see stats-page.presenter.ts). */
const PageQuery = Type.Object({
  from: SummaryQuery.properties.from,
  to: SummaryQuery.properties.to,
  fragment: Type.Optional(Type.Literal('1')),
});

export function registerStatsRoutes(app: App, ctx: AppContext): void {
  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT },
    (_request, body, done) => {
      done(null, body);
    },
  );

  app.put(
    '/api/stations/:id/crime-figures/:month',
    {
      schema: {
        tags,
        summary: "Publish a month's crime figures; again with a reason, a public correction",
        security,
        params: FiguresParams,
        body: PutFiguresBody,
        response: withErrors({ 200: MonthFigures }),
      },
    },
    (request) =>
      putMonthFigures(ctx, request.actor, request.params.id, request.params.month, request.body),
  );

  app.post(
    '/api/stations/:id/crime-figures/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Import figures from CSV (month,category,crime_total,crime_cleared): all or nothing',
        security,
        params: StationIdParams,
        querystring: ImportQuery,
        body: CsvText,
        response: withErrors({ 200: ImportResult }),
      },
    },
    (request) =>
      importFigures(ctx, request.actor, request.params.id, request.body, {
        ...(request.query.reason !== undefined ? { reason: request.query.reason } : {}),
        locale: request.locale,
      }),
  );

  app.get(
    '/api/stats/import-template.csv',
    { schema: { tags, summary: 'The CSV import template', response: { 200: CsvText } } },
    async (_request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="siaga-template.csv"')
        .send(csvTemplate(ctx)),
  );

  app.post(
    '/api/stations/:id/crime-cases',
    {
      schema: {
        tags,
        summary: "Record a case; its month's figures are then counted from cases",
        security,
        params: StationIdParams,
        body: RecordCaseBody,
        response: withErrors({ 201: CaseView }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordCase(ctx, request.actor, request.params.id, request.body)),
  );

  app.get(
    '/api/stats/stations/:slug',
    {
      schema: {
        tags,
        summary: 'A station rolled up over the stations below it (?format=csv for CSV)',
        params: SlugParams,
        querystring: SummaryQuery,
        response: withErrors({ 200: Type.Union([StatsSummary, CsvText]) }),
      },
    },
    async (request, reply) => {
      const summary = await getStationSummary(ctx, request.params.slug, request.query);
      return request.query.format === 'csv'
        ? sendCsv(reply, summary, request.params.slug)
        : summary;
    },
  );

  app.get(
    '/api/stats/national',
    {
      schema: {
        tags,
        summary: 'The whole country (?format=csv for CSV)',
        querystring: SummaryQuery,
        response: withErrors({ 200: Type.Union([StatsSummary, CsvText]) }),
      },
    },
    async (request, reply) => {
      const summary = await getNationalSummary(ctx, request.query);
      return request.query.format === 'csv' ? sendCsv(reply, summary, 'national') : summary;
    },
  );

  const page = async (
    request: { query: Static<typeof PageQuery>; locale: Locale },
    reply: FastifyReply,
    slug: string | undefined,
  ) =>
    sendStatsPage(ctx, reply, await getStatsPage(ctx, slug, request.query), {
      locale: request.locale,
      isFragment: request.query.fragment === '1',
    });
  app.get('/statistik', { schema: { hide: true, querystring: PageQuery } }, (request, reply) =>
    page(request, reply, undefined),
  );
  app.get(
    '/statistik/:slug',
    { schema: { hide: true, params: SlugParams, querystring: PageQuery } },
    (request, reply) => page(request, reply, request.params.slug),
  );
  app.get(
    '/embed/statistik/:slug',
    { schema: { hide: true, params: SlugParams, querystring: PageQuery } },
    async (request, reply) =>
      sendStatsEmbed(
        ctx,
        reply,
        await getStatsPage(ctx, request.params.slug, request.query),
        request.locale,
      ),
  );
}

function sendCsv(reply: FastifyReply, summary: StatsSummary, name: string) {
  return reply
    .type('text/csv; charset=utf-8')
    .header(
      'content-disposition',
      `attachment; filename="statistik-${name}-${summary.from}-${summary.to}.csv"`,
    )
    .send(toSummaryCsv(summary));
}
