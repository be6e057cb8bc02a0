import { useLocation } from 'preact-iso';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AreaSummary } from '../../../common/api/areas.js';
import { SubmitReportBody } from '../../../common/api/reports.js';
import {
  REPORT_CATEGORIES,
  REPORT_DESCRIPTION_MAX,
  REPORT_PHOTOS_MAX,
  type ReportCategory,
} from '../../../common/domain/reports.js';
import { ApiError, toApiError } from '../../api/client.js';
import { ErrorNote, Field, Page, Skeleton } from '../../components/ui.js';
import { useForm } from '../../components/use-form.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/i18n.js';
import { getLocale } from '../../i18n/locale.js';
import { useSession } from '../../session.js';
import { getAlert } from '../alerts/api.js';
import { getArea } from '../areas/api.js';
import { reportCategoryKey } from './api.js';
import { AreaPicker } from './AreaPicker.js';
import { sendReportForm, type OutboxEntry } from './report-outbox.js';
import { queueReport } from './report-queue.js';
import { QueuedReport, ReportSent, type SentReport } from './ReportSent.js';
import { NAMESPACES } from './shared.js';

interface Position {
  lat: number;
  lng: number;
  accuracyM?: number;
}

/** What the server needs of a place: a position, an area, or (through the alert) neither. */
function placeFields(position: Position | null, areaCode: string | undefined) {
  return {
    ...(areaCode ? { areaCode } : {}),
    ...(position
      ? {
          lat: position.lat,
          lng: position.lng,
          ...(position.accuracyM !== undefined
            ? { accuracyM: Math.round(position.accuracyM) }
            : {}),
        }
      : {}),
  };
}

/** A position in the answer's details (`report.location_required`), if any. */
function offeredPosition(error: ApiError): Position | null {
  const offered = error.details?.photoLocation as { lat?: unknown; lng?: unknown } | undefined;
  return typeof offered?.lat === 'number' && typeof offered.lng === 'number'
    ? { lat: offered.lat, lng: offered.lng }
    : null;
}

