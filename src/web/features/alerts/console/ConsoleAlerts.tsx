import { useRoute } from 'preact-iso';
import type { StationListItem } from '../../../api/types.js';
import { AlertDetail } from './AlertDetail.js';
import { AlertLists } from './AlertLists.js';
import { Composer } from './Composer.js';

/** `/konsol/peringatan`, `/konsol/peringatan/baru` and `/konsol/peringatan/<id>`. */
export function ConsoleAlerts({ station }: { station: StationListItem }) {
  const { sub } = useRoute().params;
  if (sub === 'baru') return <Composer station={station} />;
  if (sub) return <AlertDetail id={sub} timeZone={station.timezone} />;
  return <AlertLists station={station} />;
}
