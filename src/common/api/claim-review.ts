import type { ClarificationView } from './factcheck.js';

/**
 * schema.org ClaimReview, what search engines and fact-check aggregators read: the public page
 * embeds it, and the console's editor previews it as it is typed.
 */
export function claimReviewJsonLd(
  view: Pick<
    ClarificationView,
    | 'url'
    | 'claim'
    | 'publishedAt'
    | 'createdAt'
    | 'updatedAt'
    | 'title'
    | 'station'
    | 'verdict'
    | 'examples'
  >,
): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: view.url,
    claimReviewed: view.claim,
    datePublished: view.publishedAt ?? view.createdAt,
    ...(view.updatedAt !== view.publishedAt ? { dateModified: view.updatedAt } : {}),
    inLanguage: 'id',
    headline: view.title,
    author: { '@type': 'Organization', name: view.station.name },
    reviewRating: {
      '@type': 'Rating',
      alternateName: view.verdict,
    },
    itemReviewed: {
      '@type': 'Claim',
      text: view.claim,
      inLanguage: 'id',
      appearance: view.examples.map((text) => ({ '@type': 'CreativeWork', text })),
    },
  };
}
