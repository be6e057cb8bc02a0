import { formatDateTime } from '../../common/i18n/format.js';
import { listActiveAlerts, type AlertView } from '../features/alerts/api.js';
import { getMyAreas } from '../features/areas/api.js';
import { alertText } from '../../common/domain/alerts.js';
import { severityClass } from '../features/alerts/labels.js';
import { readAlertPrefs } from '../features/alerts/prefs.js';
import { AlertBadges } from '../features/alerts/AlertBadges.js';
import { ErrorNote, Page, Skeleton } from '../components/ui.js';
import { alertQueries, useQuery } from '../data/query.js';
import { useI18n } from '../i18n/i18n.js';
import { useSession } from '../session.js';

/** The catalog namespaces this page's strings come from. */
const NAMESPACES = ['alerts-web', 'alerts'];

/** My areas: the account's (when logged in) and this device's, without repeats. */
async function myAreaCodes(isLoggedIn: boolean): Promise<string[]> {
  const codes = new Set(readAlertPrefs().areas);
  if (isLoggedIn) for (const area of (await getMyAreas()).areas) codes.add(area.code);
  return [...codes];
}

/** Active alerts for each of my areas (all active ones when I chose none), newest first. */
async function loadActiveAlerts(isLoggedIn: boolean) {
  const areas = await myAreaCodes(isLoggedIn);
  const lists = await Promise.all(
    areas.length > 0 ? areas.map((area) => listActiveAlerts(area)) : [listActiveAlerts()],
  );
  const byId = new Map<string, AlertView>();
  for (const alert of lists.flatMap((list) => list.alerts)) byId.set(alert.id, alert);
  const sentAt = (alert: AlertView) => alert.sentAt ?? alert.effectiveAt;
  const alerts = [...byId.values()].sort((a, b) => sentAt(b).localeCompare(sentAt(a)));
  return { alerts, hasAreas: areas.length > 0 };
}

export function Alerts() {
  const { t } = useI18n(NAMESPACES);
  const { me } = useSession();
  // Waits for the session: a logged-in citizen's own areas count too.
  const loaded = useQuery(
    [...alertQueries, 'active', me?.id ?? 'guest'],
    () => loadActiveAlerts(Boolean(me)),
    { enabled: me !== undefined },
  );
  if (me === undefined) return <Skeleton />;
  const hasAreas = loaded.data?.hasAreas ?? true;
  return (
    <Page title={hasAreas ? t('alertsweb.list.title') : t('alertsweb.list.all_title')}>
      {!hasAreas && (
        <p class="note">
          {t('alertsweb.list.no_areas')}{' '}
          <a href={me ? '/area-saya' : '/masuk'}>{t('alertsweb.list.choose_areas')}</a>
        </p>
      )}
      <p>
        <a href="/pengaturan/peringatan">{t('alertsweb.list.settings')}</a>
      </p>
      <ErrorNote error={loaded.error} />
      {loaded.isLoading && !loaded.data && <Skeleton />}
      {loaded.data?.alerts.length === 0 && <p class="muted">{t('alertsweb.list.empty')}</p>}
      <ul class="alert-list plain">
        {loaded.data?.alerts.map((alert) => (
          <AlertItem key={alert.id} alert={alert} />
        ))}
      </ul>
    </Page>
  );
}

function AlertItem({ alert }: { alert: AlertView }) {
  const { locale } = useI18n(NAMESPACES);
  const text = alertText(alert, locale);
  return (
    <li class={`card alert-card ${severityClass(alert.severity)}`}>
      <AlertBadges alert={alert} />
      <a
        class="alert-card-title"
        href={`/peringatan/${encodeURIComponent(alert.id)}`}
        lang={text.lang}
      >
        {text.title}
      </a>
      <small class="muted">
        {alert.station.name} · {formatDateTime(alert.sentAt ?? alert.effectiveAt, locale)}
      </small>
    </li>
  );
}
