import { lazy } from 'preact-iso';
import { useState } from 'preact/hooks';
import { ReportTextBody, UpdateReportBody } from '../../../../common/api/reports.js';
import { REPORT_TRANSITIONS, type ReportStatus } from '../../../../common/domain/reports.js';
import { formatDateTime } from '../../../../common/i18n/format.js';
import { ErrorNote, Skeleton } from '../../../components/ui.js';
import { useForm } from '../../../components/use-form.js';
import { useLoad } from '../../../components/use-load.js';
import { useI18n } from '../../../i18n/i18n.js';
import { useSession } from '../../../session.js';
import { listOfficers } from '../../accounts/api.js';
import { getPublicConfig } from '../../alerts/api.js';
import {
  addReportText,
  getReportDetail,
  listReportQueue,
  reportCategoryKey,
  updateReport,
  type ReportDetail,
  type ReportView,
} from '../api.js';
import { NAMESPACES } from '../shared.js';

const AlertMap = lazy(() => import('../../alerts/console/AlertMap.js').then((m) => m.AlertMap));

/** `/konsol/laporan/<id>`: one report with map, photos, identity, and every officer action. */
export function ReportDetailPage({ id }: { id: string }) {
  const { t } = useI18n(NAMESPACES);
  const detail = useLoad(() => getReportDetail(id), id);
  // An action answers the report or the whole detail: either way the page shows the new state.
  const [changed, setChanged] = useState<ReportDetail | null>(null);
  const data = changed && changed.report.id === id ? changed : detail.data;
  const reload = () => {
    setChanged(null);
    detail.reload();
  };
  return (
    <>
      <p>
        <a href="/konsol/laporan">← {t('reports.console.back')}</a>
      </p>
      <ErrorNote error={detail.error} />
      {!data && detail.isLoading && <Skeleton />}
      {data && <ReportDetailView detail={data} onDetail={setChanged} onReport={() => reload()} />}
    </>
  );
}

function ReportDetailView(props: {
  detail: ReportDetail;
  onDetail: (detail: ReportDetail) => void;
  onReport: () => void;
}) {
  const { t, locale } = useI18n(NAMESPACES);
  const { report, photos, timeline, messages, notes, similar } = props.detail;
  return (
    <article class="report-detail" aria-label={report.trackingCode}>
      <h2 class="tracking-code">{report.trackingCode}</h2>
      <p>
        <span class={`tag status-${report.status}`} data-testid="report-status">
          {t(`reports.status.${report.status}`)}
        </span>{' '}
        {report.category && <span class="tag">{t(reportCategoryKey(report.category))}</span>}
      </p>
      <p class="muted">
        {t('reports.console.received', { at: formatDateTime(report.createdAt, locale) })} ·{' '}
        {report.station.name}
        {report.occurredAt && (
          <> · {t('reports.console.occurred', { at: formatDateTime(report.occurredAt, locale) })}</>
        )}
      </p>
      <p class="report-description">{report.description}</p>
      {report.alert && (
        <p class="muted">{t('reports.console.alert', { title: report.alert.title })}</p>
      )}
      {report.area && <p class="muted">{t('reports.console.area', { name: report.area.name })}</p>}
      {report.lat !== null && report.lng !== null && (
        <ReportMap lat={report.lat} lng={report.lng} accuracyM={report.accuracyM} />
      )}
      {photos.length > 0 && (
        <ul class="report-thumbs">
          {photos.map((photo, i) => (
            <li key={photo.id}>
              <a href={photo.url} target="_blank" rel="noopener">
                <img src={photo.url} alt={t('reports.form.photo_alt', { n: i + 1 })} />
              </a>
            </li>
          ))}
        </ul>
      )}
      <p class="report-identity">
        {report.reporter
          ? t('reports.console.reporter', { name: report.reporter.name })
          : t('reports.console.anonymous')}
        {report.contact && <> · {t('reports.console.contact', { contact: report.contact })}</>}
      </p>
      {report.rejectionReason && (
        <p class="muted">{t('reports.track.reason', { reason: report.rejectionReason })}</p>
      )}

      <StatusChange report={report} onChanged={props.onReport} />
      <Assignment report={report} onChanged={props.onReport} />
      <SimilarLink report={report} similar={similar} onChanged={props.onReport} />

      <h3>{t('reports.track.timeline')}</h3>
      <ol class="report-timeline">
        {timeline.map((entry) => (
          <li key={`${entry.at}-${entry.status}`}>
            <span class={`tag status-${entry.status}`}>{t(`reports.status.${entry.status}`)}</span>{' '}
            <time class="muted" dateTime={entry.at}>
              {formatDateTime(entry.at, locale)}
            </time>
            {entry.reason && <p>{t('reports.track.reason', { reason: entry.reason })}</p>}
          </li>
        ))}
      </ol>

      <h3>{t('reports.console.thread')}</h3>
      {messages.length === 0 && <p class="muted">{t('reports.console.no_messages')}</p>}
      <ul class="list report-messages">
        {messages.map((message) => (
          <li key={message.id} class={`report-message report-message-${message.from}`}>
            <strong>
              {t(
                message.from === 'station'
                  ? 'reports.console.from_station'
                  : 'reports.console.from_reporter',
              )}
            </strong>{' '}
            {message.body}{' '}
            <time class="muted" dateTime={message.createdAt}>
              {formatDateTime(message.createdAt, locale)}
            </time>
          </li>
        ))}
      </ul>
      <TextForm reportId={report.id} kind="replies" onDone={props.onDetail} />

      <h3>{t('reports.console.notes')}</h3>
      <ul class="list report-notes">
        {notes.map((note) => (
          <li key={note.id}>
            <strong>{note.authorName}:</strong> {note.body}{' '}
            <time class="muted" dateTime={note.createdAt}>
              {formatDateTime(note.createdAt, locale)}
            </time>
          </li>
        ))}
      </ul>
      <TextForm reportId={report.id} kind="notes" onDone={props.onDetail} />
    </article>
  );
}

