import { useState } from 'preact/hooks';
import { Type } from 'typebox';
import {
  AssignLiaisonBody,
  LiaisonParams,
  type LiaisonView,
} from '../../../../common/api/stations.js';
import { isWithinAreas } from '../../../../common/domain/areas.js';
import type { AreaSummary, OfficerView, StationListItem } from '../../../api/types.js';
import { Confirm, ErrorNote, Field, Skeleton } from '../../../components/ui.js';
import { useForm } from '../../../components/use-form.js';
import { useLoad } from '../../../components/use-load.js';
import { useI18n } from '../../../i18n/i18n.js';
import { useAreaSearch } from '../../areas/use-area-search.js';
import { assignLiaison, getStation, listLiaisons, removeLiaison } from '../api.js';

const AssignLiaisonCheck = Type.Object({
  villageCode: LiaisonParams.properties.villageCode,
  ...AssignLiaisonBody.properties,
});

/** The village liaisons (Bhabinkamtibmas) of a station: who serves which village, and changes. */
export function Liaisons({
  station,
  officers,
}: {
  station: StationListItem;
  officers: OfficerView[];
}) {
  const { t } = useI18n();
  const liaisons = useLoad(() => listLiaisons(station.id), station.id);
  const [done, setDone] = useState('');
  return (
    <section aria-labelledby="liaisons-title">
      <h3 id="liaisons-title">{t('web.console.liaisons.title')}</h3>
      <p class="hint">{t('web.console.liaisons.intro')}</p>
      <ErrorNote error={liaisons.error} />
      {liaisons.isLoading && !liaisons.data && <Skeleton />}
      {liaisons.data?.items.length === 0 && <p>{t('web.console.liaisons.empty')}</p>}
      {done && (
        <p class="note note-ok" role="status">
          {done}
        </p>
      )}
      <ul class="list">
        {liaisons.data?.items.map((liaison) => (
          <LiaisonRow
            key={liaison.village.code}
            stationId={station.id}
            liaison={liaison}
            onRemoved={() => {
              setDone(t('web.console.liaisons.removed', { village: liaison.village.name }));
              liaisons.reload();
            }}
          />
        ))}
      </ul>
      <AssignLiaison
        station={station}
        officers={officers}
        onAssigned={(view) => {
          setDone(
            t('web.console.liaisons.assigned', {
              officer: view.account.name,
              village: view.village.name,
            }),
          );
          liaisons.reload();
        }}
      />
    </section>
  );
}

function LiaisonRow(props: { stationId: string; liaison: LiaisonView; onRemoved: () => void }) {
  const { t } = useI18n();
  const { village, account } = props.liaison;
  return (
    <li>
      <strong>{village.name}</strong>: {account.name}
      <Confirm
        label={t('web.console.liaisons.remove')}
        question={t('web.console.liaisons.remove_confirm', {
          officer: account.name,
          village: village.name,
        })}
        yes={t('web.console.liaisons.remove_yes')}
        onConfirm={async () => {
          await removeLiaison(props.stationId, village.code);
          props.onRemoved();
        }}
      />
    </li>
  );
}

function AssignLiaison(props: {
  station: StationListItem;
  officers: OfficerView[];
  onAssigned: (view: LiaisonView) => void;
}) {
  const { t } = useI18n();
  const form = useForm(t);
  const details = useLoad(() => getStation(props.station.slug), props.station.slug);
  const search = useAreaSearch('village');
  const [village, setVillage] = useState<AreaSummary | null>(null);
  const [accountId, setAccountId] = useState('');
  const jurisdiction = new Set((details.data?.jurisdiction ?? []).map((area) => area.code));
  const villages = (search.results.data?.items ?? []).filter((area) =>
    isWithinAreas(area.code, jurisdiction),
  );
  const officerId = accountId || props.officers[0]?.id || '';

  const onSubmit = (event: Event) =>
    form.submit(
      event,
      async () => {
        if (!village) return; // the check below refused it already
        props.onAssigned(await assignLiaison(props.station.id, village.code, officerId));
        setVillage(null);
        search.setQuery('');
      },
      // The route's own rules: a village code in the path, an officer in the body.
      {
        schema: AssignLiaisonCheck,
        value: { ...(village ? { villageCode: village.code } : {}), accountId: officerId },
      },
    );

  return (
    <form class="form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <ErrorNote error={form.error} />
      <Field
        name="liaison-village"
        type="search"
        label={t('web.console.liaisons.search')}
        value={search.query}
        onInput={(value) => {
          search.setQuery(value);
          setVillage(null);
        }}
        error={form.fields.villageCode}
      />
      {!village && search.query.trim() !== '' && villages.length > 0 && (
        <ul class="list area-results" aria-label={t('web.console.liaisons.village')}>
          {villages.map((area) => (
            <li key={area.code}>
              <button type="button" class="link-button tap" onClick={() => setVillage(area)}>
                {area.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      {village && (
        <p role="status">
          {t('web.console.liaisons.village')}: <strong>{village.label}</strong>
        </p>
      )}
      <div class="field">
        <label for="liaison-officer">{t('web.console.liaisons.officer')}</label>
        <select
          id="liaison-officer"
          value={officerId}
          onChange={(e) => setAccountId(e.currentTarget.value)}
          aria-invalid={form.fields.accountId ? 'true' : undefined}
        >
          {props.officers.map((officer) => (
            <option key={officer.id} value={officer.id}>
              {officer.name}
            </option>
          ))}
        </select>
        {form.fields.accountId && <small class="field-error">{form.fields.accountId}</small>}
      </div>
      <button class="button" type="submit" disabled={form.isBusy || !officerId}>
        {t('web.console.liaisons.assign')}
      </button>
    </form>
  );
}
