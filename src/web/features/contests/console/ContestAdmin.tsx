import { useState } from 'preact/hooks';
import { phaseIndex } from '../../../../common/domain/contests.js';
import { formatDateTime } from '../../../../common/i18n/format.js';
import { ErrorNote, Field, Skeleton } from '../../../components/ui.js';
import { useForm } from '../../../components/use-form.js';
import { useLoad } from '../../../components/use-load.js';
import { useI18n } from '../../../i18n/i18n.js';
import { listOfficers } from '../../accounts/api.js';
import {
  advanceContest,
  announceWinners,
  exportUrl,
  getContest,
  getIntegrity,
  getResults,
  getScoreBoard,
  inviteJudge,
  listEntries,
  listJudges,
  moderateEntry,
  voidVotes,
  type ContestEntryView,
  type ContestView,
} from '../api.js';
import {
  contestPagePath,
  CONTESTS_NAMESPACES,
  EntryFiles,
  PhaseBadge,
  PhaseTimeline,
  RankingTable,
} from '../ContestParts.js';

/** One contest run by its organisers: phase, moderation, jury, integrity and results. */
export function ContestAdmin({
  contestId,
  onChanged,
}: {
  contestId: string;
  onChanged: () => void;
}) {
  const { t } = useI18n(CONTESTS_NAMESPACES);
  const [generation, setGeneration] = useState(0);
  const contest = useLoad(() => getContest(contestId), `${contestId}:${generation}`);
  const changed = () => {
    setGeneration((g) => g + 1);
    onChanged();
  };
  if (contest.error) return <ErrorNote error={contest.error} />;
  if (!contest.data) return <Skeleton lines={2} />;
  const view = contest.data;
  const key = `${contestId}:${generation}`;
  const hasVotes = phaseIndex(view.phase) >= phaseIndex('voting');
  return (
    <div class="contest-admin">
      <PhaseTimeline contest={view} />
      <p class="actions">
        <a class="button button-small button-secondary" href={contestPagePath(view.id)}>
          {t('contests.console.open_public')}
        </a>
        <a class="button button-small button-secondary" href={exportUrl(view.id)} download>
          {t('contests.console.export')}
        </a>
        {view.isJudge && view.phase === 'judging' && (
          <a class="button button-small" href={`${contestPagePath(view.id)}/nilai`}>
            {t('contests.judge.open')}
          </a>
        )}
      </p>
      <Advance contest={view} onChanged={changed} />
      <Moderation contest={view} generation={key} />
      <Judges contest={view} />
      {view.phase === 'judging' && <ScoreProgress contestId={view.id} generation={key} />}
      {hasVotes && <Integrity contest={view} generation={key} onVoided={changed} />}
      {view.phase === 'results' && <Results contest={view} />}
    </div>
  );
}

function Advance({ contest, onChanged }: { contest: ContestView; onChanged: () => void }) {
  const { t, locale } = useI18n(CONTESTS_NAMESPACES);
  const form = useForm(t);
  if (contest.phase === 'results') return null;
  const label =
    contest.phase === 'judging'
      ? t('contests.console.publish_results')
      : t('contests.console.advance', { phase: t(`contests.phase.${contest.phase}`) });
  return (
    <section class="contest-advance">
      <p>
        {t('contests.console.phase_now')} <PhaseBadge phase={contest.phase} />
        {contest.phaseEndsAt && (
          <small class="muted">
            {' '}
            {t('contests.list.phase_ends', { date: formatDateTime(contest.phaseEndsAt, locale) })}
          </small>
        )}
      </p>
      <ErrorNote error={form.error} />
      <button
        type="button"
        class="button button-small"
        disabled={form.isBusy}
        onClick={(e) =>
          void form.submit(e, async () => {
            await advanceContest(contest.id);
            onChanged();
          })
        }
      >
        {label}
      </button>
    </section>
  );
}

function Moderation({ contest, generation }: { contest: ContestView; generation: string }) {
  const { t } = useI18n(CONTESTS_NAMESPACES);
  const [decided, setDecided] = useState(0);
  const entries = useLoad(() => listEntries(contest.id, 'all'), `${generation}:${decided}`);
  return (
    <section class="contest-moderation">
      <h3>{t('contests.console.entries')}</h3>
      <ErrorNote error={entries.error} />
      {entries.data?.items.length === 0 && <p class="muted">{t('contests.gallery.empty')}</p>}
      <ul class="plain">
        {entries.data?.items.map((entry) => (
          <ModerationItem
            key={entry.id}
            contestId={contest.id}
            entry={entry}
            onDecided={() => setDecided((n) => n + 1)}
          />
        ))}
      </ul>
    </section>
  );
}

