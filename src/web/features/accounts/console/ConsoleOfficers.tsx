import { useState } from 'preact/hooks';
import { isStationRole, STATION_ROLES, type StationRole } from '../../../../common/domain/roles.js';
import type { OfficerCreated, OfficerView } from '../../../api/types.js';
import { Confirm, ErrorNote, Field, labelOf, Skeleton } from '../../../components/ui.js';
import { useForm } from '../../../components/use-form.js';
import { useLoad } from '../../../components/use-load.js';
import { useI18n } from '../../../i18n/i18n.js';
import type { ConsoleSectionProps } from '../../feature.js';
import { Liaisons } from '../../stations/console/Liaisons.js';
import { createOfficer, listOfficers, revokeOfficerRole } from '../api.js';

/**
 * `/konsol/petugas`: the station's officers, each with a role to change and a way out, a form
 * to add one, and who serves each village as Bhabinkamtibmas.
 */
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
  const [done, setDone] = useState('');

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
      {done && (
        <p class="note note-ok" role="status">
          {done}
        </p>
      )}
      <ul class="list">
        {officers.data?.officers.map((o) => (
          <OfficerRow
            key={o.id}
            station={station}
            officer={o}
            onChanged={(message) => {
              setDone(message);
              officers.reload();
            }}
          />
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
          <RoleSelect id="officer-role" value={role} onChange={setRole} />
        </div>
        <button class="button" type="submit" disabled={form.isBusy}>
          {t('web.console.officers.submit')}
        </button>
      </form>
      <Liaisons station={station} officers={officers.data?.officers ?? []} />
    </>
  );
}

function RoleSelect(props: {
  id: string;
  value: StationRole;
  onChange: (role: StationRole) => void;
}) {
  const { t } = useI18n();
  return (
    <select
      id={props.id}
      value={props.value}
      onChange={(e) => {
        if (isStationRole(e.currentTarget.value)) props.onChange(e.currentTarget.value);
      }}
    >
      {STATION_ROLES.map((r) => (
        <option key={r} value={r}>
          {t(`web.role.${r}`)}
        </option>
      ))}
    </select>
  );
}

const stationRolesOf = (officer: OfficerView) =>
  officer.roles.map((r) => r.role).filter(isStationRole);

/** One officer: their roles, a role to change to, and removal from the station. */
function OfficerRow(props: {
  station: ConsoleSectionProps['station'];
  officer: OfficerView;
  onChanged: (message: string) => void;
}) {
  const { station, officer } = props;
  const { t } = useI18n();
  const form = useForm(t);
  const held = stationRolesOf(officer);
  const [isEditing, setEditing] = useState(false);
  const [role, setRole] = useState<StationRole>(held[0] ?? 'officer');
  const selectId = `role-${officer.id}`;

  // One role afterwards: the new one is granted first, so a failure never leaves none.
  const onSubmit = (event: Event) =>
    form.submit(event, async () => {
      if (!held.includes(role)) {
        await createOfficer(station.id, { name: officer.name, email: officer.email ?? '', role });
      }
      for (const old of held)
        if (old !== role) await revokeOfficerRole(station.id, officer.id, old);
      setEditing(false);
      props.onChanged(
        t('web.console.officers.role_changed', { name: officer.name, role: t(`web.role.${role}`) }),
      );
    });

  return (
    <li class="officer">
      <strong>{officer.name}</strong>{' '}
      {officer.roles.map((r) => (
        <span key={r.role} class="tag">
          {labelOf(t, 'web.role.', r.role)}
        </span>
      ))}{' '}
      <span class="muted">{officer.email ?? officer.phone}</span>
      {isEditing ? (
        <form class="form" onSubmit={(e) => void onSubmit(e)} noValidate>
          <ErrorNote error={form.error} />
          <div class="field">
            <label for={selectId}>
              {t('web.console.officers.new_role', { name: officer.name })}
            </label>
            <RoleSelect id={selectId} value={role} onChange={setRole} />
          </div>
          <span class="actions">
            <button class="button tap" type="submit" disabled={form.isBusy}>
              {t('web.console.officers.save_role')}
            </button>
            <button
              class="button button-secondary tap"
              type="button"
              onClick={() => setEditing(false)}
            >
              {t('web.action.cancel')}
            </button>
          </span>
        </form>
      ) : (
        <span class="actions">
          {officer.email && (
            <button
              type="button"
              class="button button-secondary button-small tap"
              onClick={() => setEditing(true)}
            >
              {t('web.console.officers.change_role')}
            </button>
          )}
          <Confirm
            label={t('web.console.officers.remove')}
            question={t('web.console.officers.remove_confirm', {
              name: officer.name,
              station: station.name,
            })}
            yes={t('web.console.officers.remove_yes')}
            onConfirm={async () => {
              for (const old of held) await revokeOfficerRole(station.id, officer.id, old);
              props.onChanged(t('web.console.officers.removed', { name: officer.name }));
            }}
          />
        </span>
      )}
    </li>
  );
}
