import { useState } from 'preact/hooks';
import { ErrorNote, Skeleton } from '../../../components/ui.js';
import { useLoad } from '../../../components/use-load.js';
import { useI18n } from '../../../i18n/i18n.js';
import type { ConsoleSectionProps } from '../../feature.js';
import { listContests } from '../api.js';
import { CONTESTS_NAMESPACES, PhaseBadge } from '../ContestParts.js';
import { ContestAdmin } from './ContestAdmin.js';
import { ContestSetup } from './ContestSetup.js';

/** The station's contests: set one up, then run it phase by phase. */
export function ConsoleContests({ station }: ConsoleSectionProps) {
  const { t } = useI18n(CONTESTS_NAMESPACES);
  const [generation, setGeneration] = useState(0);
  const contests = useLoad(() => listContests(station.id), `${station.id}:${generation}`);
  // A contest's id, or 'new' for the setup form.
  const [open, setOpen] = useState<string | null>(null);
  const changed = () => setGeneration((g) => g + 1);
  return (
    <div class="contests-console">
      <h2>{t('contests.console.title')}</h2>
      <ErrorNote error={contests.error} />
      {contests.isLoading && !contests.data && <Skeleton lines={2} />}
      {contests.data?.items.length === 0 && <p class="muted">{t('contests.console.empty')}</p>}
      <ul class="plain contest-cards">
        {contests.data?.items.map((contest) => (
          <li key={contest.id} class="card contest-card">
            <p class="badges">
              <PhaseBadge phase={contest.phase} />
            </p>
            <button
              type="button"
              class="link-button contest-card-title"
              aria-expanded={open === contest.id}
              onClick={() => setOpen(open === contest.id ? null : contest.id)}
            >
              {contest.title}
            </button>
            {open === contest.id && <ContestAdmin contestId={contest.id} onChanged={changed} />}
          </li>
        ))}
      </ul>
      {open === 'new' ? (
        <ContestSetup
          stationId={station.id}
          onCreated={(id) => {
            changed();
            setOpen(id);
          }}
          onClose={() => setOpen(null)}
        />
      ) : (
        <button type="button" class="button" onClick={() => setOpen('new')}>
          {t('contests.console.new')}
        </button>
      )}
    </div>
  );
}
