import {
  ALERT_LIST_NAMESPACES,
  AlertList,
  useActiveAlerts,
} from '../features/alerts/ActiveAlerts.js';
import { listStations } from '../features/stations/api.js';
import { ErrorNote, isDemo, Page } from '../components/ui.js';
import { useQuery } from '../data/query.js';
import { useI18n } from '../i18n/i18n.js';
import { useSession } from '../session.js';

export function Home() {
  const { t } = useI18n(ALERT_LIST_NAMESPACES);
  const { me } = useSession();
  const active = useActiveAlerts();
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
      {active.data?.hasAreas && (
        <section class="card" aria-labelledby="home-alerts">
          <h2 id="home-alerts">{t('web.home.alerts.title')}</h2>
          {active.data.alerts.length === 0 ? (
            <p class="muted">{t('alertsweb.list.empty')}</p>
          ) : (
            <AlertList alerts={active.data.alerts} />
          )}
          <a href="/peringatan">{t('web.home.alerts.all')}</a>
        </section>
      )}
      <ErrorNote error={active.error} />
      <p class="lead">{t('web.home.intro')}</p>
      {active.data && !active.data.hasAreas && (
        <p class="note">
          {t('web.home.alerts.choose')}{' '}
          <a href="/pengaturan/peringatan">{t('alertsweb.list.choose_areas')}</a>
        </p>
      )}
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
