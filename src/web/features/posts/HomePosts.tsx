import { useEffect, useState } from 'preact/hooks';
import type { PostCard } from '../../../common/api/posts.js';
import { api } from '../../api/client.js';
import { useI18n } from '../../i18n/i18n.js';
import { useSession } from '../../session.js';
import { listPosts } from './api.js';
import { PostCards, POSTS_NAMESPACES } from './PostCards.js';

const HOME_COUNT = 3;

function HomePosts({ title, items }: { title: string; items: PostCard[] | undefined }) {
  const { t } = useI18n(POSTS_NAMESPACES);
  if (!items || items.length === 0) return null;
  return (
    <section class="home-posts">
      <h2>{title}</h2>
      <PostCards items={items} />
      <p>
        <a href="/kabar">{t('posts.home.all')}</a>
      </p>
    </section>
  );
}

/** The latest posts of the stations serving the citizen's areas (none for a guest). */
export function HomeMyStationsPosts() {
  const { t } = useI18n(POSTS_NAMESPACES);
  const { me } = useSession();
  const [items, setItems] = useState<PostCard[] | undefined>(undefined);
  useEffect(() => {
    if (!me) return setItems(undefined);
    let isCurrent = true;
    api<{ areas: { code: string }[] }>('GET', '/api/me/areas')
      .then(async (mine) => {
        const seen = new Map<string, PostCard>();
        for (const area of mine.areas.slice(0, 3)) {
          const page = await listPosts({ area: area.code, limit: HOME_COUNT });
          for (const post of page.items) seen.set(post.id, post);
        }
        const newest = [...seen.values()].sort((a, b) =>
          (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''),
        );
        if (isCurrent) setItems(newest.slice(0, HOME_COUNT));
      })
      .catch(() => isCurrent && setItems(undefined));
    return () => {
      isCurrent = false;
    };
  }, [me?.id]);
  return <HomePosts title={t('posts.home.mine')} items={items} />;
}

export function HomeNationalPosts() {
  const { t } = useI18n(POSTS_NAMESPACES);
  const [items, setItems] = useState<PostCard[] | undefined>(undefined);
  useEffect(() => {
    listPosts({ limit: HOME_COUNT }).then(
      (page) => setItems(page.items),
      () => setItems(undefined),
    );
  }, []);
  return <HomePosts title={t('posts.home.national')} items={items} />;
}
