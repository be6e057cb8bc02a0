import { useEffect, useState } from 'preact/hooks';
import { formatDateTime } from '../../../common/i18n/format.js';
import { ErrorNote, Page, Skeleton } from '../../components/ui.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/i18n.js';
import { listClarifications, listMostChecked, type ClarificationView } from './api.js';
import { FACTCHECK_NAMESPACES, VerdictStamp } from './Verdict.js';

const SEARCH_DELAY_MS = 300;

function ClarificationItem({ view, checks }: { view: ClarificationView; checks?: number }) {
  const { t, locale } = useI18n(FACTCHECK_NAMESPACES);
  return (
    <li class="clarification-item">
      <VerdictStamp verdict={view.verdict} />
      <a href={`/k/${encodeURIComponent(view.id)}`}>{view.title}</a>
      <small class="meta">
        {view.station.name}
        {view.publishedAt ? ` · ${formatDateTime(view.publishedAt, locale)}` : ''}
        {checks !== undefined ? ` · ${t('factcheck.web.checks', { count: checks })}` : ''}
      </small>
    </li>
  );
}

/** Published clarifications with search, and "paling banyak dicek minggu ini". */
export function ClarificationsPage() {
  const { t } = useI18n(FACTCHECK_NAMESPACES);
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const list = useLoad(() => listClarifications(q), q);
  const most = useLoad(listMostChecked, 'most');
  return (
    <Page title={t('factcheck.web.list_title')}>
      <div class="field">
        <label for="f-clarification-q">{t('factcheck.web.search')}</label>
        <input
          id="f-clarification-q"
          type="search"
          value={typed}
          onInput={(event) => setTyped(event.currentTarget.value)}
        />
      </div>
      {!q && most.data && most.data.items.length > 0 && (
        <section>
          <h2>{t('factcheck.web.most_checked')}</h2>
          <ol class="clarification-list">
            {most.data.items.map((item) => (
              <ClarificationItem
                key={item.clarification.id}
                view={item.clarification}
                checks={item.checks}
              />
            ))}
          </ol>
        </section>
      )}
      <section>
        <h2>{q ? t('factcheck.web.results') : t('factcheck.web.latest')}</h2>
        {list.error !== undefined && <ErrorNote error={list.error} />}
        {list.isLoading && !list.data && <Skeleton />}
        {list.data && (
          <ul class="clarification-list">
            {list.data.items.map((view) => (
              <ClarificationItem key={view.id} view={view} />
            ))}
          </ul>
        )}
        {list.data?.items.length === 0 && <p>{t('factcheck.web.empty')}</p>}
      </section>
    </Page>
  );
}
