import type { ContestEntryView, ContestView } from '../../../common/api/contests.js';
import { contestPagePath, phaseStarts } from '../../../common/domain/contests.js';
import { formatDateTime } from '../../../common/i18n/format.js';
import { translate, type Locale } from '../../../common/i18n/index.js';
import type { PageMeta } from '../../pages/document.js';
import { html, type SafeHtml } from '../../pages/html.js';

const percent = (weight: number) => `${Math.round(weight * 100)}%`;

/**
 * The share page `/c/:id`: title, station, phase timeline, rules, prizes, the public weights
 * and the approved entries, readable without scripts; the PWA then takes it over.
 */
export function renderContestPage(
  publicUrl: string,
  locale: Locale,
  page: { contest: ContestView; entries: readonly ContestEntryView[] },
): [PageMeta, SafeHtml] {
  const { contest, entries } = page;
  const phase = translate(locale, `contests.phase.${contest.phase}`);
  const description = `${translate(locale, 'contests.page.description', {
    station: contest.station.name,
    phase,
  })} ${contest.rules}`.slice(0, 200);
  const image = entries
    .flatMap((entry) => entry.files)
    .find((file) => file.kind !== 'pdf')
    ?.urls.at(-1)?.url;
  const meta: PageMeta = {
    title: `${contest.title} — ${contest.station.name}`,
    description,
    url: `${publicUrl}${contestPagePath(contest.id)}`,
    ...(image ? { image: `${publicUrl}${image}` } : {}),
    type: 'website',
    locale,
  };
  const body = html`<main class="contest-page" data-contest-id="${contest.id}">
    <p class="contest-kicker">${contest.station.name}</p>
    <h1>${contest.title}</h1>
    <p class="badges"><span class="badge contest-phase-${contest.phase}">${phase}</span></p>
    <ol class="contest-timeline" aria-label="${translate(locale, 'contests.timeline.label')}">
      ${phaseStarts(contest.phases).map(
        ([step, startsAt]) =>
          html`<li
            class="contest-step${step === contest.phase ? ' contest-step-current' : ''}"
            ${step === contest.phase ? html`aria-current="step"` : ''}
          >
            <strong>${translate(locale, `contests.phase.${step}`)}</strong>
            <small class="muted"
              >${translate(locale, 'contests.timeline.from', {
                date: formatDateTime(startsAt, locale),
              })}</small
            >
          </li>`,
      )}
    </ol>
    <h2>${translate(locale, 'contests.page.rules')}</h2>
    <p class="contest-text">${contest.rules}</p>
    ${
      contest.prizes
        ? html`<h2>${translate(locale, 'contests.page.prizes')}</h2>
            <p class="contest-text">${contest.prizes}</p>`
        : ''
    }
    <h2>${translate(locale, 'contests.page.how_judged')}</h2>
    <p class="contest-weights">
      ${translate(locale, 'contests.page.weights', {
        jury: percent(contest.juryWeight),
        public: percent(contest.publicWeight),
      })}
    </p>
    <ul class="contest-criteria">
      ${contest.criteria.map(
        (criterion) =>
          html`<li>
            ${translate(locale, 'contests.page.criterion', {
              name: criterion.name,
              weight: criterion.weight,
            })}
          </li>`,
      )}
    </ul>
    ${
      contest.phase === 'results'
        ? html`<p>
            <a class="button" href="${contestPagePath(contest.id)}/hasil"
              >${translate(locale, 'contests.results.open')}</a
            >
          </p>`
        : ''
    }
    <h2>${translate(locale, 'contests.gallery.title')}</h2>
    ${
      entries.length === 0
        ? html`<p class="muted">${translate(locale, 'contests.gallery.empty')}</p>`
        : html`<ul class="plain contest-entries">
            ${entries.map(
              (entry) =>
                html`<li class="card contest-entry">
                  <h3>${entry.title}</h3>
                  <p class="muted">${entry.authorName}</p>
                  <p class="contest-text">${entry.description}</p>
                </li>`,
            )}
          </ul>`
    }
  </main>`;
  return [meta, body];
}
