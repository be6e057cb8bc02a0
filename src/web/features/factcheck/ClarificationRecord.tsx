import type { ComponentChildren } from 'preact';
import type { ClarificationCorrection } from '../../../common/api/factcheck.js';
import { formatDateTime, formatFileSize } from '../../../common/i18n/format.js';
import type { MessageKey } from '../../../common/i18n/index.js';
import { useI18n } from '../../i18n/i18n.js';
import type { ClarificationDocument } from './api.js';
import { FACTCHECK_NAMESPACES } from './Verdict.js';

const FIELD_LABELS: Record<string, MessageKey> = {
  title: 'factcheck.field.title',
  claim: 'factcheck.field.claim',
  verdict: 'factcheck.field.verdict',
  explanation: 'factcheck.field.explanation',
  sources: 'factcheck.field.sources',
  examples: 'factcheck.field.examples',
};

/** "Riwayat koreksi", newest first: when, what changed, the note, and what was there before. */
export function CorrectionHistory({
  corrections,
}: {
  corrections: readonly ClarificationCorrection[];
}) {
  const { t, locale } = useI18n(FACTCHECK_NAMESPACES);
  if (corrections.length === 0) return null;
  return (
    <section class="factcheck-corrections">
      <h2>{t('factcheck.page.corrections')}</h2>
      <ol>
        {[...corrections].reverse().map((correction) => (
          <li key={correction.at}>
            <p>
              <time dateTime={correction.at}>
                {t('factcheck.page.corrected_at', { at: formatDateTime(correction.at, locale) })}
              </time>{' '}
              (
              {correction.changed
                .map((field) => {
                  const key = FIELD_LABELS[field];
                  return key ? t(key) : field;
                })
                .join(', ')}
              )
            </p>
            <p class="correction-note">{correction.note}</p>
            {Object.values(correction.previous).map((value) => (
              <p key={value} class="factcheck-previous">
                {t('factcheck.page.was', { value })}
              </p>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The evidence as downloads: name, then kind and size; `action` adds e.g. a remove button. */
export function DocumentList(props: {
  documents: readonly ClarificationDocument[];
  action?: (document: ClarificationDocument) => ComponentChildren;
}) {
  const { t, locale } = useI18n(FACTCHECK_NAMESPACES);
  if (props.documents.length === 0) return null;
  return (
    <ul class="factcheck-documents">
      {props.documents.map((document) => (
        <li key={document.id} data-document-id={document.id}>
          <a href={document.url} download={document.name}>
            {document.name}
          </a>{' '}
          <small class="meta">
            ({document.type === 'application/pdf' ? 'PDF' : t('factcheck.page.image')},{' '}
            {formatFileSize(document.size, locale)})
          </small>
          {props.action?.(document)}
        </li>
      ))}
    </ul>
  );
}