/** `/lapor?alert=<id>&area=<code>`: the citizen's report, linked to an alert and area when given. */
export function ReportForm() {
  const { t } = useI18n(NAMESPACES);
  const { me } = useSession();
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
  const [position, setPosition] = useState<Position | null>(null);
  const [offered, setOffered] = useState<Position | null>(null);
  const [geoState, setGeoState] = useState<'idle' | 'asking' | 'denied'>('idle');
  const [photos, setPhotos] = useState<File[]>([]);
  const [occurredAt, setOccurredAt] = useState('');
  const [isAnonymous, setAnonymous] = useState(true);
  const [contact, setContact] = useState('');
  const [sent, setSent] = useState<SentReport | null>(null);
  const [queuedKey, setQueuedKey] = useState<string | null>(null);

  // The alert's category, once known, unless the reporter already chose one.
  const alertCategory = alert.data?.category;
  useEffect(() => {
    if (alertCategory) setCategory((current) => current || alertCategory);
  }, [alertCategory]);

  const locate = () => {
    setGeoState('asking');
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setPosition({
          lat: p.coords.latitude,
          lng: p.coords.longitude,
          accuracyM: p.coords.accuracy,
        });
        setGeoState('idle');
      },
      () => setGeoState('denied'),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  const body = {
    description: description.trim(),
    anonymous: isAnonymous,
    ...(category ? { category } : {}),
    ...(alertId ? { alertId } : {}),
    ...placeFields(position, areaCode),
    ...(occurredAt ? { occurredAt: new Date(occurredAt).toISOString() } : {}),
    ...(contact.trim() ? { contact: contact.trim() } : {}),
  } satisfies SubmitReportBody;
  // One key per written report: resending it (offline queue, lost answer) makes no twin.
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);

  const onSubmit = (event: Event) =>
    form.submit(
      event,
      async () => {
        const entry: OutboxEntry = {
          idempotencyKey,
          fields: Object.fromEntries(Object.entries(body).map(([k, v]) => [k, String(v)])),
          photos,
          locale: getLocale(),
          queuedAt: new Date().toISOString(),
        };
        const outcome = navigator.onLine
          ? await sendReportForm(entry)
          : { kind: 'offline' as const };
        if (outcome.kind === 'sent') {
          setSent({ ...outcome.report, stationName: outcome.report.station.name });
          return;
        }
        if (outcome.kind === 'refused') {
          const error = toApiError(outcome.status, outcome.payload);
          if (error.code === 'report.location_required') setOffered(offeredPosition(error));
          throw error;
        }
        // Sent later without the server's help: it needs a place the server will accept.
        if (!alertId && !areaCode && !position) {
          throw new ApiError(400, 'report.location_required', t('error.report.location_required'), {
            field: 'areaCode',
          });
        }
        await queueReport(entry);
        setQueuedKey(idempotencyKey);
      },
      { schema: SubmitReportBody, value: body },
    );

  if (sent) return <ReportSent report={sent} />;
  if (queuedKey) return <QueuedReport idempotencyKey={queuedKey} />;

  const locationError = form.fields.areaCode ?? form.fields.lat ?? form.fields.lng;
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
      <form class="form report-form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorNote error={form.error} />
        <fieldset class="report-tiles">
          <legend>{t('reports.form.category')}</legend>
          {REPORT_CATEGORIES.map((c) => (
            <label key={c} class={c === category ? 'report-tile report-tile-on' : 'report-tile'}>
              <input
                type="radio"
                name="category"
                value={c}
                checked={c === category}
                onChange={() => setCategory(c)}
              />
              {t(reportCategoryKey(c))}
            </label>
          ))}
        </fieldset>

        <fieldset class="report-place">
          <legend>{t('reports.form.where')}</legend>
          {position ? (
            <p class="report-context" data-testid="report-position">
              {t('reports.form.location_set', {
                lat: position.lat.toFixed(5),
                lng: position.lng.toFixed(5),
              })}
              {position.accuracyM !== undefined &&
                ` ${t('reports.form.location_accuracy', { metres: Math.round(position.accuracyM) })}`}{' '}
              <button
                type="button"
                class="button button-small button-secondary"
                onClick={() => setPosition(null)}
              >
                {t('reports.form.area_change')}
              </button>
            </p>
          ) : (
            <button type="button" class="button button-secondary" onClick={locate}>
              {t('reports.form.use_location')}
            </button>
          )}
          {geoState === 'asking' && <small class="hint">{t('reports.form.locating')}</small>}
          {geoState === 'denied' && (
            <small class="field-error">{t('reports.form.location_denied')}</small>
          )}
          {offered && !position && (
            <p class="note note-ok" role="status">
              {t('reports.form.photo_place', {
                lat: offered.lat.toFixed(5),
                lng: offered.lng.toFixed(5),
              })}{' '}
              <button
                type="button"
                class="button button-small"
                onClick={() => {
                  setPosition(offered);
                  setOffered(null);
                }}
              >
                {t('reports.form.photo_place_use')}
              </button>
            </p>
          )}
          {areaLabel ? (
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
          ) : (
            <AreaPicker
              label={t('reports.form.area_search')}
              hint={t('reports.form.area_search_hint')}
              onChoose={setChosenArea}
            />
          )}
          {locationError && <small class="field-error">{locationError}</small>}
        </fieldset>

        <PhotoPicker photos={photos} onChange={setPhotos} />

        <div class="field">
          <label for="report-description">{t('reports.form.description')}</label>
          <textarea
            id="report-description"
            rows={4}
            maxLength={REPORT_DESCRIPTION_MAX}
            value={description}
            aria-invalid={form.fields.description ? 'true' : undefined}
            onInput={(e) => setDescription(e.currentTarget.value)}
          />
          <small class="hint">{t('reports.form.description_hint')}</small>
          {form.fields.description && <small class="field-error">{form.fields.description}</small>}
        </div>
        <div class="field">
          <label for="report-occurred">{t('reports.form.occurred')}</label>
          <input
            id="report-occurred"
            type="datetime-local"
            value={occurredAt}
            max={new Date(Date.now() - new Date().getTimezoneOffset() * 60_000)
              .toISOString()
              .slice(0, 16)}
            onInput={(e) => setOccurredAt(e.currentTarget.value)}
          />
          <small class="hint">{t('reports.form.occurred_hint')}</small>
          {form.fields.occurredAt && <small class="field-error">{form.fields.occurredAt}</small>}
        </div>

        <div class="field field-check report-anonymous">
          <label>
            <input
              type="checkbox"
              role="switch"
              checked={isAnonymous}
              onChange={(e) => setAnonymous(e.currentTarget.checked)}
            />{' '}
            {t('reports.form.anonymous')}
          </label>
          <small class="hint">
            {isAnonymous
              ? t('reports.form.anonymous_hint')
              : t(me ? 'reports.form.named_hint' : 'reports.form.named_guest_hint')}
          </small>
        </div>
        <Field
          label={t('reports.form.contact')}
          name="report-contact"
          value={contact}
          onInput={setContact}
          hint={t('reports.form.contact_hint')}
          error={form.fields.contact}
        />
        <button class="button report-submit" type="submit" disabled={form.isBusy}>
          {t('reports.form.submit')}
        </button>
      </form>
    </Page>
  );
}

/** Camera or gallery, up to five photos, each previewed with a remove button. */
function PhotoPicker({ photos, onChange }: { photos: File[]; onChange: (files: File[]) => void }) {
  const { t } = useI18n(NAMESPACES);
  const previews = useMemo(() => photos.map((file) => URL.createObjectURL(file)), [photos]);
  useEffect(() => () => previews.forEach((url) => URL.revokeObjectURL(url)), [previews]);
  const add = (input: HTMLInputElement) => {
    const picked = [...(input.files ?? [])].filter((file) => file.type.startsWith('image/'));
    onChange([...photos, ...picked].slice(0, REPORT_PHOTOS_MAX));
    input.value = '';
  };
  const isFull = photos.length >= REPORT_PHOTOS_MAX;
  return (
    <fieldset class="report-photos">
      <legend>{t('reports.form.photos', { max: REPORT_PHOTOS_MAX })}</legend>
      {!isFull && (
        <span class="actions">
          <label class="button button-secondary">
            {t('reports.form.photo_take')}
            <input
              class="visually-hidden"
              type="file"
              accept="image/*"
              capture="environment"
              onChange={(e) => add(e.currentTarget)}
            />
          </label>
          <label class="button button-secondary">
            {t('reports.form.photo_pick')}
            <input
              class="visually-hidden"
              type="file"
              accept="image/*"
              multiple
              onChange={(e) => add(e.currentTarget)}
            />
          </label>
        </span>
      )}
      <small class="hint">
        {isFull ? t('reports.form.photos_full') : t('reports.form.photos_hint')}
      </small>
      {photos.length > 0 && (
        <ul class="report-thumbs">
          {previews.map((url, i) => (
            <li key={url}>
              <img src={url} alt={t('reports.form.photo_alt', { n: i + 1 })} />
              <button
                type="button"
                class="button button-small button-secondary"
                aria-label={t('reports.form.photo_remove', { n: i + 1 })}
                onClick={() => onChange(photos.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
