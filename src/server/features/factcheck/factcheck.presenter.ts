import type {
  ClarificationCorrection,
  ClarificationDocument,
  ClarificationSource,
  ClarificationView,
} from '../../../common/api/factcheck.js';
import { claimReviewJsonLd } from '../../../common/api/claim-review.js';
import { clarificationPath } from '../../../common/domain/factcheck.js';
import { formatDateTime, formatFileSize } from '../../../common/i18n/format.js';
import { translate, type Locale, type MessageKey } from '../../../common/i18n/index.js';
import type { PageMeta } from '../../pages/document.js';
import { html, rawHtml, type SafeHtml } from '../../pages/html.js';
import type { ClarificationCorrectionRow, ClarificationRow } from './factcheck.table.js';

export function toCorrectionView(row: ClarificationCorrectionRow): ClarificationCorrection {
  return {
    at: row.correctedAt,
    note: row.note,
    changed: JSON.parse(row.changed) as string[],
    previous: JSON.parse(row.previous) as ClarificationCorrection['previous'],
  };
}

export function toClarificationView(
  row: ClarificationRow,
  station: { id: string; slug: string; name: string },
  publicUrl: string,
  corrections: readonly ClarificationCorrectionRow[],
  documents: readonly ClarificationDocument[],
): ClarificationView {
  return {
    id: row.id,
    station,
    title: row.title,
    claim: row.claim,
    verdict: row.verdict,
    explanation: row.explanation,
    explanationHtml: row.explanationHtml,
    sources: JSON.parse(row.sources) as ClarificationSource[],
    examples: JSON.parse(row.examples) as string[],
    status: row.status,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    publishedAt: row.publishedAt,
    withdrawnAt: row.withdrawnAt,
    withdrawnReason: row.withdrawnReason,
    corrections: corrections.map(toCorrectionView),
    documents: [...documents],
    url: `${publicUrl}${clarificationPath(row.id)}`,
  };
}

/** The public page: readable without scripts, with preview tags and ClaimReview. */
export function renderClarificationPage(
  locale: Locale,
  view: ClarificationView,
): [PageMeta, SafeHtml] {
  const description = `${view.verdict}: ${view.claim}`.slice(0, 200);
  const meta: PageMeta = {
    title: `[${view.verdict}] ${view.title} — ${view.station.name}`,
    description,
    url: view.url,
    image: `${view.url}/card.png`,
    type: 'article',
    locale,
    jsonLd: view.status === 'published' ? [claimReviewJsonLd(view)] : [],
  };
  const body = html`<main class="factcheck-page">
    <p class="factcheck-station">${view.station.name}</p>
    <p class="factcheck-verdict" data-verdict="${view.verdict}">${view.verdict}</p>
    <h1>${view.title}</h1>
    ${
      view.status === 'withdrawn'
        ? html`<p class="factcheck-withdrawn">
            ${translate(locale, 'factcheck.page.withdrawn')}
            ${
              view.withdrawnReason
                ? translate(locale, 'factcheck.page.withdrawn_reason', {
                    reason: view.withdrawnReason,
                  })
                : ''
            }
          </p>`
        : ''
    }
    <h2>${translate(locale, 'factcheck.page.claim')}</h2>
    <blockquote class="factcheck-claim">${view.claim}</blockquote>
    <h2>${translate(locale, 'factcheck.page.explanation')}</h2>
    <div class="factcheck-explanation">${rawHtml(view.explanationHtml)}</div>
    ${
      view.sources.length > 0
        ? html`<h2>${translate(locale, 'factcheck.page.sources')}</h2>
            <ul class="factcheck-sources">
              ${view.sources.map(
                (source) =>
                  html`<li>
                    <a href="${source.url}" rel="nofollow noopener">${source.title ?? source.url}</a
                    >${
                      source.kind === 'document'
                        ? html` (${translate(locale, 'factcheck.page.document')})`
                        : ''
                    }
                  </li>`,
              )}
            </ul>`
        : ''
    }
    ${renderDocuments(locale, view.documents)} ${renderCorrections(locale, view.corrections)}
  </main>`;
  return [meta, body];
}

/** Uploaded evidence, each a download with its type and size. */
function renderDocuments(
  locale: Locale,
  documents: readonly ClarificationDocument[],
): SafeHtml | '' {
  if (documents.length === 0) return '';
  return html`<section class="factcheck-documents">
    <h2>${translate(locale, 'factcheck.page.documents')}</h2>
    <ul>
      ${documents.map(
        (document) =>
          html`<li>
            <a href="${document.url}" download="${document.name}">${document.name}</a>
            <small>(${documentLabel(locale, document)})</small>
          </li>`,
      )}
    </ul>
  </section>`;
}

/** "PDF, 1,2 MB" or "gambar, 240 KB". */
function documentLabel(locale: Locale, document: ClarificationDocument): string {
  const kind =
    document.type === 'application/pdf' ? 'PDF' : translate(locale, 'factcheck.page.image');
  return `${kind}, ${formatFileSize(document.size, locale)}`;
}

const FIELD_LABELS = {
  title: 'factcheck.field.title',
  claim: 'factcheck.field.claim',
  verdict: 'factcheck.field.verdict',
  explanation: 'factcheck.field.explanation',
  sources: 'factcheck.field.sources',
  examples: 'factcheck.field.examples',
} as const satisfies Record<string, MessageKey>;

const fieldLabel = (locale: Locale, field: string) =>
  field in FIELD_LABELS
    ? translate(locale, FIELD_LABELS[field as keyof typeof FIELD_LABELS])
    : field;

/** Corrections after publication, newest first, each with what it changed and what was there. */
function renderCorrections(
  locale: Locale,
  corrections: readonly ClarificationCorrection[],
): SafeHtml | '' {
  if (corrections.length === 0) return '';
  return html`<section class="factcheck-corrections">
    <h2>${translate(locale, 'factcheck.page.corrections')}</h2>
    <ol>
      ${[...corrections].reverse().map(
        (correction) =>
          html`<li>
            <p>
              <time datetime="${correction.at}"
                >${translate(locale, 'factcheck.page.corrected_at', {
                  at: formatDateTime(correction.at, locale),
                })}</time
              >
              (${correction.changed.map((field) => fieldLabel(locale, field)).join(', ')})
            </p>
            <p>${correction.note}</p>
            ${Object.values(correction.previous).map(
              (value) =>
                html`<p class="factcheck-previous">
                  ${translate(locale, 'factcheck.page.was', { value })}
                </p>`,
            )}
          </li>`,
      )}
    </ol>
  </section>`;
}
