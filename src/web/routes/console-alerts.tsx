import { lazy, useRoute } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import {
  ALERT_CATEGORIES,
  ALERT_CERTAINTIES,
  ALERT_RADIUS_MAX_M,
  ALERT_RADIUS_MIN_M,
  ALERT_SEVERITIES,
  ALERT_STATUSES,
  ALERT_URGENCIES,
} from '../../common/domain/alerts.js';
import type { MessageKey } from '../../common/i18n/index.js';
import {
  approveAlert,
  cancelAlert,
  getAlert,
  getAlertDelivery,
  getPublicConfig,
  issueAlert,
  listStationAlerts,
  previewAlert,
  rejectAlert,
  updateAlert,
} from '../features/alerts/api.js';
import { getStation } from '../features/stations/api.js';
import type {
  AlertDelivery,
  AlertPreview,
  AlertTargetInput,
  AlertView,
  IssueAlertBody,
  StationListItem,
} from '../api/types.js';
import { ErrorNote, Field, Skeleton } from '../components/ui.js';
import { useForm } from '../components/use-form.js';
import { useAreaSearch } from '../features/areas/use-area-search.js';
import { useLoad } from '../components/use-load.js';
import { useI18n, type Translate } from '../i18n/i18n.js';

/** The catalog namespaces this page's strings come from. */
const NAMESPACES = ['console-alerts', 'alerts'];

// Leaflet is only downloaded by officers who open the composer.
const AlertMap = lazy(() =>
  import('../features/alerts/console/AlertMap.js').then((m) => m.AlertMap),
);

/** Delivery figures refresh this often while the alert page is open. */
const DELIVERY_POLL_MS = 3000;

/** `/konsol/peringatan`, `/konsol/peringatan/baru` and `/konsol/peringatan/<id>`. */
export function ConsoleAlerts({ station }: { station: StationListItem }) {
  const { sub } = useRoute().params;
  if (sub === 'baru') return <Composer station={station} />;
  if (sub) return <AlertPage id={sub} />;
  return <AlertLists station={station} />;
}

/** An area as alerts name it. */
interface Named {
  code: string;
  name: string;
}

const tk = (key: string) => key as MessageKey; // keys built from the domain's own vocabularies

function StateBadge({ alert }: { alert: AlertView }) {
  const { t } = useI18n(NAMESPACES);
  return (
    <span class={`badge badge-${alert.state}`}>{t(tk(`consoleAlerts.state.${alert.state}`))}</span>
  );
}

