import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import type { AreaSummary } from '../../../common/api/areas.js';
import {
  normaliseTrackingCode,
  REPORT_CATEGORIES,
  type ReportCategory,
} from '../../../common/domain/reports.js';
import {
  reportCategoryKey,
  submitReport,
  trackReport,
  type SubmitReportBody,
  type SubmittedReport,
} from './api.js';
import { getAlert } from '../alerts/api.js';
import { getArea } from '../areas/api.js';
import { ErrorNote, Field, Page, Skeleton } from '../../components/ui.js';
import { useForm } from '../../components/use-form.js';
import { useAreaSearch } from '../areas/use-area-search.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/i18n.js';
import {
  isOffline,
  myTrackingHandles,
  QUEUE_FLUSHED_EVENT,
  queueReport,
  rememberTrackingHandle,
} from './report-queue.js';

/** The catalog namespaces this page's strings come from. */
const NAMESPACES = ['reports', 'alerts'];

const trackUrl = (code: string) => `/lapor/lacak?kode=${encodeURIComponent(code)}`;

/** `/lapor?alert=<id>&area=<code>`: the citizen's report, linked to an alert and area when given. */
export function ReportForm() {
  const { t } = useI18n(NAMESPACES);
  const { query } = useLocation();
  const alertId = query.alert;
  const [chosenArea, setChosenArea] = useState<AreaSummary | null>(null);
  const areaCode = query.area ?? chosenArea?.code;
  const alert = useLoad(
    () => (alertId ? getAlert(alertId) : Promise.resolve(undefined)),
    alertId ?? '',
  );
  const area = useLoad(
    () => (query.area ? getArea(query.area) : Promise.resolve(undefined)),
    query.area ?? '',
  );
  const areaLabel = area.data?.label ?? chosenArea?.label;
  const form = useForm(t);
  const [description, setDescription] = useState('');
  const [category, setCategory] = useState<ReportCategory | ''>('');
  const [position, setPosition] = useState<{ lat: number; lng: number } | null>(null);
  const [geoState, setGeoState] = useState<'idle' | 'asking' | 'denied'>('idle');
  const [isAnonymous, setAnonymous] = useState(true);
  const [contact, setContact] = useState('');
  const [sent, setSent] = useState<SubmittedReport | null>(null);
  const [isQueued, setQueued] = useState(false);

  // The alert's category, once known, unless the reporter already chose one.
  const alertCategory = alert.data?.category;
  useEffect(() => {
    if (alertCategory) setCategory((current) => current || alertCategory);
  }, [alertCategory]);

  const locate = () => {
    setGeoState('asking');
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setPosition({ lat: p.coords.latitude, lng: p.coords.longitude });
        setGeoState('idle');
      },
      () => setGeoState('denied'),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  const onSubmit = (event: Event) =>
    form.submit(event, async () => {
      const body: SubmitReportBody = {
        description: description.trim(),
        anonymous: isAnonymous,
        // One key per written report: resending it (offline queue, lost answer) makes no twin.
        idempotencyKey: crypto.randomUUID(),
        ...(category ? { category } : {}),
        ...(alertId ? { alertId } : {}),
        ...(areaCode ? { areaCode } : {}),
        ...(position ?? {}),
        ...(contact.trim() ? { contact: contact.trim() } : {}),
      };
      try {
        const result = await submitReport(body);
        rememberTrackingHandle({ code: result.trackingCode, secret: result.secret });
        setSent(result);
      } catch (error) {
        if (!isOffline(error)) throw error;
        queueReport(body);
        setQueued(true);
      }
    });

  if (sent) return <ReportSent report={sent} />;
  if (isQueued)
    return (
      <Page title={t('reports.queued.title')}>
        <p class="note note-ok" role="status">
          {t('reports.queued.text')}
        </p>
        <a class="button button-secondary" href="/lapor/lacak">
          {t('reports.track.mine')}
        </a>
      </Page>
    );

  return (
    <Page title={t('reports.form.title')}>
      <p class="muted">
        {t('reports.form.intro')} <a href="/lapor/lacak">{t('reports.track.title')}</a>
      </p>
      {(alert.isLoading || area.isLoading) && <Skeleton lines={1} />}
      {alert.data && (
        <p class="report-context">
          {t('reports.form.related_alert')} <strong>{alert.data.title}</strong>
        </p>
      )}
      {areaLabel && (
        <p class="report-context">
          {t('reports.form.area')} <strong>{areaLabel}</strong>{' '}
          {chosenArea && (
            <button
              type="button"
              class="button button-small button-secondary"
              onClick={() => setChosenArea(null)}
            >
              {t('reports.form.area_change')}
            </button>
          )}
        </p>
      )}
      {!query.area && !chosenArea && <ReportAreaSearch onChoose={setChosenArea} />}
      <form class="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorNote error={form.error} />
        <div class="field">
          <label for="report-description">{t('reports.form.description')}</label>
          <textarea
            id="report-description"
            rows={5}
            maxLength={2000}
            value={description}
            aria-invalid={form.fields.description ? 'true' : undefined}
            onInput={(e) => setDescription(e.currentTarget.value)}
          />
          <small class={form.fields.description ? 'field-error' : 'hint'}>
            {form.fields.description ?? t('reports.form.description_hint')}
          </small>
        </div>
        <div class="field">
          <label for="report-category">{t('reports.form.category')}</label>
          <select
            id="report-category"
            value={category}
            // The options are exactly REPORT_CATEGORIES and ''.
            onChange={(e) => setCategory(e.currentTarget.value as ReportCategory | '')}
          >
            <option value="">{t('reports.form.category_none')}</option>
            {REPORT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(reportCategoryKey(c))}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <button type="button" class="button button-secondary" onClick={locate}>
            {t('reports.form.use_location')}
          </button>
          {geoState === 'asking' && <small class="hint">{t('reports.form.locating')}</small>}
          {geoState === 'denied' && (
            <small class="field-error">{t('reports.form.location_denied')}</small>
          )}
          {position && (
            <small class="hint">
              {t('reports.form.location_set', {
                lat: position.lat.toFixed(5),
                lng: position.lng.toFixed(5),
              })}
            </small>
          )}
          {(form.fields.areaCode ?? form.fields.lat) && (
            <small class="field-error">{form.fields.areaCode ?? form.fields.lat}</small>
          )}
        </div>
        <div class="field field-check">
          <label>
            <input
              type="checkbox"
              checked={isAnonymous}
              onChange={(e) => setAnonymous(e.currentTarget.checked)}
            />{' '}
            {t('reports.form.anonymous')}
          </label>
          <small class="hint">{t('reports.form.anonymous_hint')}</small>
        </div>
        <Field
          label={t('reports.form.contact')}
          name="report-contact"
          value={contact}
          onInput={setContact}
          hint={t('reports.form.contact_hint')}
          error={form.fields.contact}
        />
        <button class="button" type="submit" disabled={form.isBusy}>
          {t('reports.form.submit')}
        </button>
      </form>
    </Page>
  );
}

