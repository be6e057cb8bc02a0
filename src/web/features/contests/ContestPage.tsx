import { useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { phaseIndex } from '../../../common/domain/contests.js';
import { formatDateTime } from '../../../common/i18n/format.js';
import { ErrorNote, Skeleton } from '../../components/ui.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/i18n.js';
import { useSession } from '../../session.js';
import { getContest, listEntries, vote, type ContestEntryView, type ContestView } from './api.js';
import {
  contestPagePath,
  CONTESTS_NAMESPACES,
  EntryFiles,
  PhaseBadge,
  PhaseTimeline,
  WeightsNote,
} from './ContestParts.js';
import { EntryForm } from './EntryForm.js';

/**
 * The contest page (also its share page `/c/:id`: the server sent the same text, this takes it
 * over): rules, prizes, weights, the phase timeline, the entry form while submissions are open,
 * and the gallery with vote buttons while voting runs.
 */
export function ContestPage() {
  const id = useRoute().params.id ?? '';
  const { t, locale } = useI18n(CONTESTS_NAMESPACES);
  const { me } = useSession();
  const [generation, setGeneration] = useState(0);
  const key = `${id}:${me?.id ?? ''}:${generation}`;
  const contest = useLoad(() => getContest(id), key);
  const entries = useLoad(() => listEntries(id), key);
  const reload = () => setGeneration((g) => g + 1);
  const [isSent, setSent] = useState(false);
  if (contest.error) return <ErrorNote error={contest.error} />;
  if (!contest.data) return <Skeleton />;
  const view = contest.data;
  const mine = entries.data?.items.filter((entry) => entry.isMine) ?? [];
  const gallery = entries.data?.items.filter((entry) => entry.status === 'approved') ?? [];
  return (
    <main class="contest-page" data-contest-id={view.id}>
      <p class="contest-kicker">
        <a href={`/lomba?station=${encodeURIComponent(view.station.slug)}`}>{view.station.name}</a>
      </p>
      <h1>{view.title}</h1>
      <p class="badges">
        <PhaseBadge phase={view.phase} />
        {view.phaseEndsAt && (
          <small class="muted">
            {t('contests.list.phase_ends', { date: formatDateTime(view.phaseEndsAt, locale) })}
          </small>
        )}
      </p>
      <PhaseTimeline contest={view} />
      <About contest={view} />
      {view.isJudge && view.phase === 'judging' && (
        <p>
          <a class="button" href={`${contestPagePath(view.id)}/nilai`}>
            {t('contests.judge.open')}
          </a>
        </p>
      )}
      {view.phase === 'results' && (
        <p>
          <a class="button" href={`${contestPagePath(view.id)}/hasil`}>
            {t('contests.results.open')}
          </a>
        </p>
      )}
      {view.phase === 'submission' &&
        (me ? (
          (view.allowMultipleEntries || mine.length === 0) && (
            <EntryForm
              contest={view}
              onSent={() => {
                setSent(true);
                reload();
              }}
            />
          )
        ) : (
          <p class="note">
            <a href="/masuk">{t('contests.entry.log_in')}</a>
          </p>
        ))}
      {isSent && (
        <p class="note note-ok" role="status">
          {t('contests.entry.sent')}
        </p>
      )}
      {mine.length > 0 && <MyEntries entries={mine} />}
      <Gallery contest={view} entries={gallery} />
    </main>
  );
}

function About({ contest }: { contest: ContestView }) {
  const { t } = useI18n(CONTESTS_NAMESPACES);
  return (
    <section class="contest-about">
      <h2>{t('contests.page.rules')}</h2>
      <p class="contest-text">{contest.rules}</p>
      {contest.prizes && (
        <>
          <h2>{t('contests.page.prizes')}</h2>
          <p class="contest-text">{contest.prizes}</p>
        </>
      )}
      <h2>{t('contests.page.how_judged')}</h2>
      <WeightsNote contest={contest} />
      <ul class="contest-criteria">
        {contest.criteria.map((criterion) => (
          <li key={criterion.name}>
            {t('contests.page.criterion', { name: criterion.name, weight: criterion.weight })}
          </li>
        ))}
      </ul>
      <p>{t('contests.page.votes_per_account', { count: contest.votesPerAccount })}</p>
      {contest.categories.length > 0 && (
        <p>{t('contests.page.categories', { list: contest.categories.join(', ') })}</p>
      )}
      {contest.residentsOnly && <p>{t('contests.page.residents_only')}</p>}
      {contest.minAccountAgeDays > 0 && (
        <p>{t('contests.page.min_age', { days: contest.minAccountAgeDays })}</p>
      )}
    </section>
  );
}

function MyEntries({ entries }: { entries: ContestEntryView[] }) {
  const { t } = useI18n(CONTESTS_NAMESPACES);
  return (
    <section class="contest-mine">
      <h2>{t('contests.mine.title')}</h2>
      <ul class="plain">
        {entries.map((entry) => (
          <li key={entry.id} class="card">
            <span class={`badge contest-entry-${entry.status}`}>
              {t(`contests.entry.status.${entry.status}`)}
            </span>{' '}
            <strong>{entry.title}</strong>
            {entry.rejectReason && (
              <p class="note note-error">
                {t('contests.mine.reason', { reason: entry.rejectReason })}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Approved entries; during voting each has a vote button and the page says how many are left. */
function Gallery({ contest, entries }: { contest: ContestView; entries: ContestEntryView[] }) {
  const { t } = useI18n(CONTESTS_NAMESPACES);
  const { me } = useSession();
  const [left, setLeft] = useState(contest.myVotes?.left);
  const [voted, setVoted] = useState<Record<string, boolean>>({});
  const [counts, setCounts] = useState<Record<string, number | null>>({});
  // A refusal (the limit, too new an account) shows under the entry it was for.
  const [error, setError] = useState<{ entryId: string; failure: unknown } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const isVoting = contest.phase === 'voting';
  const hasVotes = phaseIndex(contest.phase) >= phaseIndex('voting');
  const toggle = async (entry: ContestEntryView, cast: boolean) => {
    setError(null);
    setBusy(entry.id);
    try {
      const result = await vote(contest.id, entry.id, cast);
      setLeft(result.left);
      setVoted((current) => ({ ...current, [entry.id]: result.hasMyVote }));
      setCounts((current) => ({ ...current, [entry.id]: result.votes }));
    } catch (failure) {
      setError({ entryId: entry.id, failure });
    } finally {
      setBusy(null);
    }
  };
  return (
    <section class="contest-gallery">
      <h2>{t('contests.gallery.title')}</h2>
      {isVoting && me && left !== undefined && (
        <p class="contest-votes-left" aria-live="polite">
          {t('contests.gallery.votes_left', { count: left, max: contest.votesPerAccount })}
        </p>
      )}
      {isVoting && !me && (
        <p class="note">
          <a href="/masuk">{t('contests.gallery.log_in')}</a>
        </p>
      )}
      {entries.length === 0 && <p class="muted">{t('contests.gallery.empty')}</p>}
      <ul class="plain contest-entries">
        {entries.map((entry) => {
          const hasVote = voted[entry.id] ?? entry.hasMyVote === true;
          const votes = entry.id in counts ? counts[entry.id] : entry.votes;
          return (
            <li key={entry.id} class="card contest-entry" data-entry-id={entry.id}>
              <EntryFiles entry={entry} />
              <h3>{entry.title}</h3>
              <p class="muted">
                {entry.authorName}
                {entry.teamMembers.length > 0 && ` · ${entry.teamMembers.join(', ')}`}
                {entry.category && ` · ${entry.category}`}
              </p>
              <p class="contest-text">{entry.description}</p>
              {hasVotes && votes !== null && votes !== undefined && (
                <p class="contest-entry-votes">{t('contests.gallery.votes', { count: votes })}</p>
              )}
              {isVoting && me && (
                <button
                  type="button"
                  class={hasVote ? 'button button-secondary' : 'button'}
                  aria-pressed={hasVote}
                  disabled={busy === entry.id}
                  onClick={() => void toggle(entry, !hasVote)}
                >
                  {hasVote ? t('contests.gallery.withdraw') : t('contests.gallery.vote')}
                </button>
              )}
              {error?.entryId === entry.id && <ErrorNote error={error.failure} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
