import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const SANITISE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    'ul',
    'ol',
    'li',
    'a',
    'code',
    'pre',
    'blockquote',
    'h3',
    'h4',
  ],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  transformTags: {
    // Officers link out to other sites: no referrer and no ranking credit.
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer' }),
    h1: 'h3',
    h2: 'h4',
  },
};

/**
 * Officers' Markdown (answers, posts, clarifications) as HTML that is safe to put in any
 * page: rendered by marked, then cut down to an allow-list by sanitize-html, so no script,
 * handler, style or unknown scheme survives whatever the input.
 */
export function renderMarkdown(markdown: string): string {
  const rendered = marked.parse(markdown, { async: false, gfm: true, breaks: true });
  return sanitizeHtml(rendered, SANITISE).trim();
}

/**
 * Text from someone else (a resident's entry title) put inside an officer's Markdown: every
 * Markdown character escaped, and `:` after a scheme-like word too, so it reads as typed and
 * never becomes emphasis, a heading, a list or an auto-link.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~"'=&]/g, '\\$&').replace(/:/g, '&#58;');
}