function AlertLists({ station }: { station: StationListItem }) {
  const { t, locale } = useI18n(NAMESPACES);
  const pending = useLoad(() => listStationAlerts(station.id, true), `p${station.id}`);
  const all = useLoad(() => listStationAlerts(station.id, false), `a${station.id}`);
  const published = all.data?.alerts ?? [];
  const groups: Array<[MessageKey, AlertView[] | undefined]> = [
    ['consoleAlerts.list.pending', pending.data?.alerts],
    ['consoleAlerts.list.active', all.data && published.filter((a) => a.state === 'published')],
    ['consoleAlerts.list.past', all.data && published.filter((a) => a.state !== 'published')],
  ];
  return (
    <div class="console-alerts">
      <a class="button" href="/konsol/peringatan/baru">
        {t('consoleAlerts.new')}
      </a>
      <ErrorNote error={pending.error ?? all.error} />
      {groups.map(([title, alerts]) => (
        <section key={title}>
          <h2>{t(title)}</h2>
          {!alerts && <Skeleton lines={2} />}
          {alerts?.length === 0 && <p class="muted">{t('consoleAlerts.list.empty')}</p>}
          {alerts && alerts.length > 0 && (
            <ul class="list">
              {alerts.map((alert) => (
                <li key={alert.id}>
                  <a href={`/konsol/peringatan/${alert.id}`}>{alert.title}</a>{' '}
                  <StateBadge alert={alert} />
                  <br />
                  <small class="muted">
                    {t(tk(`consoleAlerts.msgType.${alert.msgType}`))} ·{' '}
                    {formatTime(alert.sentAt ?? alert.effectiveAt, locale)}
                  </small>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

const formatTime = (iso: string, locale: string) =>
  new Date(iso).toLocaleString(locale === 'id' ? 'id-ID' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });

function targetText(t: Translate, target: AlertView['target'] | AlertTargetInput, names: Named[]) {
  const parts = names.map((area) => area.name);
  const shapes = { circles: target.circles?.length ?? 0, polygons: target.polygons?.length ?? 0 };
  if (shapes.circles + shapes.polygons > 0)
    parts.push(
      t('consoleAlerts.target.shapes', {
        circles: String(shapes.circles),
        polygons: String(shapes.polygons),
      }),
    );
  return parts.join(', ');
}

// ---------------------------------------------------------------------------------------------
// Composer

interface Content {
  title: string;
  body: string;
  category: IssueAlertBody['category'];
  severity: IssueAlertBody['severity'];
  urgency: IssueAlertBody['urgency'];
  certainty: IssueAlertBody['certainty'];
  instruction: string;
  expiresAt: string;
  status: NonNullable<IssueAlertBody['status']>;
  titleEn: string;
  bodyEn: string;
  instructionEn: string;
  describesSuspect: boolean;
}

const EMPTY: Content = {
  title: '',
  body: '',
  category: 'pencurian',
  severity: 'Moderate',
  urgency: 'Expected',
  certainty: 'Likely',
  instruction: '',
  expiresAt: '',
  status: 'Actual',
  titleEn: '',
  bodyEn: '',
  instructionEn: '',
  describesSuspect: false,
};

/** Optional texts are left out when empty, so the server's length rules do not trip on "". */
function toIssueBody(stationId: string, c: Content, target: AlertTargetInput): IssueAlertBody {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  const body: IssueAlertBody = {
    stationId,
    title: c.title.trim(),
    body: c.body.trim(),
    category: c.category,
    severity: c.severity,
    urgency: c.urgency,
    certainty: c.certainty,
    status: c.status,
    describesSuspect: c.describesSuspect,
    target,
  };
  const texts = {
    instruction: optional(c.instruction),
    titleEn: optional(c.titleEn),
    bodyEn: optional(c.bodyEn),
    instructionEn: optional(c.instructionEn),
    expiresAt: c.expiresAt ? new Date(c.expiresAt).toISOString() : undefined,
  };
  for (const [key, value] of Object.entries(texts))
    if (value) Object.assign(body, { [key]: value });
  return body;
}

function Select<T extends string>(props: {
  name: string;
  label: string;
  value: T;
  options: readonly T[];
  labelOf: (value: T) => string;
  onChange: (value: T) => void;
}) {
  return (
    <div class="field">
      <label for={`f-${props.name}`}>{props.label}</label>
      <select
        id={`f-${props.name}`}
        value={props.value}
        onChange={(e) => {
          const chosen = props.options.find((o) => o === e.currentTarget.value);
          if (chosen) props.onChange(chosen);
        }}
      >
        {props.options.map((option) => (
          <option key={option} value={option}>
            {props.labelOf(option)}
          </option>
        ))}
      </select>
    </div>
  );
}

function TextArea(props: {
  name: string;
  label: string;
  value: string;
  error?: string | undefined;
  onInput: (value: string) => void;
}) {
  return (
    <div class="field">
      <label for={`f-${props.name}`}>{props.label}</label>
      <textarea
        id={`f-${props.name}`}
        rows={3}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      {props.error && <small class="field-error">{props.error}</small>}
    </div>
  );
}

type DrawMode = 'none' | 'circle' | 'polygon';

function Composer({ station }: { station: StationListItem }) {
  const { t } = useI18n(NAMESPACES);
  const form = useForm(t);
  const [content, setContent] = useState<Content>(EMPTY);
  const set =
    <K extends keyof Content>(key: K) =>
    (value: Content[K]) =>
      setContent((c) => ({ ...c, [key]: value }));
  const target = useTarget();
  const [preview, setPreview] = useState<AlertPreview | null>(null);
  const [isConfirming, setConfirming] = useState(false);

  const onPreview = (event: Event) =>
    form.submit(event, async () => {
      setPreview(await previewAlert(station.id, target.input));
    });
  const onAskToSend = (event: Event) =>
    form.submit(event, async () => {
      // The reach shown in the dialog is of the target as it is now.
      setPreview(await previewAlert(station.id, target.input));
      setConfirming(true);
    });
  const onSend = (event: Event) =>
    form.submit(event, async () => {
      setConfirming(false);
      const alert = await issueAlert(toIssueBody(station.id, content, target.input));
      history.pushState(null, '', `/konsol/peringatan/${alert.id}`);
      dispatchEvent(new PopStateEvent('popstate'));
    });

  const f = form.fields;
  return (
    <form class="form composer" onSubmit={(e) => void onAskToSend(e)} noValidate>
      <a href="/konsol/peringatan">{t('consoleAlerts.back')}</a>
      <h2>{t('consoleAlerts.new')}</h2>
      <ErrorNote error={form.error} />
      <Field
        name="title"
        label={t('consoleAlerts.field.title')}
        value={content.title}
        onInput={set('title')}
        error={f.title}
        required
      />
      <TextArea
        name="body"
        label={t('consoleAlerts.field.body')}
        value={content.body}
        onInput={set('body')}
        error={f.body}
      />
      <Select
        name="category"
        label={t('consoleAlerts.field.category')}
        value={content.category}
        options={ALERT_CATEGORIES}
        labelOf={(v) => t(tk(`alerts.category.${v}`))}
        onChange={set('category')}
      />
      <div class="row">
        <Select
          name="severity"
          label={t('consoleAlerts.field.severity')}
          value={content.severity}
          options={ALERT_SEVERITIES}
          labelOf={(v) => t(tk(`consoleAlerts.severity.${v}`))}
          onChange={set('severity')}
        />
        <Select
          name="urgency"
          label={t('consoleAlerts.field.urgency')}
          value={content.urgency}
          options={ALERT_URGENCIES}
          labelOf={(v) => t(tk(`consoleAlerts.urgency.${v}`))}
          onChange={set('urgency')}
        />
        <Select
          name="certainty"
          label={t('consoleAlerts.field.certainty')}
          value={content.certainty}
          options={ALERT_CERTAINTIES}
          labelOf={(v) => t(tk(`consoleAlerts.certainty.${v}`))}
          onChange={set('certainty')}
        />
      </div>
      <TextArea
        name="instruction"
        label={t('consoleAlerts.field.instruction')}
        value={content.instruction}
        onInput={set('instruction')}
        error={f.instruction}
      />
      <Field
        name="expiresAt"
        type="datetime-local"
        label={t('consoleAlerts.field.expiresAt')}
        hint={t('consoleAlerts.field.expiresAt_hint')}
        value={content.expiresAt}
        onInput={set('expiresAt')}
        error={f.expiresAt}
      />
      <Select
        name="status"
        label={t('consoleAlerts.field.status')}
        value={content.status}
        options={ALERT_STATUSES}
        labelOf={(v) => t(tk(`consoleAlerts.status.${v}`))}
        onChange={set('status')}
      />
      <details>
        <summary>{t('consoleAlerts.field.english')}</summary>
        <Field
          name="titleEn"
          label={t('consoleAlerts.field.titleEn')}
          value={content.titleEn}
          onInput={set('titleEn')}
          error={f.titleEn}
        />
        <TextArea
          name="bodyEn"
          label={t('consoleAlerts.field.bodyEn')}
          value={content.bodyEn}
          onInput={set('bodyEn')}
          error={f.bodyEn}
        />
        <TextArea
          name="instructionEn"
          label={t('consoleAlerts.field.instructionEn')}
          value={content.instructionEn}
          onInput={set('instructionEn')}
          error={f.instructionEn}
        />
      </details>
      <div class="field field-check">
        <label>
          <input
            type="checkbox"
            checked={content.describesSuspect}
            aria-describedby="suspect-hint"
            onChange={(e) => set('describesSuspect')(e.currentTarget.checked)}
          />{' '}
          {t('consoleAlerts.field.suspect')}
        </label>
        <small id="suspect-hint" class="hint">
          {t('consoleAlerts.field.suspect_hint')}
        </small>
      </div>

      <TargetEditor station={station} target={target} error={f.target ?? f['target.areas']} />

      {preview && (
        <p class="note" role="status">
          {targetText(t, target.input, preview.areas)} —{' '}
          {t('consoleAlerts.preview.result', {
            devices: String(preview.reach.devices),
            live: String(preview.reach.liveConnections),
          })}
        </p>
      )}
      <div class="actions">
        <button
          type="button"
          class="button button-secondary"
          onClick={(e) => void onPreview(e)}
          disabled={form.isBusy}
        >
          {t('consoleAlerts.preview')}
        </button>
        <button type="submit" class="button" disabled={form.isBusy}>
          {t('consoleAlerts.send')}
        </button>
      </div>

      {isConfirming && preview && (
        <div class="dialog-backdrop">
          <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="confirm-title">
            <h2 id="confirm-title">{t('consoleAlerts.confirm.title')}</h2>
            <p>
              <strong>{content.title}</strong>
            </p>
            <p>
              {t('consoleAlerts.detail.target', {
                target: targetText(t, target.input, preview.areas),
              })}
            </p>
            <p>
              {t('consoleAlerts.preview.result', {
                devices: String(preview.reach.devices),
                live: String(preview.reach.liveConnections),
              })}
            </p>
            {content.describesSuspect && <p class="note">{t('consoleAlerts.confirm.pending')}</p>}
            <div class="actions">
              <button
                type="button"
                class="button"
                onClick={(e) => void onSend(e)}
                disabled={form.isBusy}
              >
                {t('consoleAlerts.confirm.yes')}
              </button>
              <button
                type="button"
                class="button button-secondary"
                onClick={() => setConfirming(false)}
              >
                {t('consoleAlerts.confirm.no')}
              </button>
            </div>
          </div>
        </div>
      )}
    </form>
  );
}

// ---------------------------------------------------------------------------------------------
// Target: areas, circles, polygons

type Circle = NonNullable<AlertTargetInput['circles']>[number];
type Polygon = NonNullable<AlertTargetInput['polygons']>[number];

function useTarget() {
  const [areas, setAreas] = useState<Named[]>([]);
  const [circles, setCircles] = useState<Circle[]>([]);
  const [polygons, setPolygons] = useState<Polygon[]>([]);
  const [draft, setDraft] = useState<number[][]>([]);
  const [mode, setMode] = useState<DrawMode>('none');
  const [radiusM, setRadiusM] = useState(1000);
  const input: AlertTargetInput = {
    ...(areas.length > 0 ? { areas: areas.map((a) => a.code) } : {}),
    ...(circles.length > 0 ? { circles } : {}),
    ...(polygons.length > 0 ? { polygons } : {}),
  };
  return {
    areas,
    circles,
    polygons,
    draft,
    mode,
    radiusM,
    input,
    setMode,
    addArea: (area: Named) =>
      setAreas((list) => (list.some((a) => a.code === area.code) ? list : [...list, area])),
    removeArea: (code: string) => setAreas((list) => list.filter((a) => a.code !== code)),
    /** A new radius resizes the circle just placed, as the slider sits under it. */
    setRadius: (value: number) => {
      setRadiusM(value);
      setCircles((list) =>
        list.length === 0
          ? list
          : [...list.slice(0, -1), { ...list[list.length - 1]!, radiusM: value }],
      );
    },
    tap: (lat: number, lng: number) => {
      if (mode === 'circle') setCircles((list) => [...list, { lat, lng, radiusM }]);
      if (mode === 'polygon') setDraft((points) => [...points, [lng, lat]]);
    },
    closePolygon: () => {
      const first = draft[0];
      if (!first || draft.length < 3) return;
      setPolygons((list) => [...list, { type: 'Polygon', coordinates: [[...draft, first]] }]);
      setDraft([]);
    },
    clearShapes: () => {
      setCircles([]);
      setPolygons([]);
      setDraft([]);
    },
  };
}

/** Whether an area lies in the jurisdiction: one of its codes or below one. */
const isWithin = (code: string, jurisdiction: Named[]) =>
  jurisdiction.some((area) => code === area.code || code.startsWith(`${area.code}.`));

const formatRadius = (m: number) => (m >= 1000 ? `${(m / 1000).toFixed(1)} km` : `${m} m`);

function TargetEditor({
  station,
  target,
  error,
}: {
  station: StationListItem;
  target: ReturnType<typeof useTarget>;
  error: string | undefined;
}) {
  const { t } = useI18n(NAMESPACES);
  const details = useLoad(() => getStation(station.slug), station.slug);
  const config = useLoad(getPublicConfig, 'config');
  const { query, setQuery, results } = useAreaSearch();
  const jurisdiction = details.data?.jurisdiction ?? [];
  const matches = (results.data?.items ?? []).filter((area) => isWithin(area.code, jurisdiction));

  return (
    <fieldset class="target">
      <legend>{t('consoleAlerts.target.title')}</legend>
      {error && <p class="field-error">{error}</p>}
      <ul class="chips" aria-label={t('consoleAlerts.target.title')}>
        {target.areas.map((area) => (
          <li key={area.code} class="chip">
            {area.name}
            <button
              type="button"
              aria-label={t('consoleAlerts.target.remove', { name: area.name })}
              onClick={() => target.removeArea(area.code)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <Field
        name="area-search"
        type="search"
        inputMode="search"
        label={t('consoleAlerts.target.search')}
        value={query}
        onInput={setQuery}
      />
      {matches.length > 0 && (
        <ul class="list area-results">
          {matches.map((area) => (
            <li key={area.code}>
              <button
                type="button"
                class="link-button"
                onClick={() => {
                  target.addArea({ code: area.code, name: area.name });
                  setQuery('');
                }}
              >
                {area.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      {query.trim().length >= 2 && results.data && results.data.items.length > matches.length && (
        <small class="hint">{t('consoleAlerts.target.outside')}</small>
      )}

      <div class="field">
        <span>{t('consoleAlerts.target.mode')}</span>
        <div class="segmented" role="radiogroup" aria-label={t('consoleAlerts.target.mode')}>
          {(['none', 'circle', 'polygon'] as const).map((mode) => (
            <label key={mode}>
              <input
                type="radio"
                name="draw-mode"
                checked={target.mode === mode}
                onChange={() => target.setMode(mode)}
              />{' '}
              {t(tk(`consoleAlerts.target.mode_${mode}`))}
            </label>
          ))}
        </div>
      </div>
      {target.mode !== 'none' && (
        <small class="hint">{t(tk(`consoleAlerts.target.map_hint_${target.mode}`))}</small>
      )}
      {config.data && (
        <AlertMap
          tileUrl={config.data.mapTileUrl}
          label={t('consoleAlerts.target.map')}
          circles={target.circles}
          polygons={target.polygons}
          draft={target.draft}
          onTap={target.tap}
        />
      )}
      {target.mode === 'circle' && (
        <div class="field">
          <label for="f-radius">
            {t('consoleAlerts.target.radius', { radius: formatRadius(target.radiusM) })}
          </label>
          <input
            id="f-radius"
            type="range"
            min={ALERT_RADIUS_MIN_M}
            max={ALERT_RADIUS_MAX_M}
            step={50}
            value={target.radiusM}
            onInput={(e) => target.setRadius(Number(e.currentTarget.value))}
          />
        </div>
      )}
      <div class="actions">
        {target.mode === 'polygon' && (
          <button
            type="button"
            class="button button-small"
            disabled={target.draft.length < 3}
            onClick={target.closePolygon}
          >
            {t('consoleAlerts.target.close_polygon')}
          </button>
        )}
        {(target.circles.length > 0 || target.polygons.length > 0 || target.draft.length > 0) && (
          <button
            type="button"
            class="button button-small button-secondary"
            onClick={target.clearShapes}
          >
            {t('consoleAlerts.target.clear_shapes')}
          </button>
        )}
      </div>
      <small class="muted">
        {t('consoleAlerts.target.shapes', {
          circles: String(target.circles.length),
          polygons: String(target.polygons.length),
        })}
      </small>
    </fieldset>
  );
}

// ---------------------------------------------------------------------------------------------
// One alert: details, delivery, review, update and cancel

function AlertPage({ id }: { id: string }) {
  const { t, locale } = useI18n(NAMESPACES);
  const alert = useLoad(() => getAlert(id), id);
  const [current, setCurrent] = useState<AlertView | null>(null);
  const [done, setDone] = useState<MessageKey | null>(null);
  const shown = current?.id === id ? current : alert.data;
  if (!shown) return alert.error ? <ErrorNote error={alert.error} /> : <Skeleton />;

  const changed = (next: AlertView, message: MessageKey) => {
    setDone(message);
    if (next.id === id) setCurrent(next);
    else {
      // An Update or Cancel is a new message: show its page.
      history.pushState(null, '', `/konsol/peringatan/${next.id}`);
      dispatchEvent(new PopStateEvent('popstate'));
    }
  };
  return (
    <article class="alert-page">
      <a href="/konsol/peringatan">{t('consoleAlerts.back')}</a>
      <h2>
        {shown.title} <StateBadge alert={shown} />
      </h2>
      {done && (
        <p class="note note-ok" role="status">
          {t(done)}
        </p>
      )}
      <p class="muted">
        {t(tk(`consoleAlerts.msgType.${shown.msgType}`))} ·{' '}
        {t(tk(`consoleAlerts.severity.${shown.severity}`))} ·{' '}
        {t(tk(`alerts.category.${shown.category}`))}
      </p>
      <p>{shown.body}</p>
      {shown.instruction && <p>{shown.instruction}</p>}
      <p class="muted">
        {t('consoleAlerts.detail.target', {
          target: targetText(t, shown.target, shown.target.areas),
        })}
        <br />
        {t('consoleAlerts.detail.expires', { at: formatTime(shown.expiresAt, locale) })}
        {shown.author && (
          <>
            <br />
            {t('consoleAlerts.detail.author', { name: shown.author.name })}
          </>
        )}
        {shown.note && (
          <>
            <br />
            {t('consoleAlerts.detail.note', { note: shown.note })}
          </>
        )}
      </p>
      {shown.state === 'pending_approval' && <Review alert={shown} onDone={changed} />}
      {shown.state === 'published' && <Change alert={shown} onDone={changed} />}
      {shown.state !== 'pending_approval' && shown.state !== 'rejected' && (
        <Delivery id={shown.id} />
      )}
    </article>
  );
}

type OnDone = (next: AlertView, message: MessageKey) => void;

function Review({ alert, onDone }: { alert: AlertView; onDone: OnDone }) {
  const { t } = useI18n(NAMESPACES);
  const form = useForm(t);
  const [reason, setReason] = useState('');
  return (
    <form class="form" onSubmit={(e) => e.preventDefault()}>
      <ErrorNote error={form.error} />
      <button
        type="button"
        class="button"
        disabled={form.isBusy}
        onClick={(e) =>
          void form.submit(e, async () =>
            onDone(await approveAlert(alert.id), 'consoleAlerts.done.approved'),
          )
        }
      >
        {t('consoleAlerts.approve')}
      </button>
      <Field
        name="reason"
        label={t('consoleAlerts.reason')}
        value={reason}
        onInput={setReason}
        error={form.fields.reason}
      />
      <button
        type="button"
        class="button button-secondary"
        disabled={form.isBusy}
        onClick={(e) =>
          void form.submit(e, async () =>
            onDone(await rejectAlert(alert.id, reason.trim()), 'consoleAlerts.done.rejected'),
          )
        }
      >
        {t('consoleAlerts.reject')}
      </button>
    </form>
  );
}

function Change({ alert, onDone }: { alert: AlertView; onDone: OnDone }) {
  const { t } = useI18n(NAMESPACES);
  const form = useForm(t);
  const [body, setBody] = useState(alert.body);
  const [reason, setReason] = useState('');
  return (
    <form class="form" onSubmit={(e) => e.preventDefault()}>
      <h3>{t('consoleAlerts.update.title')}</h3>
      <ErrorNote error={form.error} />
      <TextArea
        name="update-body"
        label={t('consoleAlerts.field.body')}
        value={body}
        error={form.fields.body}
        onInput={setBody}
      />
      <button
        type="button"
        class="button"
        disabled={form.isBusy}
        onClick={(e) =>
          void form.submit(e, async () =>
            onDone(
              await updateAlert(alert.id, { body: body.trim() }),
              'consoleAlerts.done.updated',
            ),
          )
        }
      >
        {t('consoleAlerts.update')}
      </button>
      <Field
        name="cancel-reason"
        label={t('consoleAlerts.reason')}
        value={reason}
        onInput={setReason}
        error={form.fields.reason}
      />
      <button
        type="button"
        class="button button-danger"
        disabled={form.isBusy}
        onClick={(e) =>
          void form.submit(e, async () =>
            onDone(
              await cancelAlert(alert.id, reason.trim() || undefined),
              'consoleAlerts.done.cancelled',
            ),
          )
        }
      >
        {t('consoleAlerts.cancel')}
      </button>
    </form>
  );
}

function Delivery({ id }: { id: string }) {
  const { t } = useI18n(NAMESPACES);
  const [figures, setFigures] = useState<AlertDelivery | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let isCurrent = true;
    const load = () =>
      getAlertDelivery(id).then(
        (next) => isCurrent && (setFigures(next), setError(null)),
        (caught: unknown) => isCurrent && setError(caught),
      );
    void load();
    const timer = setInterval(() => void load(), DELIVERY_POLL_MS);
    return () => {
      isCurrent = false;
      clearInterval(timer);
    };
  }, [id]);
  const ms = (value: number | null) => (value === null ? '–' : `${Math.round(value)} ms`);
  const rows = figures
    ? ([
        ['consoleAlerts.delivery.push', figures.push],
        ['consoleAlerts.delivery.stream', figures.stream],
      ] as const)
    : [];
  return (
    <section class="delivery">
      <h3>{t('consoleAlerts.delivery.title')}</h3>
      <ErrorNote error={error} />
      {!figures && !error && <Skeleton lines={2} />}
      {figures && (
        <table class="figures">
          <thead>
            <tr>
              <th scope="col">{t('consoleAlerts.delivery.channel')}</th>
              <th scope="col">{t('consoleAlerts.delivery.sent')}</th>
              <th scope="col">{t('consoleAlerts.delivery.delivered')}</th>
              <th scope="col">{t('consoleAlerts.delivery.failed')}</th>
              <th scope="col">{t('consoleAlerts.delivery.opened')}</th>
              <th scope="col">{t('consoleAlerts.delivery.p50')}</th>
              <th scope="col">{t('consoleAlerts.delivery.p99')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, row]) => (
              <tr key={label}>
                <th scope="row">{t(label)}</th>
                <td>{row.sent}</td>
                <td>{row.delivered}</td>
                <td>{row.failed}</td>
                <td>{row.opened}</td>
                <td>{ms(row.latencyP50Ms)}</td>
                <td>{ms(row.latencyP99Ms)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
