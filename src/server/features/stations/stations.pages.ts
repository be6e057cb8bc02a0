import {
  countStations,
  directoryTree,
  telUri,
  type DirectoryNode,
} from '../../../common/domain/stations.js';
import type { Phone } from '../../../common/api/areas.js';
import type { StationListItem } from '../../../common/api/stations.js';
import type { MessageKey, MessageParams } from '../../../common/i18n/index.js';
import type { AppContext } from '../../context.js';
import type { App } from '../../http.js';
import { orNotFound, pageLocale, sendNotFoundPage, sendPage } from '../../pages/document.js';
import { html, type SafeHtml } from '../../pages/html.js';
import { getStationBySlug, listStationDirectory } from './stations.service.js';

type Translate = (key: MessageKey, params?: MessageParams) => string;

const phoneLink = (phone: Phone): SafeHtml =>
  html`<a class="button button-small tap" href="${telUri(phone.number)}"
    >${phone.label}: ${phone.display}</a
  >`;

function stationCard(t: Translate, station: StationListItem): SafeHtml {
  return html`<div class="station-card">
    <a class="station-name tap" href="/kantor/${station.slug}">${station.name}</a>
    ${station.isDemo ? html`<span class="demo-badge">${t('web.demo.label')}</span>` : ''}
    ${station.address ? html`<p class="station-address">${station.address}</p>` : ''}
    ${
      station.areaNames.length > 0
        ? html`<p class="muted">
            ${t('web.stations.serves', { areas: station.areaNames.join(', ') })}
          </p>`
        : ''
    }
    ${station.phones.length > 0 ? html`<p class="actions">${station.phones.map(phoneLink)}</p>` : ''}
  </div>`;
}

/** A station, and when stations below it are shown, a group one can fold away. */
function directoryNode(t: Translate, node: DirectoryNode): SafeHtml {
  const level = t(`web.station.level.${node.station.level}`);
  if (node.children.length === 0) return html`<li>${stationCard(t, node.station)}</li>`;
  return html`<li>
    <details class="station-group" open>
      <summary class="tap">
        <span>${node.station.name}</span> <span class="tag">${level}</span>
      </summary>
      ${stationCard(t, node.station)}
      <ul class="directory">
        ${node.children.map((child) => directoryNode(t, child))}
      </ul>
    </details>
  </li>`;
}

/** `/kantor`: every station grouped Polda → Polres → Polsek; `?q=` searches without JavaScript. */
function registerDirectoryPage(app: App, ctx: AppContext): void {
  app.get<{ Querystring: { q?: unknown } }>(
    '/kantor',
    { schema: { hide: true } },
    async (request, reply) => {
      request.locale = pageLocale(request);
      const t = request.t.bind(request);
      const query = typeof request.query.q === 'string' ? request.query.q.slice(0, 100) : '';
      const tree = directoryTree(await listStationDirectory(ctx, {}), query);
      return sendPage(
        reply,
        {
          title: `${t('web.stations.title')} · Siaga`,
          description: t('web.home.directory.text'),
          url: `${ctx.config.publicUrl}/kantor`,
          locale: request.locale,
        },
        html`<section class="page">
          <h1>${t('web.stations.title')}</h1>
          <form class="directory-search" role="search" action="/kantor" method="get">
            <label for="station-search">${t('web.stations.search.label')}</label>
            <input
              id="station-search"
              name="q"
              type="search"
              value="${query}"
              aria-describedby="station-search-hint"
            />
            <small id="station-search-hint" class="hint">${t('web.stations.search.hint')}</small>
            <button class="button" type="submit">${t('web.stations.search.submit')}</button>
          </form>
          ${
            tree.length === 0
              ? html`<p>
                  ${query ? t('web.stations.search.none', { query }) : t('web.stations.empty')}
                </p>`
              : html`<p class="muted">
                    ${t('web.stations.search.count', { count: countStations(tree) })}
                  </p>
                  <ul class="directory">
                    ${tree.map((node) => directoryNode(t, node))}
                  </ul>`
          }
        </section>`,
      );
    },
  );
}

/** The directory, and a station's public page: who they are, where, how to reach them. */
export function registerStationPages(app: App, ctx: AppContext): void {
  registerDirectoryPage(app, ctx);
  app.get<{ Params: { slug: string } }>(
    '/kantor/:slug',
    { schema: { hide: true } },
    async (request, reply) => {
      request.locale = pageLocale(request);
      const t = request.t.bind(request);
      const url = `${ctx.config.publicUrl}/kantor/${encodeURIComponent(request.params.slug)}`;
      const station = await orNotFound(() => getStationBySlug(ctx, request.params.slug));
      if (!station) {
        return sendNotFoundPage(reply, {
          locale: request.locale,
          url,
          message: t('error.station.not_found'),
          back: { href: '/kantor', text: t('web.stations.title') },
        });
      }
      const level = t(`web.station.level.${station.level}`);
      return sendPage(
        reply,
        {
          title: `${station.name} · Siaga`,
          description: t('stations.page.description', { name: station.name, level }),
          url,
          locale: request.locale,
        },
        html`<article class="page station-page">
          <p class="badge">${level}</p>
          <h1>${station.name}</h1>
          ${
            station.address
              ? html`<h2>${t('web.station.address')}</h2>
                  <p>${station.address}</p>`
              : ''
          }
          ${
            station.phones.length > 0
              ? html`<h2>${t('web.station.phones')}</h2>
                  <ul>
                    ${station.phones.map((phone) => html`<li>${phoneLink(phone)}</li>`)}
                  </ul>`
              : ''
          }
          ${
            station.parent
              ? html`<h2>${t('web.station.parent')}</h2>
                  <p><a href="/kantor/${station.parent.slug}">${station.parent.name}</a></p>`
              : ''
          }
          ${
            station.children.length > 0
              ? html`<h2>${t('web.station.children')}</h2>
                  <ul>
                    ${station.children.map(
                      (child) => html`<li><a href="/kantor/${child.slug}">${child.name}</a></li>`,
                    )}
                  </ul>`
              : ''
          }
          ${
            station.jurisdiction.length > 0
              ? html`<h2>${t('web.station.jurisdiction')}</h2>
                  <p>${station.jurisdiction.map((area) => area.name).join(', ')}</p>`
              : ''
          }
        </article>`,
      );
    },
  );
}