function ModerationItem(props: {
  contestId: string;
  entry: ContestEntryView;
  onDecided: () => void;
}) {
  const { t } = useI18n(CONTESTS_NAMESPACES);
  const form = useForm(t);
  const [reason, setReason] = useState('');
  const { entry } = props;
  const decide = (event: Event, why?: string) =>
    form.submit(event, async () => {
      await moderateEntry(props.contestId, entry.id, why);
      props.onDecided();
    });
  return (
    <li class="card contest-entry" data-entry-id={entry.id}>
      <span class={`badge contest-entry-${entry.status}`}>
        {t(`contests.entry.status.${entry.status}`)}
      </span>{' '}
      <strong>{entry.title}</strong>
      <small class="muted"> · {entry.authorName}</small>
      <p class="contest-text">{entry.description}</p>
      <EntryFiles entry={entry} />
      {entry.votes !== null && (
        <p class="muted">{t('contests.gallery.votes', { count: entry.votes })}</p>
      )}
      {entry.rejectReason && (
        <p class="muted">{t('contests.mine.reason', { reason: entry.rejectReason })}</p>
      )}
      <ErrorNote error={form.error} />
      {entry.status === 'pending' && (
        <form class="contest-reject" onSubmit={(e) => void decide(e, reason)}>
          <button
            type="button"
            class="button button-small"
            disabled={form.isBusy}
            onClick={(e) => void decide(e)}
          >
            {t('contests.console.approve')}
          </button>
          <Field
            label={t('contests.console.reject_reason')}
            name={`reason-${entry.id}`}
            value={reason}
            onInput={setReason}
            error={form.fields.reason}
          />
          <button type="submit" class="button button-small button-danger" disabled={form.isBusy}>
            {t('contests.console.reject')}
          </button>
        </form>
      )}
    </li>
  );
}

function Judges({ contest }: { contest: ContestView }) {
  const { t } = useI18n(CONTESTS_NAMESPACES);
  const form = useForm(t);
  const [invited, setInvited] = useState(0);
  const judges = useLoad(() => listJudges(contest.id), `${contest.id}:${invited}`);
  const officers = useLoad(() => listOfficers(contest.station.id), contest.station.id);
  const [picked, setPicked] = useState('');
  const [accountId, setAccountId] = useState('');
  const invite = (event: Event) =>
    form.submit(event, async () => {
      await inviteJudge(contest.id, accountId.trim() || picked);
      setAccountId('');
      setInvited((n) => n + 1);
    });
  const current = new Set(judges.data?.items.map((judge) => judge.accountId));
  return (
    <section class="contest-judges">
      <h3>{t('contests.console.judges')}</h3>
      {judges.data?.items.length === 0 && <p class="muted">{t('contests.console.no_judges')}</p>}
      <ul>
        {judges.data?.items.map((judge) => (
          <li key={judge.accountId}>{judge.name}</li>
        ))}
      </ul>
      {contest.phase !== 'results' && (
        <form class="form" onSubmit={(e) => void invite(e)}>
          <div class="field">
            <label for={`judge-${contest.id}`}>{t('contests.console.judge_officer')}</label>
            <select
              id={`judge-${contest.id}`}
              value={picked}
              onChange={(e) => setPicked(e.currentTarget.value)}
            >
              <option value="">{t('contests.judge.pick')}</option>
              {officers.data?.officers
                .filter((officer) => !current.has(officer.id))
                .map((officer) => (
                  <option key={officer.id} value={officer.id}>
                    {officer.name}
                  </option>
                ))}
            </select>
          </div>
          <Field
            label={t('contests.console.judge_account')}
            name={`judge-account-${contest.id}`}
            value={accountId}
            onInput={setAccountId}
            hint={t('contests.console.judge_account_hint')}
          />
          <ErrorNote error={form.error} />
          <button
            type="submit"
            class="button button-small"
            disabled={form.isBusy || (!picked && !accountId.trim())}
          >
            {t('contests.console.invite')}
          </button>
        </form>
      )}
    </section>
  );
}

