import { listStations } from './api.js';
import { ErrorNote, isDemo, Page, Skeleton } from '../../components/ui.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/i18n.js';

export function Stations() {
  const { t } = useI18n();
  const { data, error, isLoading } = useLoad(() => listStations(), 'stations');
  return (
    <Page title={t('web.stations.title')}>
      {data?.items.some(isDemo) && <p class="demo-badge">{t('web.demo.label')}</p>}
      <ErrorNote error={error} />
      {isLoading && !data && <Skeleton lines={5} />}
      {data && data.items.length === 0 && <p>{t('web.stations.empty')}</p>}
      <ul class="list">
        {data?.items.map((station) => (
          <li key={station.id}>
            <a href={`/kantor/${station.slug}`}>{station.name}</a>{' '}
            <span class="muted">{t(`web.station.level.${station.level}`)}</span>
          </li>
        ))}
      </ul>
    </Page>
  );
}
