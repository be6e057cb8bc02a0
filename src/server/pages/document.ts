import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyReply } from 'fastify';
import type { Locale } from '../../common/i18n/index.js';
import { AppError } from '../errors.js';
import { html, rawHtml, type SafeHtml } from './html.js';

/** Where `vite build` puts the PWA (the same path from src/server and dist/server). */
export const WEB_ROOT = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

/** What a shared link shows: WhatsApp, Facebook and Telegram read these tags. */
export interface PageMeta {
  title: string;
  description: string;
  /** Absolute canonical URL of the page. */
  url: string;
  /** Absolute URL of a preview image (1200×630 works everywhere). */
  image?: string;
  type?: 'website' | 'article';
  locale: Locale;
  /** schema.org objects, each written as one JSON-LD script. */
  jsonLd?: readonly object[];
}

/**
 * The PWA's built shell (hashed script and style links), read once; where the web app is not
 * built (unit tests, API-only nodes) a bare document serves the same markup without scripts.
 */
export function loadShell(webRoot: string): string {
  const built = `${webRoot}index.html`;
  return fs.existsSync(built)
    ? fs.readFileSync(built, 'utf8')
    : '<!doctype html><html lang="id"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>Siaga</title></head><body><div id="app"></div></body></html>';
}

function jsonLdScript(data: object): SafeHtml {
  // `<` escaped so that no string inside can close the script element.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return rawHtml(`<script type="application/ld+json">${json}</script>`);
}

function headFor(meta: PageMeta): SafeHtml {
  const ogLocale = meta.locale === 'en' ? 'en_US' : 'id_ID';
  return html`<title>${meta.title}</title>
    <meta name="description" content="${meta.description}" />
    <link rel="canonical" href="${meta.url}" />
    <meta property="og:site_name" content="Siaga" />
    <meta property="og:type" content="${meta.type ?? 'website'}" />
    <meta property="og:title" content="${meta.title}" />
    <meta property="og:description" content="${meta.description}" />
    <meta property="og:url" content="${meta.url}" />
    <meta property="og:locale" content="${ogLocale}" />
    ${meta.image ? html`<meta property="og:image" content="${meta.image}" />` : ''}
    <meta name="twitter:card" content="${meta.image ? 'summary_large_image' : 'summary'}" />
    <meta name="twitter:title" content="${meta.title}" />
    <meta name="twitter:description" content="${meta.description}" />
    ${meta.image ? html`<meta name="twitter:image" content="${meta.image}" />` : ''}
    ${(meta.jsonLd ?? []).map(jsonLdScript)}`;
}

/**
 * A whole page: the shell with this page's title and preview tags in place of the generic
 * ones, and its server-rendered content inside #app, readable before (and without) the
 * scripts; the PWA then takes the page over.
 */
export function renderDocument(shell: string, meta: PageMeta, body: SafeHtml): string {
  const withoutGeneric = shell
    .replace(/<title>[\s\S]*?<\/title>/, '')
    .replace(/<meta\s+name="description"[\s\S]*?\/>/, '')
    .replace(/<html lang="[a-z]+"/, `<html lang="${meta.locale}"`);
  return withoutGeneric
    .replace('</head>', `${headFor(meta).value}\n</head>`)
    .replace(
      /<div id="app">[\s\S]*?<\/div>\s*(?=<script|<\/body>)/,
      `<div id="app" data-ssr="1">${body.value}</div>\n`,
    );
}

let cachedShell: string | undefined;

/**
 * Answers with a whole server-rendered page. Crawlers and link previews (WhatsApp sends
 * an Accept of any type) get the same HTML as browsers, so page routes answer HTML whatever they ask.
 */
export function sendPage(reply: FastifyReply, meta: PageMeta, body: SafeHtml): FastifyReply {
  cachedShell ??= loadShell(WEB_ROOT);
  return reply
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .header('content-language', meta.locale)
    .send(renderDocument(cachedShell, meta, body));
}

/** A 404 page: a shared link to something gone still lands on a page with a way on. */
export function sendNotFoundPage(
  reply: FastifyReply,
  page: { locale: Locale; url: string; message: string; back: { href: string; text: string } },
): FastifyReply {
  reply.status(404);
  return sendPage(
    reply,
    {
      title: `${page.message} · Siaga`,
      description: page.message,
      url: page.url,
      locale: page.locale,
    },
    html`<section class="page">
      <h1>${page.message}</h1>
      <p><a href="${page.back.href}">${page.back.text}</a></p>
    </section>`,
  );
}

/** Runs `load`; a 404 it throws becomes the not-found page instead of a JSON error. */
export async function orNotFound<T>(load: () => Promise<T>): Promise<T | undefined> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof AppError && error.statusCode === 404) return undefined;
    throw error;
  }
}