/** Who has scored how many entries; the scores themselves stay secret until results. */
function ScoreProgress({ contestId, generation }: { contestId: string; generation: string }) {
  const { t } = useI18n(CONTESTS_NAMESPACES);
  const board = useLoad(() => getScoreBoard(contestId), generation);
  return (
    <section class="contest-scores">
      <h3>{t('contests.console.scores')}</h3>
      <ErrorNote error={board.error} />
      <p class="muted">{t('contests.judge.secret')}</p>
      <ul>
        {board.data?.items.map((item) => (
          <li key={item.entryId}>
            {t('contests.console.scored_by', {
              count: item.judgeCount,
              names: item.scores.map((s) => s.judgeName).join(', '),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Integrity(props: { contest: ContestView; generation: string; onVoided: () => void }) {
  const { contest } = props;
  const { t, locale } = useI18n(CONTESTS_NAMESPACES);
  const form = useForm(t);
  const report = useLoad(() => getIntegrity(contest.id), props.generation);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState('');
  const canVoid = contest.phase === 'voting' || contest.phase === 'judging';
  const toggle = (voteId: string, on: boolean) =>
    setPicked((current) => {
      const next = new Set(current);
      if (on) next.add(voteId);
      else next.delete(voteId);
      return next;
    });
  const submit = (event: Event) =>
    form.submit(event, async () => {
      await voidVotes(contest.id, [...picked], reason.trim());
      setPicked(new Set());
      setReason('');
      // The entries' counts change too.
      props.onVoided();
    });
  const data = report.data;
  const flagged = data
    ? [
        ...data.newAccountBursts.map((burst) => ({
          key: `b-${burst.entryId}-${burst.from}`,
          label: t('contests.integrity.burst', {
            entry: burst.entryTitle,
            count: burst.votes.length,
            from: formatDateTime(burst.from, locale),
          }),
          votes: burst.votes,
        })),
        ...data.sharedNetworks.map((network) => ({
          key: `n-${network.network}`,
          label: t('contests.integrity.network', {
            network: network.network,
            count: network.votes.length,
          }),
          votes: network.votes,
        })),
      ]
    : [];
  return (
    <section class="contest-integrity">
      <h3>{t('contests.integrity.title')}</h3>
      <ErrorNote error={report.error} />
      {data && (
        <p>
          {t('contests.integrity.summary', { valid: data.validVotes, voided: data.voidedVotes })}
        </p>
      )}
      {data && flagged.length === 0 && <p class="muted">{t('contests.integrity.none')}</p>}
      {flagged.map((group) => (
        <fieldset key={group.key}>
          <legend>{group.label}</legend>
          {group.votes.map((vote) => (
            <label key={vote.voteId} class="check">
              <input
                type="checkbox"
                disabled={!canVoid}
                checked={picked.has(vote.voteId)}
                onChange={(e) => toggle(vote.voteId, e.currentTarget.checked)}
              />
              {t('contests.integrity.vote', {
                at: formatDateTime(vote.createdAt, locale),
                account: formatDateTime(vote.accountCreatedAt, locale),
              })}
            </label>
          ))}
        </fieldset>
      ))}
      {canVoid && flagged.length > 0 && (
        <form class="form" onSubmit={(e) => void submit(e)}>
          <Field
            label={t('contests.integrity.reason')}
            name={`void-reason-${contest.id}`}
            value={reason}
            onInput={setReason}
            error={form.fields.reason}
          />
          <ErrorNote error={form.error} />
          <button
            type="submit"
            class="button button-small button-danger"
            disabled={form.isBusy || picked.size === 0}
          >
            {t('contests.integrity.void', { count: picked.size })}
          </button>
        </form>
      )}
    </section>
  );
}

/** The ranking as published, and the winners' announcement as a station post. */
function Results({ contest }: { contest: ContestView }) {
  const { t } = useI18n(CONTESTS_NAMESPACES);
  const results = useLoad(() => getResults(contest.id), contest.id);
  const form = useForm(t);
  const [postUrl, setPostUrl] = useState<string | null>(null);
  return (
    <section class="contest-results-admin">
      <h3>{t('contests.results.title')}</h3>
      <ErrorNote error={results.error} />
      {results.data && <RankingTable ranking={results.data.ranking} />}
      <ErrorNote error={form.error} />
      {postUrl ? (
        <p class="note note-ok" role="status">
          {t('contests.console.announced')} <a href={postUrl}>{t('contests.console.open_post')}</a>
        </p>
      ) : (
        <button
          type="button"
          class="button button-small"
          disabled={form.isBusy}
          onClick={(e) =>
            void form.submit(e, async () => {
              const post = await announceWinners(contest.id);
              setPostUrl(post.url);
            })
          }
        >
          {t('contests.console.announce')}
        </button>
      )}
    </section>
  );
}
