import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { openLiveAlerts } from '../../api/live.js';
import { alertText } from '../../../common/domain/alerts.js';
import { severityClass, severityLabel } from './labels.js';
import { applyLiveAlert, type Banners } from './banners.js';
import { isMuted, onAlertPrefsChange, readAlertPrefs } from './prefs.js';
import { alertQueries, queryClient } from '../../query/query.js';
import { loadCatalogs } from '../../i18n/catalogs.js';
import { useI18n } from '../../i18n/i18n.js';
import { getLocale } from '../../i18n/locale.js';
import { useSession } from '../../session.js';

/** Waits for the page to have loaded and painted, so the stream never delays the first page. */
function afterFirstPaint(run: () => void): () => void {
  let handle: ReturnType<typeof setTimeout> | undefined;
  const start = () => {
    handle = setTimeout(run, 0);
  };
  if (document.readyState === 'complete') start();
  else addEventListener('load', start, { once: true });
  return () => {
    removeEventListener('load', start);
    clearTimeout(handle);
  };
}

/**
 * The app shell's one live connection: opened once per tab after first paint (and again
 * when the account or this device's alert settings change); each alert shows as a banner.
 */
export function LiveAlerts() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const [prefs, setPrefs] = useState(readAlertPrefs);
  const [banners, setBanners] = useState<Banners>([]);
  const [isReady, setReady] = useState(false);

  useEffect(() => onAlertPrefsChange(setPrefs), []);
  useEffect(() => afterFirstPaint(() => setReady(true)), []);

  const accountId = me?.id ?? null;
  const streamKey = JSON.stringify([prefs.areas, prefs.location, prefs.drills]);
  useEffect(() => {
    // The server reads a citizen's own areas from the session when the stream opens.
    if (!isReady || me === undefined) return;
    return openLiveAlerts(prefs, ({ data }) => {
      // Open lists (the citizen's, the console's) refetch; muted or not, the alert exists.
      void queryClient.invalidateQueries({ queryKey: alertQueries });
      if (data.msgType !== 'Cancel' && isMuted(readAlertPrefs(), data)) return;
      // Banners speak the alert pages' namespace, fetched with the first alert.
      void Promise.resolve(loadCatalogs(getLocale(), ['alerts-web'])).then(() =>
        setBanners((current) => applyLiveAlert(current, data)),
      );
    });
  }, [isReady, accountId, me === undefined, streamKey]);

  // The page of an alert already shows it in full.
  const { path } = useLocation();
  const shown = banners.filter(({ alert }) => path !== `/peringatan/${alert.id}`);
  if (shown.length === 0) return null;
  return (
    <div class="live-alerts" aria-live="assertive">
      {shown.map(({ threadId, alert }) => {
        const text = alertText(alert, locale);
        return (
          <div key={threadId} class={`live-alert ${severityClass(alert.severity)}`} role="alert">
            <div class="live-alert-body">
              <small>
                {alert.msgType === 'Update'
                  ? t('alertsweb.banner.updated')
                  : t('alertsweb.banner.label')}{' '}
                · {severityLabel(t, alert.severity)}
                {alert.isDrill && ` · ${t('alertsweb.drill')}`}
              </small>
              <a href={`/peringatan/${encodeURIComponent(alert.id)}`} lang={text.lang}>
                {text.title}
              </a>
            </div>
            <button
              type="button"
              class="live-alert-close"
              aria-label={t('alertsweb.banner.dismiss')}
              onClick={() =>
                setBanners((current) => current.filter((b) => b.threadId !== threadId))
              }
            >
              ×
            </button>
          </div>
        );
      })}
    </div>
  );
}
