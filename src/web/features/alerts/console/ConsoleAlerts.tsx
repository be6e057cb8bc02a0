import { useLocation, useRoute } from 'preact-iso';
import type { StationListItem } from '../../../api/types.js';
import { ErrorNote, Skeleton } from '../../../components/ui.js';
import { alertQueries, useQuery } from '../../../query/query.js';
import { getAlertDraft } from '../api.js';
import { AlertDetail } from './AlertDetail.js';
import { AlertLists } from './AlertLists.js';
import { Composer } from './Composer.js';

/**
 * `/konsol/peringatan`, `/konsol/peringatan/baru` (`?draf=<id>` opens a stored draft) and
 * `/konsol/peringatan/<id>`.
 */
export function ConsoleAlerts({ station }: { station: StationListItem }) {
  const { sub } = useRoute().params;
  const { query } = useLocation();
  if (sub === 'baru' && query.draf) return <DraftComposer station={station} id={query.draf} />;
  if (sub === 'baru') return <Composer station={station} />;
  if (sub) return <AlertDetail id={sub} timeZone={station.timezone} />;
  return <AlertLists station={station} />;
}

function DraftComposer({ station, id }: { station: StationListItem; id: string }) {
  const draft = useQuery([...alertQueries, 'draft', id], () => getAlertDraft(id));
  if (draft.error) return <ErrorNote error={draft.error} />;
  if (!draft.data) return <Skeleton />;
  // Keyed by the draft, so the composer starts from its fields once they are here.
  return <Composer key={draft.data.id} station={station} draft={draft.data} />;
}
