import { useLocation } from 'preact-iso';
import { useMemo, useState } from 'preact/hooks';
import {
  countStations,
  directoryTree,
  type DirectoryNode,
} from '../../../common/domain/stations.js';
import type { StationListItem } from '../../api/types.js';
import { ErrorNote, Page, Skeleton } from '../../components/ui.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/i18n.js';
import { listStations } from './api.js';
import { PhoneLink } from './PhoneLink.js';

/**
 * `/kantor`: the server's grouped directory (stations.pages.ts), filtered as one types. The
 * form still submits `?q=` when scripts are off, and the page starts from it.
 */
export function Stations() {
  const { t } = useI18n();
  const { query: params } = useLocation();
  const [query, setQuery] = useState(params.q ?? '');
  const { data, error, isLoading } = useLoad(() => listStations(), 'stations');
  const tree = useMemo(() => directoryTree(data?.items ?? [], query), [data, query]);
  return (
    <Page title={t('web.stations.title')}>
      <form class="directory-search" role="search" onSubmit={(e) => e.preventDefault()}>
        <label for="station-search">{t('web.stations.search.label')}</label>
        <input
          id="station-search"
          name="q"
          type="search"
          value={query}
          aria-describedby="station-search-hint"
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        <small id="station-search-hint" class="hint">
          {t('web.stations.search.hint')}
        </small>
      </form>
      <ErrorNote error={error} />
      {isLoading && !data && <Skeleton lines={5} />}
      {data && tree.length === 0 && (
        <p role="status">
          {query.trim() ? t('web.stations.search.none', { query }) : t('web.stations.empty')}
        </p>
      )}
      {tree.length > 0 && (
        <>
          <p class="muted" role="status">
            {t('web.stations.search.count', { count: countStations(tree) })}
          </p>
          <ul class="directory">
            {tree.map((node) => (
              <DirectoryEntry key={node.station.id} node={node} />
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}

function DirectoryEntry({ node }: { node: DirectoryNode }) {
  const { t } = useI18n();
  if (node.children.length === 0) {
    return (
      <li>
        <StationCard station={node.station} />
      </li>
    );
  }
  return (
    <li>
      <details class="station-group" open>
        <summary class="tap">
          <span>{node.station.name}</span>{' '}
          <span class="tag">{t(`web.station.level.${node.station.level}`)}</span>
        </summary>
        <StationCard station={node.station} />
        <ul class="directory">
          {node.children.map((child) => (
            <DirectoryEntry key={child.station.id} node={child} />
          ))}
        </ul>
      </details>
    </li>
  );
}

function StationCard({ station }: { station: StationListItem }) {
  const { t } = useI18n();
  return (
    <div class="station-card">
      <a class="station-name tap" href={`/kantor/${station.slug}`}>
        {station.name}
      </a>
      {station.isDemo && <span class="demo-badge">{t('web.demo.label')}</span>}
      {station.address && <p class="station-address">{station.address}</p>}
      {station.areaNames.length > 0 && (
        <p class="muted">{t('web.stations.serves', { areas: station.areaNames.join(', ') })}</p>
      )}
      {station.phones.length > 0 && (
        <p class="actions">
          {station.phones.map((phone) => (
            <PhoneLink key={phone.number} phone={phone} />
          ))}
        </p>
      )}
    </div>
  );
}
