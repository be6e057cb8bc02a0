import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import type { FastifyReply } from 'fastify';
import type { StatsSummary } from '../../../common/api/stats.js';
import {
  clearanceRate,
  crimeCategoryLabel as categoryLabel,
} from '../../../common/domain/stats.js';
import {
  translate,
  type Locale,
  type MessageKey,
  type MessageParams,
} from '../../../common/i18n/index.js';
import type { AppContext } from '../../context.js';
import { renderDocument, sendPage, type PageMeta } from '../../pages/document.js';
import { html, type SafeHtml } from '../../pages/html.js';
import type { StatsPage } from './stats.service.js';

type T = (key: MessageKey, params?: MessageParams) => string;

const CHART_WIDTH = 360;
const CHART_HEIGHT = 200;
const PAD = { top: 10, right: 8, bottom: 24, left: 34 };
/** About this many grid lines; d3 picks round values near it. */
const TICKS = 4;

function formatters(locale: Locale) {
  const tag = locale === 'id' ? 'id-ID' : 'en-GB';
  const number = new Intl.NumberFormat(tag);
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 });
  const month = new Intl.DateTimeFormat(tag, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return {
    count: (n: number) => number.format(n),
    /** "—" when nothing was reported: CC/CT has no value then. */
    rate: (r: number | null) => (r === null ? '—' : percent.format(r)),
    month: (m: string) => month.format(new Date(`${m}-01T00:00:00Z`)),
    hours: (h: number | null, t: T) =>
      h === null ? '—' : t('stats.page.hours', { hours: number.format(Math.round(h * 10) / 10) }),
  };
}

