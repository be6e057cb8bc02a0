import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { formatDateTime } from '../../../common/i18n/format.js';
import { ErrorNote, Field, Page } from '../../components/ui.js';
import { useI18n } from '../../i18n/i18n.js';
import { rememberedTips, rememberTip, trackTip, type TipTracking } from './api.js';
import { FACTCHECK_NAMESPACES, VerdictStamp } from './Verdict.js';

/** The sender's page: the station's answer once it is published. */
export function TrackTipPage() {
  const { t, locale } = useI18n(FACTCHECK_NAMESPACES);
  const { params } = useRoute();
  const known = rememberedTips().find((tip) => tip.trackingCode === params.code);
  const [code, setCode] = useState(params.code ?? '');
  const [secret, setSecret] = useState(known?.secret ?? '');
  const [tracking, setTracking] = useState<TipTracking | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = async (withCode: string, withSecret: string) => {
    setError(null);
    try {
      const found = await trackTip(withCode.trim().toUpperCase(), withSecret.trim());
      rememberTip({ trackingCode: found.trackingCode, secret: withSecret.trim() });
      setTracking(found);
    } catch (failure) {
      setError(failure);
    }
  };
  useEffect(() => {
    if (known) void load(known.trackingCode, known.secret);
  }, [params.code]);
  return (
    <Page title={t('factcheck.web.track_title')}>
      {!tracking && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void load(code, secret);
          }}
        >
          <Field
            name="code"
            label={t('factcheck.web.tracking_code')}
            value={code}
            onInput={setCode}
          />
          <Field
            name="secret"
            label={t('factcheck.web.secret')}
            value={secret}
            onInput={setSecret}
          />
          <button class="button" type="submit">
            {t('factcheck.web.track')}
          </button>
        </form>
      )}
      {error !== null && <ErrorNote error={error} />}
      {tracking && (
        <article class="factcheck-tracking" data-status={tracking.status}>
          <p class="meta">
            {tracking.trackingCode} · {tracking.station.name} ·{' '}
            {formatDateTime(tracking.createdAt, locale)}
          </p>
          <blockquote>{tracking.text}</blockquote>
          {tracking.answer ? (
            <section class="factcheck-answer">
              <h2>{t('factcheck.web.answered')}</h2>
              <VerdictStamp verdict={tracking.answer.verdict} />
              <p>
                <a href={`/k/${encodeURIComponent(tracking.answer.clarificationId)}`}>
                  {tracking.answer.title}
                </a>
              </p>
            </section>
          ) : (
            <p class="factcheck-waiting">{t('factcheck.web.waiting')}</p>
          )}
        </article>
      )}
    </Page>
  );
}