/** The alerts console's map, opened on the report with its accuracy as a circle. */
function ReportMap(props: { lat: number; lng: number; accuracyM: number | null }) {
  const { t } = useI18n(NAMESPACES);
  const config = useLoad(getPublicConfig, 'config');
  const circles = [{ lat: props.lat, lng: props.lng, radiusM: Math.max(props.accuracyM ?? 0, 25) }];
  return (
    <div class="report-map">
      {config.data && (
        <AlertMap
          tileUrl={config.data.mapTileUrl}
          label={t('reports.console.map')}
          circles={circles}
          polygons={[]}
          draft={[]}
          outlines={[]}
          focus={{ lat: props.lat, lng: props.lng, zoom: 16 }}
          onTap={() => undefined}
          onTilesFailed={() => undefined}
        />
      )}
      <small class="muted">
        {props.lat.toFixed(5)}, {props.lng.toFixed(5)}
        {props.accuracyM !== null &&
          ` ${t('reports.form.location_accuracy', { metres: Math.round(props.accuracyM) })}`}
      </small>
    </div>
  );
}

function StatusChange({ report, onChanged }: { report: ReportView; onChanged: () => void }) {
  const { t } = useI18n(NAMESPACES);
  const form = useForm(t);
  const [target, setTarget] = useState<ReportStatus | ''>('');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const body = {
    ...(target ? { status: target } : {}),
    ...(target === 'ditolak' ? { reason: reason.trim() } : {}),
    ...(note.trim() ? { note: note.trim() } : {}),
  };
  const onSubmit = (event: Event) =>
    form.submit(
      event,
      async () => {
        await updateReport(report.id, body);
        setTarget('');
        setReason('');
        setNote('');
        onChanged();
      },
      { schema: UpdateReportBody, value: body },
    );
  return (
    <form class="form report-update" onSubmit={(e) => void onSubmit(e)} noValidate>
      <ErrorNote error={form.error} />
      <div class="field">
        <label for="report-status-to">{t('reports.console.change')}</label>
        <select
          id="report-status-to"
          value={target}
          // The options are exactly the allowed next statuses and ''.
          onChange={(e) => setTarget(e.currentTarget.value as ReportStatus | '')}
        >
          <option value="">—</option>
          {REPORT_TRANSITIONS[report.status].map((s) => (
            <option key={s} value={s}>
              {t(`reports.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {target === 'ditolak' && (
        <div class="field">
          <label for="report-reason">{t('reports.console.reason')}</label>
          <input
            id="report-reason"
            value={reason}
            aria-invalid={form.fields.reason ? 'true' : undefined}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
          <small class="hint">{t('reports.console.reason_hint')}</small>
          {form.fields.reason && <small class="field-error">{form.fields.reason}</small>}
        </div>
      )}
      <div class="field">
        <label for="report-note">{t('reports.console.note')}</label>
        <input id="report-note" value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </div>
      <button class="button button-small" type="submit" disabled={form.isBusy || !target}>
        {t('reports.console.save')}
      </button>
    </form>
  );
}

function Assignment({ report, onChanged }: { report: ReportView; onChanged: () => void }) {
  const { t } = useI18n(NAMESPACES);
  const { me } = useSession();
  const form = useForm(t);
  // Only station admins may list the officers; others can take or hand back the report.
  const officers = useLoad(() => listOfficers(report.station.id), report.station.id);
  const assign = (assigneeId: string | null) => (event: Event) =>
    form.submit(event, async () => {
      await updateReport(report.id, { assigneeId });
      onChanged();
    });
  return (
    <div class="report-assign">
      <ErrorNote error={form.error} />
      <p>
        {report.assignee
          ? t('reports.console.assigned_to', { name: report.assignee.name })
          : t('reports.console.unassigned')}
      </p>
      <span class="actions">
        {me && report.assignee?.id !== me.id && (
          <button
            type="button"
            class="button button-small button-secondary"
            disabled={form.isBusy}
            onClick={(e) => void assign(me.id)(e)}
          >
            {t('reports.console.assign_me')}
          </button>
        )}
        {report.assignee && (
          <button
            type="button"
            class="button button-small button-secondary"
            disabled={form.isBusy}
            onClick={(e) => void assign(null)(e)}
          >
            {t('reports.console.unassign')}
          </button>
        )}
      </span>
      {officers.data && officers.data.officers.length > 0 && (
        <div class="field">
          <label for="report-assignee">{t('reports.console.assign_to')}</label>
          <select
            id="report-assignee"
            value={report.assignee?.id ?? ''}
            onChange={(e) => void assign(e.currentTarget.value || null)(e)}
          >
            <option value="">—</option>
            {officers.data.officers.map((officer) => (
              <option key={officer.id} value={officer.id}>
                {officer.name}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}

/** "Laporan serupa": link this report to another of the same category (or unlink). */
function SimilarLink(props: {
  report: ReportView;
  similar: ReportDetail['similar'];
  onChanged: () => void;
}) {
  const { report } = props;
  const { t } = useI18n(NAMESPACES);
  const form = useForm(t);
  const candidates = useLoad(
    () =>
      listReportQueue({
        stationId: report.station.id,
        ...(report.category ? { category: report.category } : {}),
      }),
    `${report.station.id}:${report.category ?? ''}`,
  );
  const others = (candidates.data?.items ?? []).filter(
    (r) => r.id !== report.id && r.duplicateOfId === null,
  );
  const link = (duplicateOfId: string | null) => (event: Event) =>
    form.submit(event, async () => {
      await updateReport(report.id, { duplicateOfId });
      props.onChanged();
    });
  const linkedTo = candidates.data?.items.find((r) => r.id === report.duplicateOfId);
  return (
    <div class="report-similar">
      <ErrorNote error={form.error} />
      {report.duplicateOfId ? (
        <p>
          {t('reports.console.similar_of')}{' '}
          <a href={`/konsol/laporan/${report.duplicateOfId}`}>
            {linkedTo?.trackingCode ?? t('reports.console.open')}
          </a>{' '}
          <button
            type="button"
            class="button button-small button-secondary"
            onClick={(e) => void link(null)(e)}
          >
            {t('reports.console.unlink')}
          </button>
        </p>
      ) : (
        others.length > 0 && (
          <div class="field">
            <label for="report-similar">{t('reports.console.similar_link')}</label>
            <select
              id="report-similar"
              value=""
              onChange={(e) => void link(e.currentTarget.value)(e)}
            >
              <option value="">—</option>
              {others.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.trackingCode} · {r.description.slice(0, 40)}
                </option>
              ))}
            </select>
          </div>
        )
      )}
      {props.similar.length > 0 && (
        <p>
          {t('reports.console.similar_here')}{' '}
          {props.similar.map((s) => (
            <a key={s.id} class="report-similar-code" href={`/konsol/laporan/${s.id}`}>
              {s.trackingCode}
            </a>
          ))}
        </p>
      )}
    </div>
  );
}

/** A public reply to the reporter, or an internal note. */
function TextForm(props: {
  reportId: string;
  kind: 'replies' | 'notes';
  onDone: (detail: ReportDetail) => void;
}) {
  const { t } = useI18n(NAMESPACES);
  const form = useForm(t);
  const [body, setBody] = useState('');
  const id = `report-${props.kind}`;
  const onSubmit = (event: Event) =>
    form.submit(
      event,
      async () => {
        props.onDone(await addReportText(props.reportId, props.kind, body.trim()));
        setBody('');
      },
      { schema: ReportTextBody, value: { body: body.trim() } },
    );
  return (
    <form class="form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <ErrorNote error={form.error} />
      <div class="field">
        <label for={id}>
          {t(props.kind === 'replies' ? 'reports.console.reply' : 'reports.console.add_note')}
        </label>
        <textarea id={id} rows={3} value={body} onInput={(e) => setBody(e.currentTarget.value)} />
        <small class="hint">
          {t(
            props.kind === 'replies'
              ? 'reports.console.reply_hint'
              : 'reports.console.add_note_hint',
          )}
        </small>
        {form.fields.body && <small class="field-error">{form.fields.body}</small>}
      </div>
      <button class="button button-small" type="submit" disabled={form.isBusy}>
        {t(props.kind === 'replies' ? 'reports.console.send_reply' : 'reports.console.save_note')}
      </button>
    </form>
  );
}
