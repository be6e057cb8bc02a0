import { useRoute } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import type { PostImageView, PostVersionView } from '../../../common/api/posts.js';
import type { ShareChannel } from '../../../common/domain/posts.js';
import { formatDateTime } from '../../../common/i18n/format.js';
import { ErrorNote, Skeleton } from '../../components/ui.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/i18n.js';
import { countShare, countView, getPost, listVersions, type PostView } from './api.js';
import { POSTS_NAMESPACES } from './PostCards.js';

const SHARE_LINKS: Exclude<ShareChannel, 'copy' | 'native'>[] = [
  'whatsapp',
  'facebook',
  'telegram',
  'x',
];

/**
 * The post page (also its share page): the server sent the same HTML, this takes it over.
 * The body is the server's sanitised HTML; nothing typed by an officer is ever put in as markup
 * anywhere else.
 */
export function PostPage() {
  const id = useRoute().params.id ?? '';
  const { t, locale } = useI18n(POSTS_NAMESPACES);
  const post = useLoad(() => getPost(id), id);
  const versions = useLoad(() => listVersions(id), `${id}:versions`);
  useEffect(() => {
    // The server counted the page it sent; a page reached inside the app counts itself.
    const navigation = performance.getEntriesByType('navigation')[0];
    if (navigation && new URL(navigation.name).pathname !== location.pathname) {
      countView(id).catch(() => undefined);
    }
  }, [id]);
  if (post.error) return <ErrorNote error={post.error} />;
  if (!post.data) return <Skeleton />;
  const view = post.data;
  return (
    <main class="post-page" data-post-id={view.id}>
      <p class="post-kicker">
        <a href={`/kabar?station=${encodeURIComponent(view.station.slug)}`}>{view.station.name}</a>
        {' · '}
        {t(`posts.kind.${view.kind}`)}
      </p>
      <h1>{view.title}</h1>
      <p class="meta">
        {view.publishedAt && (
          <time dateTime={view.publishedAt}>{formatDateTime(view.publishedAt, locale)}</time>
        )}
        {view.editedAt && (
          <>
            {' · '}
            <span class="post-edited">
              {t('posts.page.updated', { date: formatDateTime(view.editedAt, locale) })}
            </span>
          </>
        )}
      </p>
      {view.campaignId && (
        <p class="post-campaign">
          <a href={`/kampanye/${encodeURIComponent(view.campaignId)}`}>{t('posts.page.series')}</a>
        </p>
      )}
      {view.images[0] && <Figure image={view.images[0]} />}
      <div class="post-body" dangerouslySetInnerHTML={{ __html: view.html }} />
      {view.images.slice(1).map((image) => (
        <Figure key={image.mediaId} image={image} />
      ))}
      {view.tags.length > 0 && (
        <ul class="post-tags">
          {view.tags.map((tag) => (
            <li key={tag}>
              <a href={`/kabar?tag=${encodeURIComponent(tag)}`}>#{tag}</a>
            </li>
          ))}
        </ul>
      )}
      <ShareButtons post={view} />
      {versions.data && <Versions items={versions.data.items} />}
    </main>
  );
}

function Figure({ image }: { image: PostImageView }) {
  const jpeg = image.files.filter((f) => f.mime === 'image/jpeg');
  const webp = image.files.filter((f) => f.mime === 'image/webp');
  const srcset = (files: typeof jpeg) => files.map((f) => `${f.url} ${f.width ?? 0}w`).join(', ');
  return (
    <figure class="post-figure">
      <picture>
        <source type="image/webp" srcset={srcset(webp)} sizes="(max-width: 720px) 100vw, 720px" />
        <img
          src={jpeg[1]?.url ?? jpeg[0]?.url ?? ''}
          srcset={srcset(jpeg)}
          sizes="(max-width: 720px) 100vw, 720px"
          alt={image.alt}
          width={image.width ?? undefined}
          height={image.height ?? undefined}
          loading="lazy"
        />
      </picture>
      {image.caption && <figcaption>{image.caption}</figcaption>}
    </figure>
  );
}

function ShareButtons({ post }: { post: PostView }) {
  const { t } = useI18n(POSTS_NAMESPACES);
  const [copied, setCopied] = useState(false);
  const url = `${location.origin}${post.url}`;
  const canShareNatively = typeof navigator.share === 'function';
  const copy = async () => {
    await navigator.clipboard.writeText(url);
    setCopied(true);
    countShare(post.id, 'copy').catch(() => undefined);
  };
  const native = async () => {
    try {
      await navigator.share({ title: post.title, url });
      countShare(post.id, 'native').catch(() => undefined);
    } catch {
      // The reader closed the share sheet.
    }
  };
  return (
    <nav class="post-share" aria-label={t('posts.share.label')}>
      {canShareNatively && (
        <button type="button" class="button" onClick={() => void native()}>
          {t('posts.share.native')}
        </button>
      )}
      {SHARE_LINKS.map((channel) => (
        <a
          key={channel}
          class={`button button-secondary share-${channel}`}
          href={`/p/${encodeURIComponent(post.id)}/bagikan/${channel}`}
          rel="nofollow noopener"
          target="_blank"
        >
          {t(`posts.share.${channel}`)}
        </a>
      ))}
      <button type="button" class="button button-secondary share-copy" onClick={() => void copy()}>
        {copied ? t('posts.share.copied') : t('posts.share.copy')}
      </button>
    </nav>
  );
}

function Versions({ items }: { items: PostVersionView[] }) {
  const { t, locale } = useI18n(POSTS_NAMESPACES);
  if (items.length === 0) return null;
  return (
    <details class="post-versions">
      <summary>{t('posts.page.versions', { count: items.length })}</summary>
      {items.map((version) => (
        <article key={version.replacedAt} class="post-version">
          <p class="meta">
            {t('posts.page.version_range', {
              since: formatDateTime(version.since, locale),
              until: formatDateTime(version.replacedAt, locale),
            })}
          </p>
          <h3>{version.title}</h3>
          <div class="post-body" dangerouslySetInnerHTML={{ __html: version.html }} />
        </article>
      ))}
    </details>
  );
}
