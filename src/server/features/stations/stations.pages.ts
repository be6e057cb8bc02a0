import type { AppContext } from '../../context.js';
import type { App } from '../../http.js';
import { orNotFound, sendNotFoundPage, sendPage } from '../../pages/document.js';
import { html } from '../../pages/html.js';
import { getStationBySlug } from './stations.service.js';

/** A station's public page: who they are, where, how to reach them, whom they serve. */
export function registerStationPages(app: App, ctx: AppContext): void {
  app.get<{ Params: { slug: string } }>(
    '/kantor/:slug',
    { schema: { hide: true } },
    async (request, reply) => {
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
                    ${station.phones.map(
                      (phone) =>
                        html`<li>
                          ${phone.label}: <a href="tel:${phone.number}">${phone.number}</a>
                        </li>`,
                    )}
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
