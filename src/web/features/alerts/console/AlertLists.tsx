import type { MessageKey } from '../../../../common/i18n/index.js';
import type { AlertView, StationListItem } from '../../../api/types.js';
import { ErrorNote, Skeleton } from '../../../components/ui.js';
import { alertQueries, useQuery } from '../../../query/query.js';
import { formatDateTime } from '../../../../common/i18n/format.js';
import { useI18n } from '../../../i18n/i18n.js';
import { listAlertDrafts, listStationAlerts } from '../api.js';
import { NAMESPACES, StateBadge, tk } from './shared.js';

/** Key of a station's alert lists in the cache; the live stream and console changes refresh it. */
export const stationAlertsKey = (stationId: string, pending: boolean) => [
  ...alertQueries,
  'station',
  stationId,
  pending ? 'pending' : 'all',
];

/** Pending, active and past alerts of the station, each linking to its page. */
export function AlertLists({ station }: { station: StationListItem }) {
  const { t, locale } = useI18n(NAMESPACES);
  const pending = useQuery(stationAlertsKey(station.id, true), () =>
    listStationAlerts(station.id, true),
  );
  const all = useQuery(stationAlertsKey(station.id, false), () =>
    listStationAlerts(station.id, false),
  );
  const drafts = useQuery([...alertQueries, 'drafts', station.id], () =>
    listAlertDrafts(station.id),
  );
  const published = all.data?.alerts ?? [];
  const groups: Array<[MessageKey, AlertView[] | undefined]> = [
    ['consoleAlerts.list.pending', pending.data?.alerts],
    ['consoleAlerts.list.active', all.data && published.filter((a) => a.state === 'published')],
    ['consoleAlerts.list.past', all.data && published.filter((a) => a.state !== 'published')],
  ];
  return (
    <div class="console-alerts">
      <a class="button" href="/konsol/peringatan/baru">
        {t('consoleAlerts.new')}
      </a>
      <ErrorNote error={pending.error ?? all.error ?? drafts.error} />
      <section>
        <h2>{t('consoleAlerts.list.drafts')}</h2>
        {!drafts.data && <Skeleton lines={2} />}
        {drafts.data?.drafts.length === 0 && <p class="muted">{t('consoleAlerts.list.empty')}</p>}
        {drafts.data && drafts.data.drafts.length > 0 && (
          <ul class="list">
            {drafts.data.drafts.map((draft) => (
              <li key={draft.id}>
                <a href={`/konsol/peringatan/baru?draf=${encodeURIComponent(draft.id)}`}>
                  {draft.content.title}
                </a>{' '}
                <span class="badge">{t('consoleAlerts.draft.badge')}</span>
                <br />
                <small class="muted">
                  {draft.authorName} · {formatDateTime(draft.updatedAt, locale, station.timezone)}
                </small>
              </li>
            ))}
          </ul>
        )}
      </section>
      {groups.map(([title, alerts]) => (
        <section key={title}>
          <h2>{t(title)}</h2>
          {!alerts && <Skeleton lines={2} />}
          {alerts?.length === 0 && <p class="muted">{t('consoleAlerts.list.empty')}</p>}
          {alerts && alerts.length > 0 && (
            <ul class="list">
              {alerts.map((alert) => (
                <li key={alert.id}>
                  <a href={`/konsol/peringatan/${alert.id}`}>{alert.title}</a>{' '}
                  <StateBadge alert={alert} />
                  <br />
                  <small class="muted">
                    {t(tk(`consoleAlerts.msgType.${alert.msgType}`))} ·{' '}
                    {formatDateTime(alert.sentAt ?? alert.effectiveAt, locale, station.timezone)}
                  </small>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
