import { lazy, useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { STATION_ROLES, type StationRole } from '../../common/domain/roles.js';
import { createOfficer, listOfficers } from '../features/accounts/api.js';
import { getStation, listAudit, listStations, updateStation } from '../features/stations/api.js';
import type { Me, OfficerCreated, StationListItem, StationView } from '../api/types.js';
import { ErrorNote, Field, Page, labelOf, Skeleton } from '../components/ui.js';
import { useForm } from '../components/use-form.js';
import { useLoad } from '../components/use-load.js';
import { formatDateTime } from '../../common/i18n/format.js';
import { useI18n } from '../i18n/i18n.js';
import { useSession } from '../session.js';
import { ConsoleReports } from './console-reports.js';

/** The catalog namespaces this page's strings come from. */
const NAMESPACES = ['reports', 'console-alerts', 'stats'];

// The alerts section (and the map inside it) downloads only when opened.
const ConsoleAlerts = lazy(() =>
  import('../features/alerts/console/ConsoleAlerts.js').then((m) => m.ConsoleAlerts),
);
const ConsoleStats = lazy(() =>
  import('../features/stats/ConsoleStats.js').then((m) => m.ConsoleStats),
);

const SECTIONS = [
  { path: 'petugas', key: 'web.console.nav.officers', roles: ['station_admin', 'platform_admin'] },
  { path: 'audit', key: 'web.console.nav.audit', roles: ['station_admin', 'platform_admin'] },
  { path: 'profil', key: 'web.console.nav.profile', roles: ['station_admin', 'platform_admin'] },
  {
    path: 'peringatan',
    key: 'consoleAlerts.nav',
    roles: ['officer', 'editor', 'station_admin', 'platform_admin'],
  },
  {
    path: 'laporan',
    key: 'reports.console.nav',
    roles: ['officer', 'editor', 'station_admin', 'platform_admin'],
  },
  {
    path: 'statistik',
    key: 'stats.console.nav',
    roles: ['editor', 'station_admin', 'platform_admin'],
  },
] as const satisfies ReadonlyArray<{ path: string; key: string; roles: readonly string[] }>;
type Section = (typeof SECTIONS)[number]['path'];

/**
 * The roles the account holds in the station: granted there or in an ancestor (a role reaches
 * the stations below, as the server's policy says); a platform admin's everywhere.
 */
function rolesIn(me: Me, station: StationListItem, byId: Map<string, StationListItem>): string[] {
  const lineage = new Set<string>();
  for (
    let s: StationListItem | undefined = station;
    s;
    s = s.parent ? byId.get(s.parent.id) : undefined
  ) {
    if (lineage.has(s.id)) break; // a malformed list must not loop forever
    lineage.add(s.id);
  }
  const roles = me.roles
    .filter(
      (r) => r.role === 'platform_admin' || (r.stationId !== null && lineage.has(r.stationId)),
    )
    .map((r) => r.role);
  return [...new Set(roles)];
}

export function Console() {
  const { t } = useI18n(NAMESPACES);
  const { me } = useSession();
  if (me === undefined) return <Skeleton />;
  // Citizen is implicit: any listed role is a staff role.
  if (!me)
    return (
      <Page title={t('web.console.login.title')}>
        <p>{t('web.console.login.text')}</p>
        <a class="button" href="/masuk">
          {t('web.nav.login')}
        </a>
      </Page>
    );
  if (me.roles.length === 0)
    return (
      <Page title={t('web.console.no_access.title')}>
        <p class="note note-error">{t('web.console.no_access.text')}</p>
      </Page>
    );
  return <ConsoleFrame me={me} />;
}

function ConsoleFrame({ me }: { me: Me }) {
  const { t } = useI18n(NAMESPACES);
  const section = useRoute().params.section;
  const stations = useLoad(() => listStations(), 'stations');
  const all = stations.data?.items ?? [];
  const byId = new Map(all.map((s) => [s.id, s]));
  const available = all.filter((s) => rolesIn(me, s, byId).length > 0);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const station = available.find((s) => s.id === chosenId) ?? available[0];
  const roles = station ? rolesIn(me, station, byId) : [];
  const visible = SECTIONS.filter((s) => s.roles.some((role) => roles.includes(role)));
  const current = visible.find((s) => s.path === section);

  return (
    <Page title={t('web.console.title')}>
      <ErrorNote error={stations.error} />
      {stations.isLoading && !stations.data && <Skeleton lines={2} />}
      {available.length > 1 && (
        <div class="field">
          <label for="console-station">{t('web.console.station')}</label>
          <select
            id="console-station"
            value={station?.id}
            onChange={(e) => setChosenId(e.currentTarget.value)}
          >
            {available.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {station && (
        <>
          <p>
            <strong>{station.name}</strong> —{' '}
            <span class="muted">
              {roles.map((role) => labelOf(t, 'web.role.', role)).join(', ')}
            </span>
          </p>
          <nav class="tabs" aria-label={t('web.console.title')}>
            <a href="/konsol" aria-current={section ? undefined : 'page'}>
              {t('web.console.nav.overview')}
            </a>
            {visible.map((s) => (
              <a
                key={s.path}
                href={`/konsol/${s.path}`}
                aria-current={s.path === section ? 'page' : undefined}
              >
                {t(s.key)}
              </a>
            ))}
          </nav>
          <ConsoleSection section={current?.path} station={station} />
        </>
      )}
    </Page>
  );
}

function ConsoleSection({
  section,
  station,
}: {
  section: Section | undefined;
  station: StationListItem;
}) {
  const { t } = useI18n(NAMESPACES);
  switch (section) {
    case 'petugas':
      return <Officers stationId={station.id} />;
    case 'audit':
      return <Audit stationId={station.id} />;
    case 'profil':
      return <StationEditor slug={station.slug} />;
    case 'peringatan':
      return <ConsoleAlerts station={station} />;
    case 'laporan':
      return <ConsoleReports stationId={station.id} />;
    case 'statistik':
      return <ConsoleStats station={station} />;
    case undefined:
      return <p>{t('web.console.overview')}</p>;
  }
}

function Officers({ stationId }: { stationId: string }) {
  const { t } = useI18n(NAMESPACES);
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

function Audit({ stationId }: { stationId: string }) {
  const { t, locale } = useI18n(NAMESPACES);
  const audit = useLoad(() => listAudit(stationId), stationId);
  return (
    <>
      <h2>{t('web.console.nav.audit')}</h2>
      <ErrorNote error={audit.error} />
      {audit.isLoading && !audit.data && <Skeleton />}
      {audit.data?.items.length === 0 && <p class="muted">{t('web.console.audit.empty')}</p>}
      <ol class="list audit">
        {audit.data?.items.map((entry) => (
          <li key={entry.seq}>
            <span class="muted">{formatDateTime(entry.at, locale)}</span> {entry.actorName}:{' '}
            {labelOf(t, 'web.audit.action.', entry.action)}
          </li>
        ))}
      </ol>
    </>
  );
}

function StationEditor({ slug }: { slug: string }) {
  const loaded = useLoad(() => getStation(slug), slug);
  if (!loaded.data) return loaded.error ? <ErrorNote error={loaded.error} /> : <Skeleton />;
  return <StationForm key={loaded.data.id} station={loaded.data} onSaved={loaded.reload} />;
}

function StationForm({ station, onSaved }: { station: StationView; onSaved: () => void }) {
  const { t } = useI18n(NAMESPACES);
  const form = useForm(t);
  const [name, setName] = useState(station.name);
  const [address, setAddress] = useState(station.address);
  const [isSaved, setSaved] = useState(false);

  const onSubmit = (event: Event) =>
    form.submit(event, async () => {
      setSaved(false);
      await updateStation(station.id, { name: name.trim(), address: address.trim() });
      setSaved(true);
      onSaved();
    });

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
