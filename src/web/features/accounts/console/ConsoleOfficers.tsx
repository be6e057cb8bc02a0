import { useState } from 'preact/hooks';
import { STATION_ROLES, type StationRole } from '../../../../common/domain/roles.js';
import type { OfficerCreated } from '../../../api/types.js';
import { ErrorNote, Field, labelOf, Skeleton } from '../../../components/ui.js';
import { useForm } from '../../../components/use-form.js';
import { useLoad } from '../../../components/use-load.js';
import { useI18n } from '../../../i18n/i18n.js';
import type { ConsoleSectionProps } from '../../feature.js';
import { createOfficer, listOfficers } from '../api.js';

/** `/konsol/petugas`: the station's officers and a form to add one. */
export function ConsoleOfficers({ station }: ConsoleSectionProps) {
  const stationId = station.id;
  const { t } = useI18n();
  const officers = useLoad(() => listOfficers(stationId), stationId);
  const form = useForm(t);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [role, setRole] = useState<StationRole>('officer');
  const [created, setCreated] = useState<OfficerCreated | null>(null);

  const onSubmit = (event: Event) =>
    form.submit(event, async () => {
      setCreated(null);
      const result = await createOfficer(stationId, {
        name: name.trim(),
        email: email.trim(),
        role,
        ...(phone.trim() ? { phone: phone.trim() } : {}),
      });
      setCreated(result);
      setName('');
      setEmail('');
      setPhone('');
      officers.reload();
    });

  return (
    <>
      <h2>{t('web.console.nav.officers')}</h2>
      <ErrorNote error={officers.error} />
      {officers.isLoading && !officers.data && <Skeleton />}
      <ul class="list">
        {officers.data?.officers.map((o) => (
          <li key={o.id}>
            {o.name}{' '}
            {o.roles.map((r) => (
              <span key={r.role} class="tag">
                {labelOf(t, 'web.role.', r.role)}
              </span>
            ))}{' '}
            <span class="muted">{o.email ?? o.phone}</span>
          </li>
        ))}
      </ul>
      <h3>{t('web.console.officers.add')}</h3>
      {created && (
        <p class="note note-ok" role="status">
          {t('web.console.officers.created', { name: created.officer.name })}
          {created.oneTimePassword && (
            <>
              {' '}
              {t('web.console.officers.one_time_password')} <code>{created.oneTimePassword}</code>
            </>
          )}
        </p>
      )}
      <form class="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorNote error={form.error} />
        <Field
          label={t('web.auth.name')}
          name="officer-name"
          value={name}
          onInput={setName}
          error={form.fields.name}
        />
        <Field
          label={t('web.auth.email')}
          name="officer-email"
          type="email"
          value={email}
          onInput={setEmail}
          error={form.fields.email}
        />
        <Field
          label={t('web.auth.phone_optional')}
          name="officer-phone"
          type="tel"
          value={phone}
          onInput={setPhone}
          error={form.fields.phone}
        />
        <div class="field">
          <label for="officer-role">{t('web.console.officers.role')}</label>
          <select
            id="officer-role"
            value={role}
            // The options are exactly STATION_ROLES.
            onChange={(e) => setRole(e.currentTarget.value as StationRole)}
          >
            {STATION_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`web.role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <button class="button" type="submit" disabled={form.isBusy}>
          {t('web.console.officers.submit')}
        </button>
      </form>
    </>
  );
}
