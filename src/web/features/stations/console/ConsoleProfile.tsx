import { useState } from 'preact/hooks';
import { UpdateStationBody } from '../../../../common/api/stations.js';
import type { StationView } from '../../../api/types.js';
import { ErrorNote, Field, Skeleton } from '../../../components/ui.js';
import { useForm } from '../../../components/use-form.js';
import { useLoad } from '../../../components/use-load.js';
import { useI18n } from '../../../i18n/i18n.js';
import type { ConsoleSectionProps } from '../../feature.js';
import { getStation, updateStation } from '../api.js';

/** `/konsol/profil`: the station's public profile. */
export function ConsoleProfile({ station }: ConsoleSectionProps) {
  const slug = station.slug;
  const loaded = useLoad(() => getStation(slug), slug);
  if (!loaded.data) return loaded.error ? <ErrorNote error={loaded.error} /> : <Skeleton />;
  return <StationForm key={loaded.data.id} station={loaded.data} onSaved={loaded.reload} />;
}

function StationForm({ station, onSaved }: { station: StationView; onSaved: () => void }) {
  const { t } = useI18n();
  const form = useForm(t);
  const [name, setName] = useState(station.name);
  const [address, setAddress] = useState(station.address);
  const [isSaved, setSaved] = useState(false);

  const onSubmit = (event: Event) => {
    const patch = { name: name.trim(), address: address.trim() };
    // Checked against the route's own schema first: each field's message from the catalog.
    return form.submit(
      event,
      async () => {
        setSaved(false);
        await updateStation(station.id, patch);
        setSaved(true);
        onSaved();
      },
      { schema: UpdateStationBody, value: patch },
    );
  };

  return (
    <form class="form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <h2>{t('web.console.nav.profile')}</h2>
      <ErrorNote error={form.error} />
      <Field
        label={t('web.console.profile.name')}
        name="station-name"
        value={name}
        onInput={setName}
        error={form.fields.name}
      />
      <Field
        label={t('web.station.address')}
        name="station-address"
        value={address}
        onInput={setAddress}
        error={form.fields.address}
      />
      <button class="button" type="submit" disabled={form.isBusy}>
        {t('web.console.profile.submit')}
      </button>
      {isSaved && (
        <p class="note note-ok" role="status">
          {t('web.console.profile.saved')}
        </p>
      )}
    </form>
  );
}
