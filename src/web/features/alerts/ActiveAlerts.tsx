import { alertText } from '../../../common/domain/alerts.js';
import { formatDateTime } from '../../../common/i18n/format.js';
import { alertQueries, useQuery } from '../../query/query.js';
import { useI18n } from '../../i18n/i18n.js';
import { useSession } from '../../session.js';
import { getMyAreas } from '../areas/api.js';
import { AlertBadges } from './AlertBadges.js';
import { listActiveAlerts, type AlertView } from './api.js';
import { severityClass } from './labels.js';
import { readAlertPrefs } from './prefs.js';

/** The catalog namespaces the alert cards' strings come from. */
export const ALERT_LIST_NAMESPACES = ['alerts-web', 'alerts'];

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

/**
 * The active alerts for my areas, fetched on every load (not only those the live stream
 * brought to this tab) and refetched when the stream invalidates `alertQueries`.
 * `undefined` data while the session is still unknown.
 */
export function useActiveAlerts() {
  const { me } = useSession();
  // Waits for the session: a logged-in citizen's own areas count too.
  return useQuery(
    [...alertQueries, 'active', me?.id ?? 'guest'],
    () => loadActiveAlerts(Boolean(me)),
    { enabled: me !== undefined },
  );
}

export function AlertList({ alerts }: { alerts: readonly AlertView[] }) {
  return (
    <ul class="alert-list plain">
      {alerts.map((alert) => (
        <AlertItem key={alert.id} alert={alert} />
      ))}
    </ul>
  );
}

function AlertItem({ alert }: { alert: AlertView }) {
  const { locale } = useI18n(ALERT_LIST_NAMESPACES);
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
