import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import type {
  CampaignView,
  PostCard,
  PostImageView,
  PostVersionView,
  PostView,
} from '../../../common/api/posts.js';
import { postPath, type ShareChannel } from '../../../common/domain/posts.js';
import { formatDateTime } from '../../../common/i18n/format.js';
import { translate, type Locale } from '../../../common/i18n/index.js';
import type { MediaView } from '../../media/media.js';
import { publicMediaPath } from '../../media/media.js';
import type { PageMeta } from '../../pages/document.js';
import { escapeHtml, html, rawHtml, type SafeHtml } from '../../pages/html.js';
import type { StationRef } from '../../../common/api/stations.js';
import type { CampaignRow, PostImageRow, PostRow } from './posts.table.js';

const EXCERPT_LENGTH = 200;

/** Plain words of a Markdown body, for cards, descriptions and previews. */
export function excerptOf(markdown: string, length = EXCERPT_LENGTH): string {
  const text = markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, '')
    .replace(/[#>*_`~|-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}

const stationRef = (station: StationRef) => ({
  id: station.id,
  slug: station.slug,
  name: station.name,
});

function imageView(row: PostImageRow, media: MediaView): PostImageView {
  return {
    mediaId: media.id,
    caption: row.caption,
    alt: row.alt,
    width: media.width,
    height: media.height,
    files: media.files.map((file) => ({
      url: publicMediaPath(file.key),
      mime: file.mime,
      width: file.width,
    })),
  };
}

const narrowJpeg = <F extends { mime: string }>(files: readonly F[]) =>
  files.find((file) => file.mime === 'image/jpeg');

export function toPostCard(
  row: PostRow,
  station: StationRef,
  firstImage: { row: PostImageRow; media: MediaView } | undefined,
): PostCard {
  const image = firstImage ? imageView(firstImage.row, firstImage.media) : undefined;
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    excerpt: excerptOf(row.body),
    tags: JSON.parse(row.tags) as string[],
    station: stationRef(station),
    campaignId: row.campaignId,
    imageUrl: image ? (narrowJpeg(image.files)?.url ?? null) : null,
    imageAlt: image?.alt ?? null,
    publishedAt: row.publishedAt,
    editedAt: row.editedAt,
    url: postPath(row.id, row.title),
  };
}

export function toPostView(
  row: PostRow,
  extra: {
    station: StationRef;
    images: { row: PostImageRow; media: MediaView }[];
    versionCount: number;
    authorName: string;
    canEdit: boolean;
    canPublish: boolean;
  },
): PostView {
  return {
    ...toPostCard(row, extra.station, extra.images[0]),
    status: row.status,
    body: row.body,
    html: row.html,
    areas: JSON.parse(row.areas) as string[],
    images: extra.images.map((image) => imageView(image.row, image.media)),
    authorName: extra.authorName,
    publishAt: row.publishAt,
    versionCount: extra.versionCount,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    canEdit: extra.canEdit,
    canPublish: extra.canPublish,
  };
}

export function toCampaignView(
  row: CampaignRow,
  station: StationRef,
  posts: PostCard[],
  cover: MediaView | undefined,
): CampaignView {
  const file = cover ? narrowJpeg(cover.files) : undefined;
  return {
    id: row.id,
    station: stationRef(station),
    title: row.title,
    theme: row.theme,
    themeHtml: row.themeHtml,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    coverUrl: file ? publicMediaPath(file.key) : null,
    posts,
    url: `/kampanye/${row.id}`,
  };
}

// ---- share page ---------------------------------------------------------------------------------

/** Where each share button sends the link (the copy button and the share sheet need script). */
export function shareTarget(channel: ShareChannel, url: string, title: string): string | null {
  const u = encodeURIComponent(url);
  const text = encodeURIComponent(`${title} ${url}`);
  switch (channel) {
    case 'whatsapp':
      return `https://wa.me/?text=${text}`;
    case 'facebook':
      return `https://www.facebook.com/sharer/sharer.php?u=${u}`;
    case 'telegram':
      return `https://t.me/share/url?url=${u}&text=${encodeURIComponent(title)}`;
    case 'x':
      return `https://x.com/intent/post?url=${u}&text=${encodeURIComponent(title)}`;
    case 'copy':
    case 'native':
      return null;
  }
}

/** The widest JPEG: what link previews show best. */
function previewImage(post: PostView): string | undefined {
  const files = post.images[0]?.files.filter((file) => file.mime === 'image/jpeg') ?? [];
  return files.at(-1)?.url;
}

function figure(image: PostImageView): SafeHtml {
  const webp = image.files.filter((file) => file.mime === 'image/webp');
  const jpeg = image.files.filter((file) => file.mime === 'image/jpeg');
  const srcset = (files: typeof jpeg) => files.map((f) => `${f.url} ${f.width ?? 0}w`).join(', ');
  return html`<figure class="post-figure">
    <picture>
      <source type="image/webp" srcset="${srcset(webp)}" sizes="(max-width: 720px) 100vw, 720px" />
      <img
        src="${jpeg[1]?.url ?? jpeg[0]?.url ?? ''}"
        srcset="${srcset(jpeg)}"
        sizes="(max-width: 720px) 100vw, 720px"
        alt="${image.alt}"
        width="${image.width ?? ''}"
        height="${image.height ?? ''}"
        loading="lazy"
      />
    </picture>
    ${image.caption ? html`<figcaption>${image.caption}</figcaption>` : ''}
  </figure>`;
}

function versionsBlock(versions: PostVersionView[], locale: Locale): SafeHtml | string {
  if (versions.length === 0) return '';
  return html`<details class="post-versions">
    <summary>${translate(locale, 'posts.page.versions', { count: versions.length })}</summary>
    ${versions.map(
      (version) =>
        html`<article class="post-version">
          <p class="meta">
            ${translate(locale, 'posts.page.version_range', {
              since: formatDateTime(version.since, locale),
              until: formatDateTime(version.replacedAt, locale),
            })}
          </p>
          <h3>${version.title}</h3>
          <div class="post-body">${rawHtml(version.html)}</div>
        </article>`,
    )}
  </details>`;
}

export function renderPostSharePage(
  publicUrl: string,
  locale: Locale,
  loaded: { post: PostView; versions: PostVersionView[]; campaign: CampaignRow | undefined },
): [PageMeta, SafeHtml] {
  const { post, versions, campaign } = loaded;
  const url = `${publicUrl}${post.url}`;
  const image = previewImage(post);
  const description = post.excerpt || post.title;
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
    translate(locale, key, params);
  const meta: PageMeta = {
    title: `${post.title} — ${post.station.name}`,
    description,
    url,
    ...(image ? { image: `${publicUrl}${image}` } : {}),
    type: 'article',
    locale,
    jsonLd: [
      {
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: post.title,
        description,
        url,
        datePublished: post.publishedAt,
        dateModified: post.editedAt ?? post.publishedAt,
        ...(image ? { image: `${publicUrl}${image}` } : {}),
        publisher: { '@type': 'GovernmentOrganization', name: post.station.name },
      },
    ],
  };
  const channels: ShareChannel[] = ['whatsapp', 'facebook', 'telegram', 'x'];
  const body = html`<main class="post-page" data-post-id="${post.id}">
    <p class="post-kicker">
      <a href="/kabar?station=${post.station.slug}">${post.station.name}</a> ·
      ${t(`posts.kind.${post.kind}`)}
    </p>
    <h1>${post.title}</h1>
    <p class="meta">
      ${
        post.publishedAt
          ? html`<time datetime="${post.publishedAt}"
              >${formatDateTime(post.publishedAt, locale)}</time
            >`
          : ''
      }
      ${
        post.editedAt
          ? html` ·
              <span class="post-edited"
                >${t('posts.page.updated', { date: formatDateTime(post.editedAt, locale) })}</span
              >`
          : ''
      }
    </p>
    ${
      campaign
        ? html`<p class="post-campaign">
            <a href="/kampanye/${campaign.id}"
              >${t('posts.page.campaign', { title: campaign.title })}</a
            >
          </p>`
        : ''
    }
    ${post.images[0] ? figure(post.images[0]) : ''}
    <div class="post-body">${rawHtml(post.html)}</div>
    ${post.images.slice(1).map(figure)}
    ${
      post.tags.length > 0
        ? html`<ul class="post-tags">
            ${post.tags.map(
              (tag) => html`<li><a href="/kabar?tag=${encodeURIComponent(tag)}">#${tag}</a></li>`,
            )}
          </ul>`
        : ''
    }
    <nav class="post-share" aria-label="${t('posts.share.label')}">
      ${channels.map(
        (channel) =>
          html`<a
            class="button share-${channel}"
            href="/p/${post.id}/bagikan/${channel}"
            rel="nofollow noopener"
            target="_blank"
            >${t(`posts.share.${channel}`)}</a
          >`,
      )}
      <button type="button" class="button share-copy" data-url="${url}" hidden>
        ${t('posts.share.copy')}
      </button>
    </nav>
    ${versionsBlock(versions, locale)}
  </main>`;
  return [meta, body];
}

export function renderCampaignPage(
  publicUrl: string,
  locale: Locale,
  campaign: CampaignView,
): [PageMeta, SafeHtml] {
  const url = `${publicUrl}${campaign.url}`;
  const meta: PageMeta = {
    title: `${campaign.title} — ${campaign.station.name}`,
    description: excerptOf(campaign.theme),
    url,
    ...(campaign.coverUrl ? { image: `${publicUrl}${campaign.coverUrl}` } : {}),
    locale,
  };
  const body = html`<main class="campaign-page">
    <p class="post-kicker">
      ${campaign.station.name} · ${translate(locale, 'posts.campaign.label')}
    </p>
    <h1>${campaign.title}</h1>
    <p class="meta">${campaign.startsOn} – ${campaign.endsOn}</p>
    ${campaign.coverUrl ? html`<img class="campaign-cover" src="${campaign.coverUrl}" alt="" />` : ''}
    <div class="post-body">${rawHtml(campaign.themeHtml)}</div>
    <ol class="campaign-series">
      ${campaign.posts.map(
        (post) =>
          html`<li>
            <a href="${post.url}">${post.title}</a>
            <p>${post.excerpt}</p>
          </li>`,
      )}
    </ol>
  </main>`;
  return [meta, body];
}

// ---- feeds --------------------------------------------------------------------------------------

export interface FeedSource {
  title: string;
  description: string;
  /** The page the feed mirrors, absolute. */
  homeUrl: string;
  /** The feed's own URL without the extension, absolute. */
  feedBase: string;
  locale: Locale;
  posts: PostView[];
}

const xml = (text: string) => escapeHtml(text);

function feedImage(publicUrl: string, post: PostView): string | undefined {
  const image = previewImage(post);
  return image ? `${publicUrl}${image}` : undefined;
}

/** Post HTML with the images before it, absolute, as feed readers need. */
function feedContent(publicUrl: string, post: PostView): string {
  const images = post.images
    .map((image) => {
      const src = image.files.filter((f) => f.mime === 'image/jpeg').at(-1)?.url ?? '';
      return `<figure><img src="${xml(publicUrl + src)}" alt="${xml(image.alt)}" />${
        image.caption ? `<figcaption>${xml(image.caption)}</figcaption>` : ''
      }</figure>`;
    })
    .join('');
  return images + post.html;
}

export function renderRss(publicUrl: string, feed: FeedSource): string {
  const items = feed.posts.map((post) => {
    const link = `${publicUrl}${post.url}`;
    return `<item>
<title>${xml(post.title)}</title>
<link>${xml(link)}</link>
<guid isPermaLink="true">${xml(link)}</guid>
<pubDate>${new Date(post.publishedAt ?? post.createdAt).toUTCString()}</pubDate>
<description>${xml(feedContent(publicUrl, post))}</description>
${post.tags.map((tag) => `<category>${xml(tag)}</category>`).join('\n')}
</item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${xml(feed.title)}</title>
<link>${xml(feed.homeUrl)}</link>
<description>${xml(feed.description)}</description>
<language>${feed.locale}</language>
<atom:link href="${xml(`${feed.feedBase}.rss`)}" rel="self" type="application/rss+xml" />
${items.join('\n')}
</channel>
</rss>
`;
}

export function renderAtom(publicUrl: string, feed: FeedSource): string {
  const updated = feed.posts
    .map((post) => post.editedAt ?? post.publishedAt ?? post.createdAt)
    .sort()
    .at(-1);
  const entries = feed.posts.map((post) => {
    const link = `${publicUrl}${post.url}`;
    const published = post.publishedAt ?? post.createdAt;
    return `<entry>
<id>${xml(link)}</id>
<title>${xml(post.title)}</title>
<link rel="alternate" type="text/html" href="${xml(link)}" />
<published>${published}</published>
<updated>${post.editedAt ?? published}</updated>
<author><name>${xml(post.station.name)}</name></author>
<summary>${xml(post.excerpt)}</summary>
<content type="html">${xml(feedContent(publicUrl, post))}</content>
${post.tags.map((tag) => `<category term="${xml(tag)}" />`).join('\n')}
</entry>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${feed.locale}">
<id>${xml(feed.homeUrl)}</id>
<title>${xml(feed.title)}</title>
<subtitle>${xml(feed.description)}</subtitle>
<updated>${updated ?? new Date(0).toISOString()}</updated>
<link rel="self" type="application/atom+xml" href="${xml(`${feed.feedBase}.atom`)}" />
<link rel="alternate" type="text/html" href="${xml(feed.homeUrl)}" />
${entries.join('\n')}
</feed>
`;
}

export function renderJsonFeed(publicUrl: string, feed: FeedSource): object {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    description: feed.description,
    home_page_url: feed.homeUrl,
    feed_url: `${feed.feedBase}.json`,
    language: feed.locale,
    items: feed.posts.map((post) => {
      const image = feedImage(publicUrl, post);
      return {
        id: `${publicUrl}${post.url}`,
        url: `${publicUrl}${post.url}`,
        title: post.title,
        content_html: feedContent(publicUrl, post),
        summary: post.excerpt,
        ...(image ? { image } : {}),
        date_published: post.publishedAt ?? post.createdAt,
        ...(post.editedAt ? { date_modified: post.editedAt } : {}),
        tags: post.tags,
        authors: [{ name: post.station.name }],
      };
    }),
  };
}

// ---- reach chart --------------------------------------------------------------------------------

const CHART_WIDTH = 360;
const CHART_HEIGHT = 180;
const PAD = { top: 10, right: 8, bottom: 22, left: 34 };
const TICKS = 4;
const SERIES = ['views', 'visitors', 'shares'] as const;

/** Views, visitors and share clicks per day as three lines (the table beside gives the figures). */
export function renderReachChart(
  days: { day: string; views: number; visitors: number; shares: number }[],
  locale: Locale,
): SafeHtml {
  const highest = Math.max(1, ...days.map((d) => d.views));
  const y = scaleLinear()
    .domain([0, highest])
    .nice(TICKS)
    .range([CHART_HEIGHT - PAD.bottom, PAD.top]);
  const x = scalePoint<number>()
    .domain(days.map((_, i) => i))
    .range([PAD.left, CHART_WIDTH - PAD.right]);
  const path = line<number>()
    .x((_, i) => Math.round((x(i) ?? PAD.left) * 10) / 10)
    .y((v) => Math.round(y(v) * 10) / 10);
  const every = Math.max(1, Math.ceil(days.length / 5));
  return html`<svg
    class="reach-chart"
    viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}"
    role="img"
    aria-label="${translate(locale, 'posts.reach.chart')}"
  >
    ${y
      .ticks(TICKS)
      .map(
        (v) =>
          html`<line
              x1="${PAD.left}"
              x2="${CHART_WIDTH - PAD.right}"
              y1="${y(v)}"
              y2="${y(v)}"
              class="grid"
            />
            <text x="${PAD.left - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`,
      )}
    ${days.map((d, i) =>
      i % every === 0
        ? html`<text x="${x(i) ?? PAD.left}" y="${CHART_HEIGHT - 6}" text-anchor="middle">
            ${d.day.slice(5)}
          </text>`
        : '',
    )}
    ${SERIES.map(
      (series) =>
        html`<path d="${path(days.map((d) => d[series])) ?? ''}" class="series ${series}" />`,
    )}
  </svg>`;
}
