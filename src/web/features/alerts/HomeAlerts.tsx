import { ErrorNote } from '../../components/ui.js';
import { useI18n } from '../../i18n/i18n.js';
import { ALERT_LIST_NAMESPACES, AlertList, useActiveAlerts } from './ActiveAlerts.js';

/** The home page's first card: the alerts in force in the citizen's and the device's areas. */
export function HomeAlerts() {
  const { t } = useI18n(ALERT_LIST_NAMESPACES);
  const active = useActiveAlerts();
  return (
    <>
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
      {active.data && !active.data.hasAreas && (
        <p class="note">
          {t('web.home.alerts.choose')}{' '}
          <a href="/pengaturan/peringatan">{t('alertsweb.list.choose_areas')}</a>
        </p>
      )}
    </>
  );
}
