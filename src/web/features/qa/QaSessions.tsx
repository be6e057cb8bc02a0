import { useEffect, useState } from 'preact/hooks';
import { ErrorNote, Page, Skeleton } from '../../components/ui.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/i18n.js';
import { listQaSessions, type QaSessionView } from './api.js';
import { formatQaTime, QA_NAMESPACES } from './labels.js';

/** Typing pauses this long before the search goes out (a slow line pays for every request). */
const SEARCH_DELAY_MS = 300;

/**
 * Citizens' list: live sessions first, then upcoming, then the archive; a search over what
 * was asked and answered lists the best matches instead.
 */
export function QaSessions() {
  const { t } = useI18n(QA_NAMESPACES);
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const loaded = useLoad(() => listQaSessions(query ? { q: query } : {}), query || 'all');
  const items = loaded.data?.items ?? [];
  const groups = query
    ? ([{ key: 'qa.list.results', items }] as const)
    : ([
        { key: 'qa.list.live', items: items.filter((s) => s.state === 'live') },
        { key: 'qa.list.upcoming', items: items.filter((s) => s.state === 'scheduled').reverse() },
        { key: 'qa.list.archive', items: items.filter((s) => s.state === 'ended') },
      ] as const);
  return (
    <Page title={t('qa.list.title')}>
      <p>{t('qa.list.intro')}</p>
      <form role="search" class="field" onSubmit={(e) => e.preventDefault()}>
        <label for="qa-search">{t('qa.list.search')}</label>
        <input
          id="qa-search"
          type="search"
          maxLength={200}
          value={typed}
          onInput={(e) => setTyped(e.currentTarget.value)}
        />
      </form>
      <ErrorNote error={loaded.error} />
      {loaded.isLoading && !loaded.data && <Skeleton />}
      {loaded.data && items.length === 0 && (
        <p class="muted">{query ? t('qa.list.no_results', { query }) : t('qa.list.empty')}</p>
      )}
      {groups.map(
        (group) =>
          group.items.length > 0 && (
            <section key={group.key}>
              <h2>{t(group.key)}</h2>
              <ul class="plain qa-sessions">
                {group.items.map((session) => (
                  <SessionCard key={session.id} session={session} />
                ))}
              </ul>
            </section>
          ),
      )}
    </Page>
  );
}

function SessionCard({ session }: { session: QaSessionView }) {
  const { t, locale } = useI18n(QA_NAMESPACES);
  return (
    <li class="card qa-session-card">
      <p class="badges">
        <span class={`badge qa-state-${session.state}`}>{t(`qa.state.${session.state}`)}</span>
        {session.kind === 'board' && <span class="badge">{t('qa.list.board')}</span>}
      </p>
      <a class="qa-session-title" href={`/tanya/${encodeURIComponent(session.id)}`}>
        {session.title}
      </a>
      {session.topic && <p class="muted">{session.topic}</p>}
      <small class="muted">
        {session.station.name}
        {session.kind === 'session' && ` · ${formatQaTime(session.startsAt, locale)}`}
        {` · ${t('qa.list.questions', { count: session.questionCount })}`}
      </small>
    </li>
  );
}
