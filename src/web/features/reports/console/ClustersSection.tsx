import { useLocation } from 'preact-iso';
import type { AlertDraftView } from '../../../../common/api/alerts.js';
import type { ReportCluster, ReportClusterList } from '../../../../common/api/reports.js';
import { api } from '../../../api/client.js';
import { ErrorNote, Skeleton } from '../../../components/ui.js';
import { useForm } from '../../../components/use-form.js';
import { useLoad } from '../../../components/use-load.js';
import { formatDateTime } from '../../../../common/i18n/format.js';
import { useI18n } from '../../../i18n/i18n.js';
import type { ConsoleSectionProps } from '../../feature.js';

const NAMESPACES = ['reports', 'alerts'];

const listClusters = () => api<ReportClusterList>('GET', '/api/reports/clusters');
const draftFrom = (key: string) =>
  api<AlertDraftView>('POST', `/api/reports/clusters/${encodeURIComponent(key)}/alert-draft`);

/**
 * `/konsol/pola-laporan`: reports of one kind close in space and time over every station the
 * officer sees ("3 laporan pencurian di Kel. X dalam 7 hari"), each with one action: an alert
 * draft pre-filled with its category, areas and text, stored by the alerts feature and opened
 * in the alert composer; a cluster with a draft opens that one, with an issued alert links it.
 */
export function ClustersSection(_props: ConsoleSectionProps) {
  const { t } = useI18n(NAMESPACES);
  const clusters = useLoad(listClusters, 'clusters');
  const rules = clusters.data?.rules;
  return (
    <>
      <h2>{t('reports.clusters.title')}</h2>
      {rules && (
        <p class="muted">
          {t('reports.clusters.intro', {
            radius: rules.radiusM,
            days: rules.windowDays,
            threshold: rules.threshold,
          })}
        </p>
      )}
      <ErrorNote error={clusters.error} />
      {clusters.isLoading && !clusters.data && <Skeleton />}
      {clusters.data?.items.length === 0 && <p class="muted">{t('reports.clusters.empty')}</p>}
      <ul class="list">
        {clusters.data?.items.map((cluster) => (
          <ClusterCard key={cluster.key} cluster={cluster} />
        ))}
      </ul>
    </>
  );
}

function ClusterCard({ cluster }: { cluster: ReportCluster }) {
  const { t, locale } = useI18n(NAMESPACES);
  const form = useForm(t);
  const { route } = useLocation();
  const onDraft = (event: Event) =>
    form.submit(event, async () => {
      const draft = await draftFrom(cluster.key);
      route(`/konsol/peringatan/baru?draf=${encodeURIComponent(draft.id)}`);
    });
  const { draft } = cluster;
  return (
    <li class="card">
      <strong>{cluster.summary}</strong>
      <p class="muted">
        {cluster.station.name} · {formatDateTime(cluster.firstAt, locale)} –{' '}
        {formatDateTime(cluster.lastAt, locale)}
      </p>
      <p>
        {t('reports.clusters.reports')}: {cluster.reports.map((r) => r.trackingCode).join(', ')}
      </p>
      {draft?.state === 'issued' && draft.alertId ? (
        <p class="note">
          {t('reports.clusters.alert_issued')}{' '}
          <a href={`/konsol/peringatan/${encodeURIComponent(draft.alertId)}`}>
            {t('reports.clusters.view_alert')}
          </a>
        </p>
      ) : (
        <form onSubmit={(e) => void onDraft(e)}>
          {draft && <p class="note">{t('reports.clusters.draft_made')}</p>}
          <ErrorNote error={form.error} />
          <button type="submit" class="button" disabled={form.isBusy}>
            {t(draft ? 'reports.clusters.open_existing_draft' : 'reports.clusters.open_draft')}
          </button>
        </form>
      )}
    </li>
  );
}
