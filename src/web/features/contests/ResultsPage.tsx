import { useRoute } from 'preact-iso';
import { ErrorNote, Skeleton } from '../../components/ui.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/i18n.js';
import { getContest, getResults } from './api.js';
import { contestPagePath, CONTESTS_NAMESPACES, RankingTable, WeightsNote } from './ContestParts.js';

/** The ranking once judging has closed, with the formula it follows. */
export function ResultsPage() {
  const id = useRoute().params.id ?? '';
  const { t } = useI18n(CONTESTS_NAMESPACES);
  const contest = useLoad(() => getContest(id), id);
  const results = useLoad(() => getResults(id), `${id}:results`);
  if (contest.error) return <ErrorNote error={contest.error} />;
  if (!contest.data) return <Skeleton />;
  return (
    <main class="contest-page contest-results">
      <p class="contest-kicker">
        <a href={contestPagePath(contest.data.id)}>{contest.data.title}</a>
      </p>
      <h1>{t('contests.results.title')}</h1>
      <WeightsNote contest={contest.data} />
      <p class="muted">{t('contests.results.formula')}</p>
      <ErrorNote error={results.error} />
      {results.isLoading && !results.data && <Skeleton />}
      {results.data && (
        <>
          <p>{t('contests.results.total_votes', { count: results.data.totalVotes })}</p>
          {results.data.ranking.length === 0 ? (
            <p class="muted">{t('contests.gallery.empty')}</p>
          ) : (
            <RankingTable ranking={results.data.ranking} />
          )}
        </>
      )}
    </main>
  );
}
