import { ALERT_LIST_NAMESPACES, AlertList, useActiveAlerts } from './ActiveAlerts.js';
import { ErrorNote, Page, Skeleton } from '../../components/ui.js';
import { useI18n } from '../../i18n/i18n.js';
import { useSession } from '../../session.js';

export function Alerts() {
  const { t } = useI18n(ALERT_LIST_NAMESPACES);
  const { me } = useSession();
  const loaded = useActiveAlerts();
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
      {loaded.data && <AlertList alerts={loaded.data.alerts} />}
    </Page>
  );
}
