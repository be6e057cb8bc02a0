import { useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import type { AreaSummary } from '../../../../common/api/areas.js';
import {
  REPORT_CATEGORIES,
  REPORT_STATUSES,
  type ReportCategory,
  type ReportStatus,
} from '../../../../common/domain/reports.js';
import { formatDateTime } from '../../../../common/i18n/format.js';
import { ErrorNote, Skeleton } from '../../../components/ui.js';
import { useLoad } from '../../../components/use-load.js';
import { useI18n } from '../../../i18n/i18n.js';
import { useSession } from '../../../session.js';
import type { ConsoleSectionProps } from '../../feature.js';
import { listReportQueue, reportCategoryKey, type ReportView } from '../api.js';
import { AreaPicker } from '../AreaPicker.js';
import { NAMESPACES } from '../shared.js';
import { ReportDetailPage } from './ReportDetail.js';

/** Age filters in hours: any, a day, three days, a week. */
const AGES = [0, 24, 72, 168] as const;

/** `/konsol/laporan` (the queue) and `/konsol/laporan/<id>` (one report). */
export function ConsoleReports({ station }: ConsoleSectionProps) {
  const { sub } = useRoute().params;
  if (sub) return <ReportDetailPage id={sub} />;
  return <ReportQueuePage stationId={station.id} />;
}

function ReportQueuePage({ stationId }: { stationId: string }) {
  const { t } = useI18n(NAMESPACES);
  const { me } = useSession();
  const [status, setStatus] = useState<ReportStatus | ''>('');
  const [category, setCategory] = useState<ReportCategory | ''>('');
  const [area, setArea] = useState<AreaSummary | null>(null);
  const [minAgeHours, setMinAge] = useState(0);
  const [assignee, setAssignee] = useState<'' | 'me' | 'none'>('');
  const query = {
    stationId,
    ...(status ? { status } : {}),
    ...(category ? { category } : {}),
    ...(area ? { area: area.code } : {}),
    ...(minAgeHours ? { minAgeHours } : {}),
    ...(assignee === 'none' ? { assignee: 'none' } : {}),
    ...(assignee === 'me' && me ? { assignee: me.id } : {}),
  };
  const queue = useLoad(() => listReportQueue(query), JSON.stringify(query));
  const counts = queue.data?.counts ?? {};
  return (
    <>
      <h2>{t('reports.console.nav')}</h2>
      <div class="report-counts" role="group" aria-label={t('reports.console.filter')}>
        <button
          type="button"
          class="report-count"
          aria-pressed={status === ''}
          onClick={() => setStatus('')}
        >
          {t('reports.console.all')}
        </button>
        {REPORT_STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            class="report-count"
            aria-pressed={status === s}
            onClick={() => setStatus(s)}
          >
            {t(`reports.status.${s}`)} ({counts[s] ?? 0})
          </button>
        ))}
      </div>
      <details class="report-filters">
        <summary>{t('reports.console.more_filters')}</summary>
        <div class="field">
          <label for="report-filter-category">{t('reports.form.category')}</label>
          <select
            id="report-filter-category"
            value={category}
            // The options are exactly REPORT_CATEGORIES and ''.
            onChange={(e) => setCategory(e.currentTarget.value as ReportCategory | '')}
          >
            <option value="">{t('reports.console.all')}</option>
            {REPORT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(reportCategoryKey(c))}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="report-filter-age">{t('reports.console.age')}</label>
          <select
            id="report-filter-age"
            value={String(minAgeHours)}
            onChange={(e) => setMinAge(Number(e.currentTarget.value))}
          >
            {AGES.map((hours) => (
              <option key={hours} value={String(hours)}>
                {hours === 0
                  ? t('reports.console.all')
                  : t('reports.console.older_than', { days: hours / 24 })}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="report-filter-assignee">{t('reports.console.assignee')}</label>
          <select
            id="report-filter-assignee"
            value={assignee}
            // The options are exactly '', 'me' and 'none'.
            onChange={(e) => setAssignee(e.currentTarget.value as '' | 'me' | 'none')}
          >
            <option value="">{t('reports.console.all')}</option>
            <option value="me">{t('reports.console.assigned_me')}</option>
            <option value="none">{t('reports.console.unassigned')}</option>
          </select>
        </div>
        {area ? (
          <p class="report-context">
            {t('reports.form.area')} <strong>{area.label}</strong>{' '}
            <button
              type="button"
              class="button button-small button-secondary"
              onClick={() => setArea(null)}
            >
              {t('reports.console.clear')}
            </button>
          </p>
        ) : (
          <AreaPicker
            label={t('reports.console.area_filter')}
            hint={t('reports.form.area_search_hint')}
            onChoose={setArea}
          />
        )}
      </details>
      <ErrorNote error={queue.error} />
      {queue.isLoading && !queue.data && <Skeleton />}
      {queue.data?.items.length === 0 && <p class="muted">{t('reports.console.empty')}</p>}
      <ul class="list report-queue">
        {queue.data?.items.map((report) => (
          <QueueItem key={report.id} report={report} />
        ))}
      </ul>
    </>
  );
}

function QueueItem({ report }: { report: ReportView }) {
  const { t, locale } = useI18n(NAMESPACES);
  return (
    <li class="card report-card">
      <a class="report-card-link" href={`/konsol/laporan/${report.id}`}>
        <span class={`tag status-${report.status}`}>{t(`reports.status.${report.status}`)}</span>{' '}
        {report.category && <span class="tag">{t(reportCategoryKey(report.category))}</span>}{' '}
        {!report.firstResponseAt && (
          <span class="tag tag-waiting">{t('reports.console.unanswered')}</span>
        )}
        <span class="report-card-text">{report.description}</span>
      </a>
      <span class="muted">
        {report.trackingCode} · {formatDateTime(report.createdAt, locale)} · {report.station.name}
        {report.photoCount > 0 && <> · {t('reports.console.photos', { n: report.photoCount })}</>}
        {report.assignee && <> · {report.assignee.name}</>}
      </span>
    </li>
  );
}
