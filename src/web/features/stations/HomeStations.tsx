import { isDemo } from '../../components/ui.js';
import { useQuery } from '../../query/query.js';
import { useI18n } from '../../i18n/i18n.js';
import { listStations } from './api.js';

/** Says so when the stations are the demo's, so nobody takes them for real ones. */
export function DemoBadge() {
  const { t } = useI18n();
  // Only the top level (a few dozen Polda): enough to tell demo data, small on a slow line.
  const stations = useQuery(['stations', 'polda'], () => listStations('polda'));
  if (!stations.data?.items.some(isDemo)) return null;
  return (
    <p class="demo-badge" role="note">
      {t('web.demo.label')}
    </p>
  );
}

export function DirectoryCard() {
  const { t } = useI18n();
  return (
    <div class="card">
      <h2>{t('web.home.directory.title')}</h2>
      <p>{t('web.home.directory.text')}</p>
      <a class="button" href="/kantor">
        {t('web.home.directory.open')}
      </a>
    </div>
  );
}
