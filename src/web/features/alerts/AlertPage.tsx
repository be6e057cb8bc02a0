import { formatDateTime } from '../../../common/i18n/format.js';
import { useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { capUrl, getAlert, type AlertView } from './api.js';
import { alertReportLink, alertText } from '../../../common/domain/alerts.js';
import { categoryLabel, severityClass, severityLabel, urgencyLabel } from './labels.js';
import { AlertBadges } from './AlertBadges.js';
import { ErrorNote, Skeleton } from '../../components/ui.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/i18n.js';

/** The catalog namespaces this page's strings come from. */
const NAMESPACES = ['alerts-web', 'alerts'];

export function AlertPage() {
  const { params } = useRoute();
  const id = params.id ?? '';
  const loaded = useLoad(() => getAlert(id), id);
  if (loaded.error) return <ErrorNote error={loaded.error} />;
  if (!loaded.data) return <Skeleton lines={6} />;
  return <AlertDetails alert={loaded.data} />;
}

function AlertDetails({ alert }: { alert: AlertView }) {
  const { t, locale } = useI18n(NAMESPACES);
  const text = alertText(alert, locale);
  const overState =
    alert.state === 'cancelled' || alert.state === 'expired' ? alert.state : undefined;
  const isOver = overState !== undefined;
  return (
    <article class={`page alert-page ${severityClass(alert.severity)}`}>
      <AlertBadges alert={alert}>
        {overState && <span class="badge badge-over">{t(`alertsweb.state.${overState}`)}</span>}
      </AlertBadges>
      <h1 lang={text.lang}>{text.title}</h1>
      <p class="alert-body" lang={text.lang}>
        {text.body}
      </p>
      {text.instruction && (
        <div class="alert-instruction" lang={text.lang}>
          <h2>{t('alertsweb.page.instruction')}</h2>
          <p>{text.instruction}</p>
        </div>
      )}
      {alert.note && <p class="note">{t('alertsweb.page.note', { note: alert.note })}</p>}
      {!isOver && (
        <a class="button button-report" href={alertReportLink(alert)}>
          {t('alertsweb.page.report')}
        </a>
      )}
      <dl class="alert-facts">
        <dt>{t('alertsweb.page.severity')}</dt>
        <dd>{severityLabel(t, alert.severity)}</dd>
        <dt>{t('alertsweb.page.urgency')}</dt>
        <dd>{urgencyLabel(t, alert.urgency)}</dd>
        <dt>{t('alertsweb.page.category')}</dt>
        <dd>{categoryLabel(t, alert.category)}</dd>
        <dt>{t('alertsweb.page.station')}</dt>
        <dd>
          <a href={`/kantor/${encodeURIComponent(alert.station.slug)}`}>{alert.station.name}</a>
        </dd>
        <dt>{t('alertsweb.page.effective')}</dt>
        <dd>{formatDateTime(alert.effectiveAt, locale)}</dd>
        <dt>{t('alertsweb.page.expires')}</dt>
        <dd>{formatDateTime(alert.expiresAt, locale)}</dd>
        <dt>{t('alertsweb.page.areas')}</dt>
        <dd>
          <ul class="plain">
            {alert.target.areas.map((area) => (
              <li key={area.code}>{area.name}</li>
            ))}
            {alert.target.circles.map((circle, i) => (
              <li key={`c${i}`}>
                {t('alertsweb.page.area_circle', { radius: Math.round(circle.radiusM) })}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      <p class="actions">
        <ShareButton title={text.title} />
        <a class="button button-small button-secondary" href={capUrl(alert.id)}>
          {t('alertsweb.page.cap')}
        </a>
      </p>
      <p>
        <a href="/peringatan">{t('alertsweb.page.back')}</a>
      </p>
    </article>
  );
}

function ShareButton({ title }: { title: string }) {
  const { t } = useI18n(NAMESPACES);
  const [isCopied, setCopied] = useState(false);
  const share = async () => {
    const url = location.href;
    // Desktop browsers often lack the share sheet (the DOM typings say it always exists).
    if (typeof navigator.share === 'function') {
      // A dismissed share sheet rejects; nothing to report.
      await navigator.share({ title, url }).catch(() => undefined);
      return;
    }
    await navigator.clipboard.writeText(url);
    setCopied(true);
  };
  return (
    <>
      <button type="button" class="button button-small" onClick={() => void share()}>
        {t('alertsweb.page.share')}
      </button>
      {isCopied && (
        <span role="status" class="muted">
          {t('alertsweb.page.copied')}
        </span>
      )}
    </>
  );
}
