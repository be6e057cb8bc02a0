import { useState } from 'preact/hooks';
import {
  REPORT_STATUSES,
  REPORT_TRANSITIONS,
  type ReportStatus,
} from '../../../../common/domain/reports.js';
import { listReportQueue, reportCategoryKey, updateReport, type ReportView } from '../api.js';
import { ErrorNote, Skeleton } from '../../../components/ui.js';
import { useForm } from '../../../components/use-form.js';
import { useLoad } from '../../../components/use-load.js';
import { formatDateTime } from '../../../../common/i18n/format.js';
import { useI18n } from '../../../i18n/i18n.js';
import type { ConsoleSectionProps } from '../../feature.js';

/** The catalog namespaces this page's strings come from. */
const NAMESPACES = ['reports', 'alerts'];

/** `/konsol/laporan`: the reports to the station and those below it, with status changes. */
export function ConsoleReports({ station }: ConsoleSectionProps) {
  const stationId = station.id;
  const { t } = useI18n(NAMESPACES);
  const [status, setStatus] = useState<ReportStatus | ''>('');
  const reports = useLoad(
    () => listReportQueue({ stationId, ...(status ? { status } : {}) }),
    `${stationId}:${status}`,
  );
  return (
    <>
      <h2>{t('reports.console.nav')}</h2>
      <div class="field">
        <label for="report-filter">{t('reports.console.filter')}</label>
        <select
          id="report-filter"
          value={status}
          // The options are exactly REPORT_STATUSES and ''.
          onChange={(e) => setStatus(e.currentTarget.value as ReportStatus | '')}
        >
          <option value="">{t('reports.console.all')}</option>
          {REPORT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`reports.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <ErrorNote error={reports.error} />
      {reports.isLoading && !reports.data && <Skeleton />}
      {reports.data?.items.length === 0 && <p class="muted">{t('reports.console.empty')}</p>}
      <ul class="list">
        {reports.data?.items.map((report) => (
          <ReportCard key={report.id} report={report} onChanged={reports.reload} />
        ))}
      </ul>
    </>
  );
}

function ReportCard({ report, onChanged }: { report: ReportView; onChanged: () => void }) {
  const { t, locale } = useI18n(NAMESPACES);
  const form = useForm(t);
  const next = REPORT_TRANSITIONS[report.status];
  const [target, setTarget] = useState<ReportStatus | ''>('');
  const [note, setNote] = useState('');
  const when = formatDateTime(report.createdAt, locale);
  const onSubmit = (event: Event) =>
    form.submit(event, async () => {
      if (!target) return;
      await updateReport(report.id, {
        status: target,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setTarget('');
      setNote('');
      onChanged();
    });
  const idPrefix = `report-${report.id}`;
  return (
    <li class="card report-card">
      <p>
        <span class={`tag status-${report.status}`}>{t(`reports.status.${report.status}`)}</span>{' '}
        {report.category && <span class="tag">{t(reportCategoryKey(report.category))}</span>}{' '}
        <span class="muted">
          {report.trackingCode} · {when} · {report.station.name}
        </span>
      </p>
      <p class="report-description">{report.description}</p>
      {report.alert && (
        <p class="muted">{t('reports.console.alert', { title: report.alert.title })}</p>
      )}
      {report.area && <p class="muted">{t('reports.console.area', { name: report.area.name })}</p>}
      {report.lat !== null && report.lng !== null && (
        <p>
          <a
            href={`https://www.openstreetmap.org/?mlat=${report.lat}&mlon=${report.lng}#map=17/${report.lat}/${report.lng}`}
            rel="noopener"
            target="_blank"
          >
            {t('reports.console.map')}
          </a>
        </p>
      )}
      <p class="muted">
        {report.reporter
          ? t('reports.console.reporter', { name: report.reporter.name })
          : t('reports.console.anonymous')}
        {report.contact && <> · {t('reports.console.contact', { contact: report.contact })}</>}
      </p>
      {report.note && <p class="muted">“{report.note}”</p>}
      <form class="form report-update" onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorNote error={form.error} />
        <div class="field">
          <label for={`${idPrefix}-status`}>{t('reports.console.change')}</label>
          <select
            id={`${idPrefix}-status`}
            value={target}
            // The options are exactly the allowed next statuses and ''.
            onChange={(e) => setTarget(e.currentTarget.value as ReportStatus | '')}
          >
            <option value="">—</option>
            {next.map((s) => (
              <option key={s} value={s}>
                {t(`reports.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`${idPrefix}-note`}>{t('reports.console.note')}</label>
          <input
            id={`${idPrefix}-note`}
            value={note}
            maxLength={1000}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
        </div>
        <button class="button button-small" type="submit" disabled={form.isBusy || !target}>
          {t('reports.console.save')}
        </button>
      </form>
    </li>
  );
}
