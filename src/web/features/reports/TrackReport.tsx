import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import type { ReportPhoto } from '../../../common/api/reports.js';
import { normaliseTrackingCode } from '../../../common/domain/reports.js';
import { formatDateTime } from '../../../common/i18n/format.js';
import { ErrorNote, Field, Page, Skeleton } from '../../components/ui.js';
import { useForm } from '../../components/use-form.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/i18n.js';
import { useSession } from '../../session.js';
import {
  fetchTrackedPhoto,
  listMyReports,
  reportCategoryKey,
  sendTipsterMessage,
  trackReport,
  type ReportTracking,
} from './api.js';
import { followTracking } from './live-tracking.js';
import { NAMESPACES, trackUrl } from './shared.js';
import { useOutbox } from './use-outbox.js';

/** `/lapor/lacak?kode=…`: a report's timeline, replies and photos, by its code and secret. */
export function TrackReport() {
  const { t } = useI18n(NAMESPACES);
  const { query, route } = useLocation();
  const code = query.kode ? normaliseTrackingCode(query.kode) : '';
  const [typed, setTyped] = useState(code);
  const { waiting, handles } = useOutbox();
  const known = handles.find((handle) => handle.code === code)?.secret ?? '';
  const [typedSecret, setTypedSecret] = useState('');
  const [secret, setSecret] = useState('');
  const usedSecret = known || secret;
  const [fresh, setFresh] = useState<ReportTracking | null>(null);
  const result = useLoad(
    () => (code && usedSecret ? trackReport(code, usedSecret) : Promise.resolve(undefined)),
    `${code} ${usedSecret}`,
  );
  useEffect(() => setFresh(null), [code, usedSecret]);
  // Once the code and secret open the report, replies and status changes come without reload.
  const isOpen = result.data !== undefined;
  useEffect(
    () => (isOpen && code && usedSecret ? followTracking(code, usedSecret, setFresh) : undefined),
    [isOpen, code, usedSecret],
  );
  const report = fresh ?? result.data;
  const onSubmit = (event: Event) => {
    event.preventDefault();
    setSecret(typedSecret.trim());
    if (typed.trim()) route(trackUrl(normaliseTrackingCode(typed)));
  };
  return (
    <Page title={t('reports.track.title')}>
      <form class="form" onSubmit={onSubmit}>
        <Field
          label={t('reports.track.code')}
          name="tracking-code"
          value={typed}
          onInput={setTyped}
          hint={t('reports.track.code_hint')}
        />
        {!known && (
          <Field
            label={t('reports.track.secret')}
            name="tracking-secret"
            value={typedSecret}
            onInput={setTypedSecret}
            hint={t('reports.track.secret_hint')}
            autocomplete="off"
          />
        )}
        <button class="button" type="submit">
          {t('reports.track.submit')}
        </button>
      </form>
      <ErrorNote error={result.error} />
      {code && usedSecret && result.isLoading && !report && <Skeleton lines={2} />}
      {report && (
        <>
          <ReportThread report={report} secret={usedSecret} />
          <TipsterMessage code={report.trackingCode} secret={usedSecret} onSent={setFresh} />
        </>
      )}
      {(waiting.length > 0 || handles.length > 0) && (
        <>
          <h2>{t('reports.track.mine')}</h2>
          <ul class="list report-device-list">
            {waiting.map((entry) => (
              <li key={entry.idempotencyKey}>
                <span class="tag tag-waiting">{t('reports.queued.badge')}</span>{' '}
                <span class="muted">{entry.fields.description?.slice(0, 60)}</span>
              </li>
            ))}
            {handles.map(({ code: c }) => (
              <li key={c}>
                <a href={trackUrl(c)}>{c}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href="/lapor/saya">{t('reports.mine.title')}</a>
      </p>
    </Page>
  );
}

function TipsterMessage(props: {
  code: string;
  secret: string;
  onSent: (report: ReportTracking) => void;
}) {
  const { t } = useI18n(NAMESPACES);
  const form = useForm(t);
  const [body, setBody] = useState('');
  const onSubmit = (event: Event) =>
    form.submit(event, async () => {
      props.onSent(await sendTipsterMessage(props.code, props.secret, body.trim()));
      setBody('');
    });
  return (
    <form class="form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <ErrorNote error={form.error} />
      <div class="field">
        <label for="tipster-message">{t('reports.track.message_label')}</label>
        <textarea
          id="tipster-message"
          rows={3}
          value={body}
          onInput={(e) => setBody(e.currentTarget.value)}
        />
        <small class="hint">{t('reports.track.message_hint')}</small>
        {form.fields.body && <small class="field-error">{form.fields.body}</small>}
      </div>
      <button class="button" type="submit" disabled={form.isBusy || !body.trim()}>
        {t('reports.track.message_send')}
      </button>
    </form>
  );
}

/** `/lapor/saya`: the signed-in citizen's named reports, each with its timeline. */
export function MyReports() {
  const { t } = useI18n(NAMESPACES);
  const { me } = useSession();
  const reports = useLoad(
    () => (me ? listMyReports() : Promise.resolve(undefined)),
    me?.id ?? 'guest',
  );
  return (
    <Page title={t('reports.mine.title')}>
      {!me && (
        <p>
          <a href="/masuk">{t('reports.mine.login')}</a>
        </p>
      )}
      <ErrorNote error={reports.error} />
      {me && reports.isLoading && <Skeleton />}
      {reports.data?.items.length === 0 && <p class="muted">{t('reports.mine.empty')}</p>}
      {reports.data?.items.map((report) => (
        <ReportThread key={report.id} report={report} />
      ))}
    </Page>
  );
}

/** Status, timeline, messages and photos, as the reporter sees them. */
function ReportThread({ report, secret }: { report: ReportTracking; secret?: string }) {
  const { t, locale } = useI18n(NAMESPACES);
  return (
    <article class="card report-status" aria-label={report.trackingCode}>
      <p class="tracking-code">{report.trackingCode}</p>
      <p role="status">
        {t('reports.track.status')}{' '}
        <span class={`tag status-${report.status}`}>{t(`reports.status.${report.status}`)}</span>
        {report.category && <> · {t(reportCategoryKey(report.category))}</>}
      </p>
      <p>
        {t('reports.track.station')}{' '}
        <a href={`/kantor/${report.station.slug}`}>{report.station.name}</a>
      </p>
      <p class="report-description">{report.description}</p>
      <h3>{t('reports.track.timeline')}</h3>
      <ol class="report-timeline">
        {report.timeline.map((entry) => (
          <li key={`${entry.at}-${entry.status}`}>
            <span class={`tag status-${entry.status}`}>{t(`reports.status.${entry.status}`)}</span>{' '}
            <time class="muted" dateTime={entry.at}>
              {formatDateTime(entry.at, locale)}
            </time>
            {entry.reason && <p>{t('reports.track.reason', { reason: entry.reason })}</p>}
          </li>
        ))}
      </ol>
      {report.photos.length > 0 && (
        <>
          <h3>{t('reports.track.photos')}</h3>
          <ul class="report-thumbs">
            {report.photos.map((photo, i) => (
              <li key={photo.id}>
                <ReportImage
                  photo={photo}
                  secret={secret}
                  alt={t('reports.form.photo_alt', { n: i + 1 })}
                />
              </li>
            ))}
          </ul>
        </>
      )}
      {report.messages.length > 0 && (
        <>
          <h3>{t('reports.track.messages')}</h3>
          <ul class="list report-messages">
            {report.messages.map((message) => (
              <li key={message.id} class={`report-message report-message-${message.from}`}>
                <strong>
                  {t(
                    message.from === 'station'
                      ? 'reports.track.from_station'
                      : 'reports.track.from_you',
                  )}
                </strong>{' '}
                {message.body}{' '}
                <time class="muted" dateTime={message.createdAt}>
                  {formatDateTime(message.createdAt, locale)}
                </time>
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

/** A photo URL needs the session (plain <img>) or the secret (fetched with its header). */
export function ReportImage(props: {
  photo: ReportPhoto;
  secret?: string | undefined;
  alt: string;
}) {
  const { photo, secret } = props;
  const [src, setSrc] = useState(secret ? '' : photo.url);
  useEffect(() => {
    if (!secret) return;
    let url = '';
    let isCurrent = true;
    fetchTrackedPhoto(photo.url, secret).then(
      (blob) => {
        url = URL.createObjectURL(blob);
        if (isCurrent) setSrc(url);
      },
      () => undefined,
    );
    return () => {
      isCurrent = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [photo.url, secret]);
  return src ? (
    <img
      src={src}
      alt={props.alt}
      width={photo.width ?? undefined}
      height={photo.height ?? undefined}
    />
  ) : (
    <span class="report-thumb-empty" />
  );
}
