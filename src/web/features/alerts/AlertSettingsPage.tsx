import { useEffect, useState } from 'preact/hooks';
import { ALERT_CATEGORIES } from '../../../common/domain/alerts.js';
import { categoryLabel } from './labels.js';
import { readAlertPrefs, roundPoint, writeAlertPrefs, type AlertPrefs } from './prefs.js';
import {
  currentPushSubscription,
  disablePush,
  enablePush,
  isPushSupported,
  refreshPushSubscription,
} from './push.js';
import { ErrorNote, Page } from '../../components/ui.js';
import { useI18n } from '../../i18n/i18n.js';

/** The catalog namespaces this page's strings come from. */
const NAMESPACES = ['alerts-web', 'alerts'];

export function AlertSettings() {
  const { t } = useI18n(NAMESPACES);
  const [prefs, setPrefs] = useState(readAlertPrefs);
  const [error, setError] = useState<unknown>(null);
  const [isSaved, setSaved] = useState(false);
  const [isLocating, setLocating] = useState(false);
  const [locationFailed, setLocationFailed] = useState(false);

  const change = (next: AlertPrefs) => {
    setSaved(false);
    setPrefs(next);
  };
  const toggleCategory = (category: string, isWanted: boolean) =>
    change({
      ...prefs,
      mutedCategories: isWanted
        ? prefs.mutedCategories.filter((c) => c !== category)
        : [...prefs.mutedCategories, category],
    });
  const toggleLocation = (isWanted: boolean) => {
    setLocationFailed(false);
    if (!isWanted) return change({ ...prefs, location: null });
    // Asked only now, on the user's tap.
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        change({
          ...prefs,
          location: roundPoint(position.coords.latitude, position.coords.longitude),
        });
      },
      () => {
        setLocating(false);
        setLocationFailed(true);
      },
      { maximumAge: 10 * 60_000, timeout: 20_000 },
    );
  };
  const save = async (event: Event) => {
    event.preventDefault();
    setError(null);
    writeAlertPrefs(prefs);
    try {
      await refreshPushSubscription(prefs);
      setSaved(true);
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <Page title={t('alertsweb.settings.title')}>
      <PushCard prefs={prefs} />
      <form onSubmit={(event) => void save(event)}>
        <fieldset class="card">
          <legend>{t('alertsweb.settings.categories')}</legend>
          <p class="note">{t('alertsweb.settings.severe_always')}</p>
          {ALERT_CATEGORIES.map((category) => (
            <label key={category} class="check">
              <input
                type="checkbox"
                name={`category-${category}`}
                checked={!prefs.mutedCategories.includes(category)}
                onChange={(event) => toggleCategory(category, event.currentTarget.checked)}
              />
              {categoryLabel(t, category)}
            </label>
          ))}
        </fieldset>
        <fieldset class="card">
          <label class="check">
            <input
              type="checkbox"
              name="drills"
              checked={prefs.drills}
              onChange={(event) => change({ ...prefs, drills: event.currentTarget.checked })}
            />
            {t('alertsweb.settings.drills')}
          </label>
          {'geolocation' in navigator && (
            <label class="check">
              <input
                type="checkbox"
                name="location"
                checked={prefs.location !== null}
                disabled={isLocating}
                onChange={(event) => toggleLocation(event.currentTarget.checked)}
              />
              {t('alertsweb.settings.location')}
            </label>
          )}
          {locationFailed && (
            <p class="note note-error">{t('alertsweb.settings.location_denied')}</p>
          )}
          <p class="muted">
            <a href="/area-saya">{t('alertsweb.settings.areas_note')}</a>
          </p>
        </fieldset>
        <ErrorNote error={error} />
        {isSaved && (
          <p class="note note-ok" role="status">
            {t('alertsweb.settings.saved')}
          </p>
        )}
        <button type="submit" class="button">
          {t('alertsweb.settings.save')}
        </button>
      </form>
    </Page>
  );
}

/** The in-page push prompt: the browser's permission dialog opens only from its button. */
export function PushCard({ prefs }: { prefs: AlertPrefs }) {
  const { t } = useI18n(NAMESPACES);
  const [isOn, setOn] = useState(false);
  const [permission, setPermission] = useState(() =>
    isPushSupported() ? Notification.permission : 'denied',
  );
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    currentPushSubscription().then(
      (subscription) => setOn(subscription !== null),
      () => undefined,
    );
  }, []);

  if (!isPushSupported()) return <p class="card muted">{t('alertsweb.push.unsupported')}</p>;
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const turnOn = () =>
    run(async () => {
      const result = await enablePush(prefs);
      setPermission(result);
      setOn(result === 'granted');
    });
  const turnOff = () =>
    run(async () => {
      await disablePush();
      setOn(false);
    });
  return (
    <section class="card push-card" aria-labelledby="push-title">
      <h2 id="push-title">{t('alertsweb.push.title')}</h2>
      <p>{t('alertsweb.push.reason')}</p>
      <ErrorNote error={error} />
      {permission === 'denied' && <p class="note note-error">{t('alertsweb.push.denied')}</p>}
      {isOn ? (
        <>
          <p class="note note-ok">{t('alertsweb.push.enabled')}</p>
          <button
            type="button"
            class="button button-secondary"
            disabled={isBusy}
            onClick={() => void turnOff()}
          >
            {t('alertsweb.push.disable')}
          </button>
        </>
      ) : (
        <button
          type="button"
          class="button"
          disabled={isBusy || permission === 'denied'}
          onClick={() => void turnOn()}
        >
          {t('alertsweb.push.enable')}
        </button>
      )}
    </section>
  );
}
