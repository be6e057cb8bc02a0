import { ErrorNote, Skeleton } from '../../../components/ui.js';
import { alertQueries, useQuery } from '../../../query/query.js';
import { useI18n } from '../../../i18n/i18n.js';
import { getAlertDelivery } from '../api.js';
import { NAMESPACES } from './shared.js';

/** Delivery figures refresh this often while the alert page is open. */
const DELIVERY_POLL_MS = 3000;

/** Push and stream figures of an alert: sent, delivered, failed, opened, latencies. */
export function Delivery({ id }: { id: string }) {
  const { t } = useI18n(NAMESPACES);
  const delivery = useQuery([...alertQueries, 'delivery', id], () => getAlertDelivery(id), {
    refetchIntervalMs: DELIVERY_POLL_MS,
  });
  const figures = delivery.data;
  const error = delivery.error;
  const ms = (value: number | null) => (value === null ? '–' : `${Math.round(value)} ms`);
  const rows = figures
    ? ([
        ['consoleAlerts.delivery.push', figures.push],
        ['consoleAlerts.delivery.stream', figures.stream],
      ] as const)
    : [];
  return (
    <section class="delivery">
      <h3>{t('consoleAlerts.delivery.title')}</h3>
      <ErrorNote error={error} />
      {!figures && !error && <Skeleton lines={2} />}
      {figures && (
        <table class="figures">
          <thead>
            <tr>
              <th scope="col">{t('consoleAlerts.delivery.channel')}</th>
              <th scope="col">{t('consoleAlerts.delivery.sent')}</th>
              <th scope="col">{t('consoleAlerts.delivery.delivered')}</th>
              <th scope="col">{t('consoleAlerts.delivery.failed')}</th>
              <th scope="col">{t('consoleAlerts.delivery.opened')}</th>
              <th scope="col">{t('consoleAlerts.delivery.p50')}</th>
              <th scope="col">{t('consoleAlerts.delivery.p99')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, row]) => (
              <tr key={label}>
                <th scope="row">{t(label)}</th>
                <td>{row.sent}</td>
                <td>{row.delivered}</td>
                <td>{row.failed}</td>
                <td>{row.opened}</td>
                <td>{ms(row.latencyP50Ms)}</td>
                <td>{ms(row.latencyP99Ms)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
