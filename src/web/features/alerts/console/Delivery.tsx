import { ErrorNote, Skeleton } from '../../../components/ui.js';
import { alertQueries, useQuery } from '../../../query/query.js';
import { useI18n } from '../../../i18n/i18n.js';
import { getAlertDelivery } from '../api.js';
import { NAMESPACES, tk } from './shared.js';

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
  type Figures = NonNullable<typeof figures>['push'];
  // One row per measure and one column per channel: three columns fit a 360 px phone.
  const measures: Array<[string, (row: Figures) => string | number]> = [
    ['consoleAlerts.delivery.sent', (row) => row.sent],
    ['consoleAlerts.delivery.delivered', (row) => row.delivered],
    ['consoleAlerts.delivery.failed', (row) => row.failed],
    ['consoleAlerts.delivery.opened', (row) => row.opened],
    ['consoleAlerts.delivery.p50', (row) => ms(row.latencyP50Ms)],
    ['consoleAlerts.delivery.p99', (row) => ms(row.latencyP99Ms)],
  ];
  return (
    <section class="delivery">
      <h3>{t('consoleAlerts.delivery.title')}</h3>
      <ErrorNote error={error} />
      {!figures && !error && <Skeleton lines={2} />}
      {figures && (
        <div class="table-scroll">
          <table class="figures">
            <thead>
              <tr>
                <td />
                <th scope="col">{t('consoleAlerts.delivery.push')}</th>
                <th scope="col">{t('consoleAlerts.delivery.stream')}</th>
              </tr>
            </thead>
            <tbody>
              {measures.map(([label, value]) => (
                <tr key={label}>
                  <th scope="row">{t(tk(label))}</th>
                  <td>{value(figures.push)}</td>
                  <td>{value(figures.stream)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
