import { lazy, useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import type { Me, StationListItem } from '../../../api/types.js';
import { ErrorNote, Page, labelOf, Skeleton } from '../../../components/ui.js';
import { useLoad } from '../../../components/use-load.js';
import { consoleNamespaces, consoleSections } from '../../../feature-registry.js';
import { listStations } from '../api.js';
import { useI18n } from '../../../i18n/i18n.js';
import { useSession } from '../../../session.js';

/** The features' sections, each its own chunk, downloaded when first opened. */
const SECTIONS = consoleSections.map((section) => ({ ...section, component: lazy(section.load) }));

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
  const { t } = useI18n(consoleNamespaces);
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
  const { t } = useI18n(consoleNamespaces);
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
                {t(s.labelKey)}
              </a>
            ))}
          </nav>
          <ConsoleSection section={current} station={station} roles={roles} />
        </>
      )}
    </Page>
  );
}

function ConsoleSection({
  section,
  station,
  roles,
}: {
  section: (typeof SECTIONS)[number] | undefined;
  station: StationListItem;
  roles: readonly string[];
}) {
  const { t } = useI18n(consoleNamespaces);
  if (!section) return <p>{t('web.console.overview')}</p>;
  const Section = section.component;
  return <Section station={station} roles={roles} />;
}
