import { useState } from 'preact/hooks';
import { getMyAreas, putMyAreas } from './api.js';
import type { AreaKind, AreaSummary, MyArea } from '../../api/types.js';
import { CallLinks, ErrorNote, Page, Skeleton } from '../../components/ui.js';
import { useAreaSearch } from './use-area-search.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/i18n.js';
import { useSession } from '../../session.js';

type Choice = AreaSummary & { kind: AreaKind };

/** "Kec. X, Kab. Y, Prov. Z": from the nearest parent up. */
const parentNames = (area: AreaSummary) => area.parents.map((p) => p.name).join(', ');

export function MyAreas() {
  const { t } = useI18n();
  const { me } = useSession();
  if (me === undefined) return <Skeleton />;
  if (me === null)
    return (
      <Page title={t('web.areas.title')}>
        <p>{t('web.areas.login_first')}</p>
        <a class="button" href="/masuk">
          {t('web.nav.login')}
        </a>
      </Page>
    );
  return <MyAreasEditor />;
}

function MyAreasEditor() {
  const { t } = useI18n();
  const saved = useLoad(getMyAreas, 'my-areas');
  const [draft, setDraft] = useState<Choice[] | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [isSaved, setSaved] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const choices: Choice[] = draft ?? saved.data?.areas ?? [];
  // Station and liaison come from the server: shown for saved areas, not for unsaved picks.
  const contactsOf = (code: string) => {
    const area = draft === null ? saved.data?.areas.find((a) => a.code === code) : undefined;
    return area && <AreaContacts area={area} />;
  };

  const choose = (area: AreaSummary, kind: AreaKind) => {
    setSaved(false);
    const rest = choices.filter(
      (c) => c.code !== area.code && !(kind === 'home' && c.kind === 'home'),
    );
    setDraft([...rest, { ...area, kind }]);
  };
  const remove = (code: string) => {
    setSaved(false);
    setDraft(choices.filter((c) => c.code !== code));
  };
  const save = async () => {
    setBusy(true);
    setSaveError(null);
    try {
      await putMyAreas(choices.map(({ code, kind }) => ({ code, kind })));
      setDraft(null);
      setSaved(true);
      saved.reload();
    } catch (error) {
      setSaveError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('web.areas.title')}>
      <p>{t('web.areas.intro')}</p>
      <AreaSearch onChoose={choose} />
      <h2>{t('web.areas.chosen')}</h2>
      <ErrorNote error={saved.error ?? saveError} />
      {saved.isLoading && !saved.data && <Skeleton />}
      {choices.length === 0 && !saved.isLoading && <p class="muted">{t('web.areas.none')}</p>}
      <ul class="list">
        {choices.map((area) => (
          <li key={area.code} class="card area-card">
            <strong>{area.name}</strong>{' '}
            <span class="tag">
              {t(area.kind === 'home' ? 'web.areas.kind.home' : 'web.areas.kind.interest')}
            </span>
            <div class="muted">{parentNames(area)}</div>
            {contactsOf(area.code)}
            <button type="button" class="link-button" onClick={() => remove(area.code)}>
              {t('web.areas.remove', { name: area.name })}
            </button>
          </li>
        ))}
      </ul>
      {draft !== null && (
        <button class="button" type="button" disabled={isBusy} onClick={() => void save()}>
          {t('web.areas.save')}
        </button>
      )}
      {isSaved && (
        <p class="note note-ok" role="status">
          {t('web.areas.saved')}
        </p>
      )}
    </Page>
  );
}

function AreaContacts({ area }: { area: MyArea }) {
  const { t } = useI18n();
  if (!area.station) return <p class="muted">{t('web.areas.no_station')}</p>;
  return (
    <div class="contacts">
      <div>
        {t('web.areas.station')}: <a href={`/kantor/${area.station.slug}`}>{area.station.name}</a>
        {area.station.phones?.[0] && (
          <CallLinks
            phone={area.station.phones[0].number}
            display={area.station.phones[0].display}
          />
        )}
      </div>
      {area.liaison ? (
        <div>
          {t('web.areas.liaison')}: {area.liaison.name}
          {area.liaison.phone && (
            <CallLinks phone={area.liaison.phone} whatsappUrl={area.liaison.whatsappUrl} />
          )}
        </div>
      ) : (
        <div class="muted">{t('web.areas.no_liaison')}</div>
      )}
    </div>
  );
}

function AreaSearch({ onChoose }: { onChoose: (area: AreaSummary, kind: AreaKind) => void }) {
  const { t } = useI18n();
  const { query, setQuery, hasQuery, results } = useAreaSearch();

  return (
    <div class="area-search">
      <label for="area-q">{t('web.areas.search.label')}</label>
      <input
        id="area-q"
        type="search"
        value={query}
        placeholder={t('web.areas.search.placeholder')}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      <ErrorNote error={results.error} />
      {hasQuery && results.isLoading && <Skeleton lines={2} />}
      {hasQuery && !results.isLoading && results.data?.items.length === 0 && (
        <p class="muted">{t('web.areas.search.empty')}</p>
      )}
      <ul class="list results" aria-live="polite">
        {results.data?.items.map((area) => (
          <li key={area.code}>
            <strong>{area.name}</strong>{' '}
            <span class="muted">{t(`web.area.level.${area.level}`)}</span>
            <div class="muted">{parentNames(area)}</div>
            <span class="actions">
              {area.level === 'village' && (
                <button
                  type="button"
                  class="button button-small"
                  onClick={() => onChoose(area, 'home')}
                >
                  {t('web.areas.choose_home')}
                </button>
              )}
              <button
                type="button"
                class="button button-small button-secondary"
                onClick={() => onChoose(area, 'interest')}
              >
                {t('web.areas.choose_interest')}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
