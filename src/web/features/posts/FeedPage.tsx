import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { PostCard } from '../../../common/api/posts.js';
import { POST_KINDS, type PostKind } from '../../../common/domain/posts.js';
import { api } from '../../api/client.js';
import { ErrorNote, Page, Skeleton } from '../../components/ui.js';
import { useI18n } from '../../i18n/i18n.js';
import { useSession } from '../../session.js';
import { listPosts, type FeedQuery } from './api.js';
import { PostCards, POSTS_NAMESPACES } from './PostCards.js';

/** Typing pauses this long before the search goes out (a slow line pays for every request). */
const SEARCH_DELAY_MS = 300;

/** The home area of a signed-in citizen ("dekat saya"), read from their areas. */
function useHomeArea(): string | null | undefined {
  const { me } = useSession();
  const [code, setCode] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    if (!me) return setCode(null);
    api<{ areas: { code: string; kind: 'home' | 'interest' }[] }>('GET', '/api/me/areas').then(
      (mine) => setCode((mine.areas.find((a) => a.kind === 'home') ?? mine.areas[0])?.code ?? null),
      () => setCode(null),
    );
  }, [me?.id]);
  return code;
}

/** The public feed: national, per station (with those below), near me, per kind and tag, search. */
export function FeedPage() {
  const { t } = useI18n(POSTS_NAMESPACES);
  const { query: params } = useLocation();
  const [typed, setTyped] = useState(params.q ?? '');
  const [q, setQ] = useState(params.q ?? '');
  const [kind, setKind] = useState<PostKind | ''>((params.kind as PostKind | undefined) ?? '');
  const [isNear, setNear] = useState(false);
  const { me } = useSession();
  const homeArea = useHomeArea();
  const [items, setItems] = useState<PostCard[] | undefined>(undefined);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const filter: FeedQuery = {
    ...(params.station ? { station: params.station } : {}),
    ...(params.tag ? { tag: params.tag } : {}),
    ...(kind ? { kind } : {}),
    ...(q ? { q } : {}),
    ...(isNear && homeArea ? { area: homeArea } : {}),
  };
  const key = JSON.stringify(filter);
  useEffect(() => {
    let isCurrent = true;
    setError(null);
    listPosts(filter).then(
      (page) => {
        if (!isCurrent) return;
        setItems(page.items);
        setCursor(page.nextCursor);
      },
      (failure: unknown) => isCurrent && setError(failure),
    );
    return () => {
      isCurrent = false;
    };
  }, [key]);
  const more = async () => {
    if (!cursor) return;
    try {
      const page = await listPosts({ ...filter, cursor });
      setItems((current) => [...(current ?? []), ...page.items]);
      setCursor(page.nextCursor);
    } catch (failure) {
      setError(failure);
    }
  };
  const feedUrl = params.station
    ? `/feeds/${encodeURIComponent(params.station)}/posts.rss`
    : '/feeds/posts.rss';
  return (
    <Page title={t('posts.feed.title')}>
      <p>{t('posts.feed.intro')}</p>
      {params.station && (
        <p class="muted">{t('posts.feed.station', { station: params.station })}</p>
      )}
      {params.tag && (
        <p>
          {t('posts.feed.tag', { tag: params.tag })} · <a href="/kabar">{t('posts.feed.clear')}</a>
        </p>
      )}
      <form role="search" class="post-filters" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="post-search">{t('posts.feed.search')}</label>
          <input
            id="post-search"
            type="search"
            maxLength={200}
            value={typed}
            onInput={(e) => setTyped(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="post-kind">{t('posts.feed.kind')}</label>
          <select
            id="post-kind"
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as PostKind | '')}
          >
            <option value="">{t('posts.feed.kind_all')}</option>
            {POST_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`posts.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <label class="checkbox">
          <input
            type="checkbox"
            checked={isNear}
            disabled={!homeArea}
            onChange={(e) => setNear(e.currentTarget.checked)}
          />
          {t('posts.feed.near')}
        </label>
      </form>
      {me && homeArea === null && <p class="muted">{t('posts.feed.near_none')}</p>}
      <ErrorNote error={error} />
      {!items && !error && <Skeleton />}
      {items && items.length === 0 && (
        <p class="muted">{q ? t('posts.feed.no_results', { query: q }) : t('posts.feed.empty')}</p>
      )}
      {items && <PostCards items={items} />}
      {cursor && (
        <button type="button" class="button button-secondary" onClick={() => void more()}>
          {t('posts.feed.more')}
        </button>
      )}
      <p>
        <a href={feedUrl}>{t('posts.feed.subscribe')}</a>
      </p>
    </Page>
  );
}
