import { listStations } from '../features/stations/api.js';
import { isDemo, Page } from '../components/ui.js';
import { useQuery } from '../data/query.js';
import { useI18n } from '../i18n/i18n.js';
import { useSession } from '../session.js';

export function Home() {
  const { t } = useI18n();
  const { me } = useSession();
  // Only the top level (a few dozen Polda): enough to tell demo data, small on a slow line.
  const stations = useQuery(['stations', 'polda'], () => listStations('polda'));
  const hasDemo = stations.data?.items.some(isDemo) ?? false;

  return (
    <Page title={t('web.home.title')}>
      {hasDemo && (
        <p class="demo-badge" role="note">
          {t('web.demo.label')}
        </p>
      )}
      <p class="lead">{t('web.home.intro')}</p>
      <ul class="feature-list">
        <li>{t('web.home.point.inform')}</li>
        <li>{t('web.home.point.alerts')}</li>
        <li>{t('web.home.point.contact')}</li>
      </ul>
      {me && (
        <div class="card">
          <h2>{t('web.home.my_account')}</h2>
          <p>{t('web.home.greeting', { name: me.name })}</p>
          <a class="button" href="/area-saya">
            {t('web.areas.title')}
          </a>
        </div>
      )}
      <div class="card">
        <h2>{t('web.home.directory.title')}</h2>
        <p>{t('web.home.directory.text')}</p>
        <a class="button" href="/kantor">
          {t('web.home.directory.open')}
        </a>
      </div>
      {me === null && (
        <div class="card">
          <h2>{t('web.home.join.title')}</h2>
          <p>{t('web.home.join.text')}</p>
          <p class="actions">
            <a class="button" href="/daftar">
              {t('web.nav.register')}
            </a>
            <a class="button button-secondary" href="/masuk">
              {t('web.nav.login')}
            </a>
          </p>
        </div>
      )}
    </Page>
  );
}
