import type { PostCard } from '../../../common/api/posts.js';
import { formatDateTime } from '../../../common/i18n/format.js';
import { useI18n } from '../../i18n/i18n.js';

/** The catalogs the posts pages need besides the shell's. */
export const POSTS_NAMESPACES = ['posts'];

export function PostCards({ items }: { items: readonly PostCard[] }) {
  return (
    <ul class="plain post-cards">
      {items.map((post) => (
        <PostCardItem key={post.id} post={post} />
      ))}
    </ul>
  );
}

function PostCardItem({ post }: { post: PostCard }) {
  const { t, locale } = useI18n(POSTS_NAMESPACES);
  return (
    <li class="card post-card">
      {post.imageUrl && (
        <img class="post-card-image" src={post.imageUrl} alt={post.imageAlt ?? ''} loading="lazy" />
      )}
      <div>
        <p class="badges">
          <span class={`badge post-kind-${post.kind}`}>{t(`posts.kind.${post.kind}`)}</span>
        </p>
        <a class="post-card-title" href={post.url}>
          {post.title}
        </a>
        <p class="muted">{post.excerpt}</p>
        <small class="muted">
          {post.station.name}
          {post.publishedAt && ` · ${formatDateTime(post.publishedAt, locale)}`}
        </small>
      </div>
    </li>
  );
}
