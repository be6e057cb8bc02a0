import { useLocation } from 'preact-iso';
import { ErrorNote, Skeleton } from '../../components/ui.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/i18n.js';
import { getStatsFragment } from './stats-api.js';

/**
 * `/statistik` and `/statistik/:slug` once the PWA runs: the server's own rendering of the
 * page (escaped by its html template), so numbers, tables and charts have one source.
 */
export function StatsDashboard() {
  const { url } = useLocation();
  const { locale } = useI18n();
  const fragment = useLoad(() => getStatsFragment(url), `${url}|${locale}`);
  return (
    <>
      <ErrorNote error={fragment.error} />
      {fragment.isLoading && !fragment.data && <Skeleton lines={6} />}
      {fragment.data && (
        // Our server's markup: every interpolation in it went through the escaping template.
        <div dangerouslySetInnerHTML={{ __html: fragment.data }} />
      )}
    </>
  );
}
