import { useState } from 'preact/hooks';
import { verdictTone } from '../../../common/domain/factcheck.js';
import { useI18n } from '../../i18n/i18n.js';
import type { ClarificationView } from './api.js';

export const FACTCHECK_NAMESPACES = ['factcheck'];

/** The label as a stamp, in its tone (false, mixed, true). */
export function VerdictStamp({ verdict }: { verdict: string }) {
  return (
    <span class={`verdict-stamp verdict-${verdictTone(verdict)}`} data-verdict={verdict}>
      {verdict}
    </span>
  );
}

/** The answer as a citizen reads it: label, title, explanation, and a way to pass it on. */
export function ClarificationAnswer({ view }: { view: ClarificationView }) {
  const { t } = useI18n(FACTCHECK_NAMESPACES);
  const [copied, setCopied] = useState(false);
  const url = view.url;
  const text = `[${view.verdict}] ${view.title} — ${view.station.name}`;
  const share = async () => {
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title: text, url });
      } catch {
        // The reader closed the share sheet.
      }
      return;
    }
    await navigator.clipboard.writeText(`${text}\n${url}`);
    setCopied(true);
  };
  return (
    <article class="factcheck-answer" data-clarification-id={view.id}>
      <VerdictStamp verdict={view.verdict} />
      <h2>{view.title}</h2>
      <p class="meta">{view.station.name}</p>
      <div
        class="factcheck-explanation"
        dangerouslySetInnerHTML={{ __html: view.explanationHtml }}
      />
      <p class="factcheck-actions">
        <a class="button button-secondary" href={`/k/${encodeURIComponent(view.id)}`}>
          {t('factcheck.web.read_more')}
        </a>
        <a
          class="button button-secondary"
          href={`https://wa.me/?text=${encodeURIComponent(`${text}\n${url}`)}`}
          rel="nofollow noopener"
          target="_blank"
        >
          {t('factcheck.web.share_whatsapp')}
        </a>
        <button type="button" class="button" onClick={() => void share()}>
          {copied ? t('factcheck.web.copied') : t('factcheck.web.share')}
        </button>
      </p>
    </article>
  );
}