/** Where it happened, when the link did not say: any level of area will do. */
function ReportAreaSearch({ onChoose }: { onChoose: (area: AreaSummary) => void }) {
  const { t } = useI18n(NAMESPACES);
  const { query, setQuery, results } = useAreaSearch();
  return (
    <div class="field">
      <label for="report-area-q">{t('reports.form.area_search')}</label>
      <input
        id="report-area-q"
        type="search"
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      <small class="hint">{t('reports.form.area_search_hint')}</small>
      <ErrorNote error={results.error} />
      <ul class="list" aria-live="polite">
        {results.data?.items.map((a) => (
          <li key={a.code}>
            <button type="button" class="link-button" onClick={() => onChoose(a)}>
              {a.label}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ReportSent({ report }: { report: SubmittedReport }) {
  const { t } = useI18n(NAMESPACES);
  const [isCopied, setCopied] = useState(false);
  const copy = () =>
    navigator.clipboard.writeText(`${report.trackingCode} ${report.secret}`).then(
      () => setCopied(true),
      () => undefined,
    );
  return (
    <Page title={t('reports.sent.title')}>
      <p>{t('reports.sent.text', { station: report.station.name })}</p>
      <p class="muted">{t('reports.sent.code_label')}</p>
      <p class="tracking-code" data-testid="tracking-code">
        {report.trackingCode}
      </p>
      <p class="muted">{t('reports.sent.secret_label')}</p>
      <p class="tracking-code" data-testid="tracking-secret">
        {report.secret}
      </p>
      <span class="actions">
        <button type="button" class="button button-secondary" onClick={() => void copy()}>
          {isCopied ? t('reports.sent.copied') : t('reports.sent.copy')}
        </button>
        <a class="button" href={trackUrl(report.trackingCode)}>
          {t('reports.sent.track')}
        </a>
      </span>
    </Page>
  );
}

/** `/lapor/lacak?kode=…`: a report's status by its tracking code. */
export function TrackReport() {
  const { t } = useI18n(NAMESPACES);
  const { query, route } = useLocation();
  const code = query.kode ? normaliseTrackingCode(query.kode) : '';
  const [typed, setTyped] = useState(code);
  const [mine, setMine] = useState(myTrackingHandles);
  const known = mine.find((handle) => handle.code === code)?.secret ?? '';
  const [typedSecret, setTypedSecret] = useState('');
  const secret = known || typedSecret;
  useEffect(() => {
    const refresh = () => setMine(myTrackingHandles());
    addEventListener(QUEUE_FLUSHED_EVENT, refresh);
    return () => removeEventListener(QUEUE_FLUSHED_EVENT, refresh);
  }, []);
  const result = useLoad(
    () => (code && secret ? trackReport(code, secret) : Promise.resolve(undefined)),
    `${code} ${secret}`,
  );
  const onSubmit = (event: Event) => {
    event.preventDefault();
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
          />
        )}
        <button class="button" type="submit">
          {t('reports.track.submit')}
        </button>
      </form>
      <ErrorNote error={result.error} />
      {code && result.isLoading && <Skeleton lines={2} />}
      {result.data && (
        <div class="card report-status" role="status">
          <p class="tracking-code">{result.data.trackingCode}</p>
          <p>
            {t('reports.track.status')}{' '}
            <span class={`tag status-${result.data.status}`}>
              {t(`reports.status.${result.data.status}`)}
            </span>
          </p>
          <p>
            {t('reports.track.station')}{' '}
            <a href={`/kantor/${result.data.station.slug}`}>{result.data.station.name}</a>
          </p>
          {result.data.messages.length > 0 && (
            <ul class="list">
              {result.data.messages.map((message) => (
                <li key={message.id}>
                  <strong>
                    {t(
                      message.from === 'station'
                        ? 'reports.track.from_station'
                        : 'reports.track.from_you',
                    )}
                  </strong>{' '}
                  {message.body}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {mine.length > 0 && (
        <>
          <h2>{t('reports.track.mine')}</h2>
          <ul class="list">
            {mine.map(({ code: c }) => (
              <li key={c}>
                <a href={trackUrl(c)}>{c}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
