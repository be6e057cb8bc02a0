import { renderXmlDocument, textElement } from './xml.js';

/** Atom 1.0 (RFC 4287), as alert aggregators read CAP indexes. */
export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

export interface AtomLink {
  rel: 'alternate' | 'self' | 'related';
  type: string;
  href: string;
}

export interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  published: string;
  summary: string | null;
  authorName: string;
  links: AtomLink[];
}

export interface AtomFeed {
  id: string;
  title: string;
  updated: string;
  selfUrl: string;
  authorName: string;
  entries: AtomEntry[];
}

const linkElement = (link: AtomLink) => ({ name: 'link', attrs: { ...link } });

export function renderAtomFeed(feed: AtomFeed): string {
  return renderXmlDocument({
    name: 'feed',
    attrs: { xmlns: 'http://www.w3.org/2005/Atom' },
    content: [
      { name: 'id', content: feed.id },
      { name: 'title', content: feed.title },
      { name: 'updated', content: feed.updated },
      { name: 'author', content: [{ name: 'name', content: feed.authorName }] },
      linkElement({ rel: 'self', type: ATOM_CONTENT_TYPE.split(';')[0]!, href: feed.selfUrl }),
      ...feed.entries.map((entry) => ({
        name: 'entry',
        content: [
          { name: 'id', content: entry.id },
          { name: 'title', content: entry.title },
          { name: 'updated', content: entry.updated },
          { name: 'published', content: entry.published },
          { name: 'author', content: [{ name: 'name', content: entry.authorName }] },
          textElement('summary', entry.summary),
          ...entry.links.map(linkElement),
        ],
      })),
    ],
  });
}
