import type { ContestRankingItem } from '../../../common/api/contests.js';
import {
  CONTEST_PHASES,
  phaseIndex,
  phaseStarts,
  type ContestPhase,
} from '../../../common/domain/contests.js';
export { contestPagePath } from '../../../common/domain/contests.js';
import { formatDateTime } from '../../../common/i18n/format.js';
import { useI18n } from '../../i18n/i18n.js';
import type { ContestEntryView, ContestView } from './api.js';

/** The catalogs the contest pages need besides the shell's. */
export const CONTESTS_NAMESPACES = ['contests'];

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** Every phase in order with its start date; the one in force marked as the current step. */
export function PhaseTimeline({ contest }: { contest: ContestView }) {
  const { t, locale } = useI18n(CONTESTS_NAMESPACES);
  const starts = new Map(phaseStarts(contest.phases));
  const current = phaseIndex(contest.phase);
  return (
    <ol class="contest-timeline" aria-label={t('contests.timeline.label')}>
      {CONTEST_PHASES.map((phase, index) => {
        const start = starts.get(phase);
        const state = index < current ? 'done' : index === current ? 'current' : 'next';
        return (
          <li
            key={phase}
            class={`contest-step contest-step-${state}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <strong>{t(`contests.phase.${phase}`)}</strong>
            {start && (
              <small class="muted">
                {t('contests.timeline.from', { date: formatDateTime(start, locale) })}
              </small>
            )}
          </li>
        );
      })}
    </ol>
  );
}

export function PhaseBadge({ phase }: { phase: ContestPhase }) {
  const { t } = useI18n(CONTESTS_NAMESPACES);
  return <span class={`badge contest-phase-${phase}`}>{t(`contests.phase.${phase}`)}</span>;
}

/** The weights fixed at creation, shown publicly. */
export function WeightsNote({ contest }: { contest: ContestView }) {
  const { t } = useI18n(CONTESTS_NAMESPACES);
  return (
    <p class="contest-weights">
      {t('contests.page.weights', {
        jury: percent(contest.juryWeight),
        public: percent(contest.publicWeight),
      })}
    </p>
  );
}

/** An entry's images (narrowest file as the thumbnail) or a link to its PDF. */
export function EntryFiles({ entry }: { entry: ContestEntryView }) {
  const { t } = useI18n(CONTESTS_NAMESPACES);
  return (
    <div class="contest-entry-files">
      {entry.files.map((file) => {
        const first = file.urls.find((u) => u.mime === 'image/jpeg') ?? file.urls[0];
        if (!first) return null;
        return file.kind === 'pdf' ? (
          <a key={file.mediaId} class="button button-small button-secondary" href={first.url}>
            {t('contests.entry.open_document')}
          </a>
        ) : (
          <img
            key={file.mediaId}
            src={first.url}
            alt={t('contests.entry.image_alt', { title: entry.title })}
            loading="lazy"
          />
        );
      })}
    </div>
  );
}

/** The final ranking: rank, entry, jury score, public share and total. */
export function RankingTable({ ranking }: { ranking: readonly ContestRankingItem[] }) {
  const { t } = useI18n(CONTESTS_NAMESPACES);
  return (
    <div class="contest-ranking-wrap">
      <table class="contest-ranking">
        <caption class="muted">{t('contests.results.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('contests.results.rank')}</th>
            <th scope="col">{t('contests.results.entry')}</th>
            <th scope="col">{t('contests.results.jury')}</th>
            <th scope="col">{t('contests.results.public')}</th>
            <th scope="col">{t('contests.results.total')}</th>
          </tr>
        </thead>
        <tbody>
          {ranking.map((item) => (
            <tr key={item.entryId} data-entry-id={item.entryId}>
              <td>{item.rank}</td>
              <th scope="row">
                {item.title}
                <small class="muted contest-ranking-author">{item.authorName}</small>
              </th>
              <td>{item.juryScore.toFixed(2)}</td>
              <td>
                {percent(item.publicShare)}
                <small class="muted contest-ranking-votes">
                  {t('contests.results.votes', { count: item.votes })}
                </small>
              </td>
              <td>{item.total.toFixed(3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A multi-line field with its label, hint and error, like the shared `Field`. */
export function TextArea(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  rows?: number;
}) {
  const id = `f-${props.id}`;
  const describedBy =
    [props.error && `${id}-error`, props.hint && `${id}-hint`].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <textarea
        id={id}
        rows={props.rows ?? 4}
        required={props.required}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      {props.hint && (
        <small id={`${id}-hint`} class="hint">
          {props.hint}
        </small>
      )}
      {props.error && (
        <small id={`${id}-error`} class="field-error">
          {props.error}
        </small>
      )}
    </div>
  );
}
