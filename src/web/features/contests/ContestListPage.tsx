import { useLocation } from 'preact-iso';
import { formatDateTime } from '../../../common/i18n/format.js';
import { ErrorNote, Page, Skeleton } from '../../components/ui.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/i18n.js';
import { listContests } from './api.js';
import { contestPagePath, CONTESTS_NAMESPACES, PhaseBadge } from './ContestParts.js';

/** Every contest (or one station's), newest first, each with its phase in force. */
export function ContestListPage() {
  const { t, locale } = useI18n(CONTESTS_NAMESPACES);
  const station = useLocation().query.station;
  const contests = useLoad(() => listContests(station), station ?? '');
  return (
    <Page title={t('contests.list.title')}>
      <p>{t('contests.list.intro')}</p>
      <ErrorNote error={contests.error} />
      {!contests.data && !contests.error && <Skeleton />}
      {contests.data?.items.length === 0 && <p class="muted">{t('contests.list.empty')}</p>}
      <ul class="plain contest-cards">
        {contests.data?.items.map((contest) => (
          <li key={contest.id} class="card contest-card">
            <p class="badges">
              <PhaseBadge phase={contest.phase} />
            </p>
            <a class="contest-card-title" href={contestPagePath(contest.id)}>
              {contest.title}
            </a>
            <small class="muted">
              {contest.station.name}
              {contest.phaseEndsAt &&
                ` · ${t('contests.list.phase_ends', { date: formatDateTime(contest.phaseEndsAt, locale) })}`}
            </small>
          </li>
        ))}
      </ul>
    </Page>
  );
}
