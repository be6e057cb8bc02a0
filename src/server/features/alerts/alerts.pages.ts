import { alertReportLink, alertText } from '../../../common/domain/alerts.js';
import { formatDateTime } from '../../../common/i18n/format.js';
import type { MessageKey } from '../../../common/i18n/index.js';
import type { AppContext } from '../../context.js';
import type { App } from '../../http.js';
import { orNotFound, sendNotFoundPage, sendPage } from '../../pages/document.js';
import { html } from '../../pages/html.js';
import { getAlert } from './alerts.service.js';

/** The alert as a page a shared link opens: readable without scripts, with its preview. */
export function registerAlertPages(app: App, ctx: AppContext): void {
  app.get<{ Params: { id: string } }>(
    '/peringatan/:id',
    { schema: { hide: true } },
    async (request, reply) => {
      const t = (key: MessageKey, params?: Record<string, string>) => request.t(key, params);
      const url = `${ctx.config.publicUrl}/peringatan/${encodeURIComponent(request.params.id)}`;
      const alert = await orNotFound(() => getAlert(ctx, request.actor, request.params.id));
      if (!alert) {
        return sendNotFoundPage(reply, {
          locale: request.locale,
          url,
          message: t('error.alert.not_found'),
          back: { href: '/peringatan', text: t('alertsweb.list.all_title') },
        });
      }
      const { title, body, instruction, lang } = alertText(alert, request.locale);
      const severity = t(`alertsweb.severity.${alert.severity}`);
      const category = t(`alerts.category.${alert.category}`);
      const state = alert.state === 'cancelled' ? t('alertsweb.state.cancelled') : undefined;
      return sendPage(
        reply,
        {
          title: `${state ? `[${state}] ` : ''}${severity}: ${title} · ${alert.station.name}`,
          description: summarise(body),
          url,
          type: 'article',
          locale: request.locale,
        },
        html`<article class="page alert-page" lang="${lang}">
          <p class="badge">
            ${severity} · ${category}${alert.isDrill ? html` · ${t('alertsweb.drill')}` : ''}
          </p>
          <h1>${title}</h1>
          ${state ? html`<p class="alert-state"><strong>${state}</strong>${alert.note ? html` — ${alert.note}` : ''}</p>` : ''}
          <p>${body}</p>
          ${
            instruction
              ? html`<h2>${t('alertsweb.page.instruction')}</h2>
                  <p>${instruction}</p>`
              : ''
          }
          <dl>
            <dt>${t('alertsweb.page.station')}</dt>
            <dd><a href="/kantor/${alert.station.slug}">${alert.station.name}</a></dd>
            <dt>${t('alertsweb.page.effective')}</dt>
            <dd>${formatDateTime(alert.effectiveAt, request.locale)}</dd>
            <dt>${t('alertsweb.page.expires')}</dt>
            <dd>${formatDateTime(alert.expiresAt, request.locale)}</dd>
            ${
              alert.target.areas.length > 0
                ? html`<dt>${t('alertsweb.page.areas')}</dt>
                    <dd>
                      ${alert.target.areas.map((area, i) => html`${i > 0 ? ', ' : ''}${area.name}`)}
                    </dd>`
                : ''
            }
          </dl>
          <p>
            <a class="button" href="${alertReportLink(alert)}">${t('alertsweb.page.report')}</a>
          </p>
          <p><a href="/api/alerts/${alert.id}/cap.xml">${t('alertsweb.page.cap')}</a></p>
        </article>`,
      );
    },
  );
}

/** A preview line: the first sentence or so, never cut inside a word. */
export function summarise(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}