/** The monthly trend: CT and CC as two lines, last year's CT dashed; the table beside says it all. */
function trendChart(summary: StatsSummary, lastYear: StatsSummary, t: T): SafeHtml {
  const months = summary.byMonth;
  const highest = Math.max(
    1,
    ...months.map((m) => m.crimeTotal),
    ...lastYear.byMonth.map((m) => m.crimeTotal),
  );
  // d3 draws the scales and paths as strings: the chart costs the phone no script at all.
  const y = scaleLinear()
    .domain([0, highest])
    .nice(TICKS)
    .range([CHART_HEIGHT - PAD.bottom, PAD.top]);
  const x = scalePoint<number>()
    .domain(months.map((_, i) => i))
    .range([PAD.left, CHART_WIDTH - PAD.right])
    .align(0.5);
  const path = line<number>()
    .x((_, i) => Math.round((x(i) ?? PAD.left) * 10) / 10)
    .y((v) => Math.round(y(v) * 10) / 10);
  const every = Math.max(1, Math.ceil(months.length / 4));
  return html`<svg
      class="stats-chart"
      viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}"
      role="img"
      aria-label="${t('stats.page.trend')}"
    >
      ${y
        .ticks(TICKS)
        .map(
          (v) =>
            html`<line
                x1="${PAD.left}"
                x2="${CHART_WIDTH - PAD.right}"
                y1="${y(v)}"
                y2="${y(v)}"
                class="grid"
              />
              <text x="${PAD.left - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`,
        )}
      ${months.map((m, i) =>
        i % every === 0
          ? html`<text x="${x(i) ?? PAD.left}" y="${CHART_HEIGHT - 8}" text-anchor="middle">
              ${m.month}
            </text>`
          : '',
      )}
      <path d="${path(lastYear.byMonth.map((m) => m.crimeTotal)) ?? ''}" class="series last-year" />
      <path d="${path(months.map((m) => m.crimeTotal)) ?? ''}" class="series total" />
      <path d="${path(months.map((m) => m.crimeCleared)) ?? ''}" class="series cleared" />
    </svg>
    <p class="legend">
      <span class="key total"></span>${t('stats.page.crime_total')}
      <span class="key cleared"></span>${t('stats.page.crime_cleared')}
      <span class="key last-year"></span>${t('stats.page.last_year')}
    </p>`;
}

/** Horizontal bars by category: CT, with the cleared part filled darker. */
function categoryBars(summary: StatsSummary, t: T): SafeHtml {
  const width = scaleLinear()
    .domain([0, Math.max(1, ...summary.byCategory.map((c) => c.crimeTotal))])
    .nice()
    .range([0, 100]);
  return html`<div class="stats-bars" aria-hidden="true">
    ${summary.byCategory.map(
      (c) =>
        html`<div class="bar-row">
          <span class="bar-label">${categoryLabel(t, c.category)}</span>
          <span class="bar-track"
            ><span class="bar total" style="width:${width(c.crimeTotal).toFixed(1)}%"
              ><span
                class="bar cleared"
                style="width:${c.crimeTotal === 0 ? 0 : ((c.crimeCleared / c.crimeTotal) * 100).toFixed(1)}%"
              ></span></span
          ></span>
        </div>`,
    )}
  </div>`;
}

function headline(
  summary: StatsSummary,
  lastYear: StatsSummary,
  t: T,
  f: ReturnType<typeof formatters>,
): SafeHtml {
  return html`<dl class="stats-headline">
    <div>
      <dt>${t('stats.page.crime_total')}</dt>
      <dd>${f.count(summary.crimeTotal)}</dd>
      <dd class="muted">${t('stats.page.last_year')}: ${f.count(lastYear.crimeTotal)}</dd>
    </div>
    <div>
      <dt>${t('stats.page.crime_cleared')}</dt>
      <dd>${f.count(summary.crimeCleared)}</dd>
      <dd class="muted">${t('stats.page.last_year')}: ${f.count(lastYear.crimeCleared)}</dd>
    </div>
    <div>
      <dt>${t('stats.page.clearance_rate')}</dt>
      <dd>${f.rate(summary.clearanceRate)}</dd>
      <dd class="muted">${t('stats.page.last_year')}: ${f.rate(lastYear.clearanceRate)}</dd>
    </div>
  </dl>`;
}

/** A table with a caption, a header row and rows whose first cell heads the row. */
function statsTable(
  caption: string,
  headers: string[],
  rows: Array<Array<string | number>>,
): SafeHtml {
  return html`<table class="stats-table">
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        ${headers.map((h) => html`<th scope="col">${h}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        ([head, ...cells]) =>
          html`<tr>
            <th scope="row">${head}</th>
            ${cells.map((cell) => html`<td>${cell}</td>`)}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function monthTable(
  summary: StatsSummary,
  lastYear: StatsSummary,
  t: T,
  f: ReturnType<typeof formatters>,
): SafeHtml {
  return statsTable(
    t('stats.page.trend'),
    [
      t('stats.page.month'),
      'CT',
      'CC',
      'CC/CT',
      `${t('stats.page.last_year')} (CT)`,
      t('stats.page.source'),
    ],
    summary.byMonth.map((m, i) => [
      f.month(m.month),
      f.count(m.crimeTotal),
      f.count(m.crimeCleared),
      f.rate(clearanceRate(m.crimeTotal, m.crimeCleared)),
      f.count(lastYear.byMonth[i]?.crimeTotal ?? 0),
      t(`stats.page.source.${m.source}`),
    ]),
  );
}

function categoryTable(summary: StatsSummary, t: T, f: ReturnType<typeof formatters>): SafeHtml {
  return statsTable(
    t('stats.page.by_category'),
    [t('stats.page.category'), 'CT', 'CC', 'CC/CT'],
    summary.byCategory.map((c) => [
      categoryLabel(t, c.category),
      f.count(c.crimeTotal),
      f.count(c.crimeCleared),
      f.rate(c.clearanceRate),
    ]),
  );
}

function responsivenessList(
  summary: StatsSummary,
  t: T,
  f: ReturnType<typeof formatters>,
): SafeHtml {
  const { reports, alerts } = summary.responsiveness;
  return html`<section>
    <h2>${t('stats.page.responsiveness')}</h2>
    <dl class="stats-facts">
      <div>
        <dt>${t('stats.page.reports_received')}</dt>
        <dd>${f.count(reports.received)}</dd>
      </div>
      <div>
        <dt>${t('stats.page.first_response')}</dt>
        <dd>${f.hours(reports.medianHoursToFirstResponse, t)}</dd>
      </div>
      <div>
        <dt>${t('stats.page.resolution')}</dt>
        <dd>${f.hours(reports.medianHoursToResolution, t)}</dd>
      </div>
      <div>
        <dt>${t('stats.page.resolved_share')}</dt>
        <dd>${f.rate(reports.resolvedShare)}</dd>
      </div>
      <div>
        <dt>${t('stats.page.alerts_issued')}</dt>
        <dd>${f.count(alerts.issued)}</dd>
      </div>
    </dl>
  </section>`;
}

function correctionsList(
  summary: StatsSummary,
  t: T,
  f: ReturnType<typeof formatters>,
  locale: Locale,
): SafeHtml {
  const date = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    dateStyle: 'medium',
    timeZone: 'Asia/Jakarta',
  });
  return html`<section>
    <h2>${t('stats.page.corrections')}</h2>
    ${
      summary.corrections.length === 0
        ? html`<p class="muted">${t('stats.page.no_corrections')}</p>`
        : html`<table class="stats-table">
            <thead>
              <tr>
                <th scope="col">${t('stats.page.month')}</th>
                <th scope="col">${t('stats.page.station')}</th>
                <th scope="col">${t('stats.page.corrected_at')}</th>
                <th scope="col">${t('stats.page.reason')}</th>
              </tr>
            </thead>
            <tbody>
              ${summary.corrections.map(
                (c) =>
                  html`<tr>
                    <td>${f.month(c.month)}</td>
                    <td>${c.station.name}</td>
                    <td>
                      <time datetime="${c.correctedAt}"
                        >${date.format(new Date(c.correctedAt))}</time
                      >
                    </td>
                    <td>${c.reason}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
  </section>`;
}

function apiPath(summary: StatsSummary): string {
  return summary.station
    ? `/api/stats/stations/${encodeURIComponent(summary.station.slug)}`
    : '/api/stats/national';
}

function titleOf(summary: StatsSummary, t: T): string {
  return t('stats.page.title', { name: summary.station?.name ?? t('stats.page.national') });
}

function metaFor(ctx: AppContext, page: StatsPage, locale: Locale, path: string): PageMeta {
  const t: T = (key, params) => translate(locale, key, params);
  const f = formatters(locale);
  const { summary } = page;
  return {
    title: titleOf(summary, t),
    description: t('stats.page.description', {
      name: summary.station?.name ?? t('stats.page.national'),
      from: f.month(summary.from),
      to: f.month(summary.to),
      total: f.count(summary.crimeTotal),
      cleared: f.count(summary.crimeCleared),
      rate: f.rate(summary.clearanceRate),
    }),
    url: `${ctx.config.publicUrl}${path}`,
    locale,
    jsonLd: [
      {
        '@context': 'https://schema.org',
        '@type': 'Dataset',
        name: titleOf(summary, t),
        temporalCoverage: `${summary.from}/${summary.to}`,
        distribution: [
          {
            '@type': 'DataDownload',
            encodingFormat: 'text/csv',
            contentUrl: `${ctx.config.publicUrl}${apiPath(summary)}?from=${summary.from}&to=${summary.to}&format=csv`,
          },
          {
            '@type': 'DataDownload',
            encodingFormat: 'application/json',
            contentUrl: `${ctx.config.publicUrl}${apiPath(summary)}?from=${summary.from}&to=${summary.to}`,
          },
        ],
      },
    ],
  };
}

/**
 * The whole dashboard: numbers first, each chart with its table, readable without scripts.
 * JSON and the widget open in a new tab: inside the PWA its router would take them for pages.
 */
export function renderStatsBody(page: StatsPage, locale: Locale, path: string): SafeHtml {
  const t: T = (key, params) => translate(locale, key, params);
  const f = formatters(locale);
  const { summary, lastYear } = page;
  const query = `?from=${summary.from}&to=${summary.to}`;
  return html`<article class="stats-page">
    <nav class="muted">
      <a href="/statistik">${t('stats.page.national')}</a
      >${summary.station ? html` › ${summary.station.name}` : ''}
    </nav>
    <h1>${titleOf(summary, t)}</h1>
    <form class="stats-period" method="get" action="${path}">
      <fieldset>
        <legend>${t('stats.page.period')}</legend>
        <label
          >${t('stats.page.from')} <input type="month" name="from" value="${summary.from}" required
        /></label>
        <label
          >${t('stats.page.to')} <input type="month" name="to" value="${summary.to}" required
        /></label>
        <button class="button" type="submit">${t('stats.page.show')}</button>
      </fieldset>
    </form>
    <p class="note" role="note">${t('stats.page.note')}</p>
    ${headline(summary, lastYear, t, f)}
    <section>
      <h2>${t('stats.page.trend')}</h2>
      ${trendChart(summary, lastYear, t)}${monthTable(summary, lastYear, t, f)}
    </section>
    <section>
      <h2>${t('stats.page.by_category')}</h2>
      ${categoryBars(summary, t)}${categoryTable(summary, t, f)}
    </section>
    ${responsivenessList(summary, t, f)} ${correctionsList(summary, t, f, locale)}
    ${
      page.below.length > 0
        ? html`<section>
            <h2>${t('stats.page.below')}</h2>
            <ul class="stats-below">
              ${page.below.map(
                (s) => html`<li><a href="/statistik/${s.slug}${query}">${s.name}</a></li>`,
              )}
            </ul>
          </section>`
        : ''
    }
    <section>
      <h2>${t('stats.page.downloads')}</h2>
      <p>
        <a href="${`${apiPath(summary)}${query}&format=csv`}" download>CSV</a> ·
        <a href="${apiPath(summary)}${query}" target="_blank" rel="noopener">JSON</a>
        ${summary.station ? html` · <a href="/embed/statistik/${summary.station.slug}${query}" target="_blank" rel="noopener">${t('stats.page.embed')}</a>` : ''}
      </p>
    </section>
  </article>`;
}

/**
 * `/statistik[/:slug]`: the whole page through the PWA shell; `?fragment=1` only the content,
 * which the PWA shows when it navigates there itself (one renderer for both).
 */
export function sendStatsPage(
  ctx: AppContext,
  reply: FastifyReply,
  page: StatsPage,
  options: { locale: Locale; isFragment: boolean },
): FastifyReply {
  const { locale } = options;
  const path = page.summary.station
    ? `/statistik/${encodeURIComponent(page.summary.station.slug)}`
    : '/statistik';
  const body = renderStatsBody(page, locale, path);
  if (options.isFragment) {
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(body.value);
  }
  return sendPage(reply, metaFor(ctx, page, locale, path), body);
}

/** A bare document for the widget: no PWA scripts (it lives in someone else's page). */
const EMBED_SHELL = `<!doctype html><html lang="id"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>Siaga</title><style>
body{font:14px/1.4 system-ui,sans-serif;margin:8px;color:#1a1a1a}table{border-collapse:collapse;width:100%}th,td{padding:2px 4px;border-bottom:1px solid #ddd;text-align:right}th[scope=row]{text-align:left}
.stats-chart{width:100%;height:auto}.stats-chart text{font-size:11px;fill:#555}.grid{stroke:#e5e5e5}.series{fill:none;stroke-width:2}.series.total{stroke:#1d4ed8}.series.cleared{stroke:#15803d}.series.last-year{stroke:#9ca3af;stroke-dasharray:4 3}
.key{display:inline-block;width:10px;height:10px;margin:0 4px 0 8px}.key.total{background:#1d4ed8}.key.cleared{background:#15803d}.key.last-year{background:#9ca3af}.note{font-size:12px;color:#555}</style></head><body><div id="app"></div></body></html>`;

/** `/embed/statistik/:slug`: headline, trend and its table, framable by any https site. */
export function sendStatsEmbed(
  ctx: AppContext,
  reply: FastifyReply,
  page: StatsPage,
  locale: Locale,
): FastifyReply {
  const t: T = (key, params) => translate(locale, key, params);
  const f = formatters(locale);
  const { summary, lastYear } = page;
  const path = `/statistik/${encodeURIComponent(summary.station?.slug ?? '')}`;
  const body = html`<h1 style="font-size:16px">${titleOf(summary, t)}</h1>
    ${headline(summary, lastYear, t, f)}${trendChart(summary, lastYear, t)}${monthTable(summary, lastYear, t, f)}
    <p class="note">${t('stats.page.note')}</p>
    <p>
      <a href="${ctx.config.publicUrl}${path}" target="_blank" rel="noopener"
        >${t('stats.page.source_link')}</a
      >
    </p>`;
  return (
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      // Station websites live anywhere: this route alone may be framed, by any https page.
      .header(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'self' https:",
      )
      .removeHeader('x-frame-options')
      .send(renderDocument(EMBED_SHELL, metaFor(ctx, page, locale, path), body))
  );
}
