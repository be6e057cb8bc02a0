import { useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { ErrorNote, Skeleton } from '../../components/ui.js';
import { useForm } from '../../components/use-form.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/i18n.js';
import { useSession } from '../../session.js';
import {
  getContest,
  listEntries,
  scoreEntry,
  type ContestEntryView,
  type ContestView,
} from './api.js';
import { contestPagePath, CONTESTS_NAMESPACES, EntryFiles } from './ContestParts.js';

const SCORE_STEPS = Array.from({ length: 11 }, (_, i) => i);

/**
 * A judge's scoring screen: every approved entry with the rubric, 0–10 per criterion. A judge
 * sees only their own scores until judging closes (the server sends no one else's).
 */
export function JudgePage() {
  const id = useRoute().params.id ?? '';
  const { t } = useI18n(CONTESTS_NAMESPACES);
  const { me } = useSession();
  const key = `${id}:${me?.id ?? ''}`;
  const contest = useLoad(() => getContest(id), key);
  const entries = useLoad(() => listEntries(id, 'approved'), key);
  if (contest.error) return <ErrorNote error={contest.error} />;
  if (!contest.data || !entries.data) return <Skeleton />;
  const view = contest.data;
  return (
    <main class="contest-page contest-judge">
      <p class="contest-kicker">
        <a href={contestPagePath(view.id)}>{view.title}</a>
      </p>
      <h1>{t('contests.judge.title')}</h1>
      {!view.isJudge && <p class="note note-error">{t('contests.judge.not_judge')}</p>}
      {view.isJudge && view.phase !== 'judging' && (
        <p class="note">
          {t('contests.judge.not_now', { phase: t(`contests.phase.${view.phase}`) })}
        </p>
      )}
      <p class="muted">{t('contests.judge.secret')}</p>
      <ul class="plain contest-entries">
        {entries.data.items.map((entry) => (
          <ScoreCard key={entry.id} contest={view} entry={entry} />
        ))}
      </ul>
    </main>
  );
}

function ScoreCard({ contest, entry }: { contest: ContestView; entry: ContestEntryView }) {
  const { t } = useI18n(CONTESTS_NAMESPACES);
  const form = useForm(t);
  const [scores, setScores] = useState<Record<string, number | undefined>>(entry.myScores ?? {});
  const [weighted, setWeighted] = useState<number | null>(null);
  const isOpen = contest.isJudge && contest.phase === 'judging';
  const save = (event: Event) =>
    form.submit(event, async () => {
      const complete: Record<string, number> = {};
      for (const criterion of contest.criteria) {
        const value = scores[criterion.name];
        if (value !== undefined) complete[criterion.name] = value;
      }
      const saved = await scoreEntry(contest.id, entry.id, complete);
      setWeighted(saved.weighted);
    });
  return (
    <li class="card contest-entry" data-entry-id={entry.id}>
      <EntryFiles entry={entry} />
      <h2>{entry.title}</h2>
      <p class="contest-text">{entry.description}</p>
      <form class="form contest-score" onSubmit={(e) => void save(e)}>
        {contest.criteria.map((criterion) => {
          const fieldId = `score-${entry.id}-${criterion.name}`;
          return (
            <div key={criterion.name} class="field">
              <label for={fieldId}>
                {t('contests.page.criterion', { name: criterion.name, weight: criterion.weight })}
              </label>
              <select
                id={fieldId}
                required
                disabled={!isOpen}
                value={scores[criterion.name]?.toString() ?? ''}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setScores((current) => ({
                    ...current,
                    [criterion.name]: value === '' ? undefined : Number(value),
                  }));
                }}
              >
                <option value="">{t('contests.judge.pick')}</option>
                {SCORE_STEPS.map((step) => (
                  <option key={step} value={step}>
                    {step}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
        <ErrorNote error={form.error} />
        {form.fields.scores && <p class="field-error">{form.fields.scores}</p>}
        {weighted !== null && (
          <p class="note note-ok" role="status">
            {t('contests.judge.saved', { score: weighted.toFixed(2) })}
          </p>
        )}
        {isOpen && (
          <button type="submit" class="button" disabled={form.isBusy}>
            {t('contests.judge.save')}
          </button>
        )}
      </form>
    </li>
  );
}
