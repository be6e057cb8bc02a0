import { describe, expect, it } from 'vitest';
import { renderDocument } from './document.js';
import { escapeHtml, html, rawHtml } from './html.js';

const SHELL = `<!doctype html>
<html lang="id">
  <head>
    <meta charset="utf-8" />
    <meta
      name="description"
      content="generic"
    />
    <title>Siaga</title>
    <link rel="stylesheet" href="/assets/index-abc.css" />
  </head>
  <body>
    <div id="app"><p class="boot">Siaga…</p></div>
    <script type="module" src="/assets/index-abc.js"></script>
  </body>
</html>`;

describe('server-rendered pages', () => {
  it('escapes every interpolation unless it is already safe markup', () => {
    const evil = '<img src=x onerror=alert(1)>"\'&';
    expect(html`<p title="${evil}">${evil}</p>`.value).toBe(
      `<p title="${escapeHtml(evil)}">${escapeHtml(evil)}</p>`,
    );
    expect(html`<div>${rawHtml('<b>ok</b>')}${[1, ' & ', 2]}${null}${false}</div>`.value).toBe(
      '<div><b>ok</b>1 &amp; 2</div>',
    );
  });

  it("puts the page's title, preview tags and content into the PWA shell", () => {
    const page = renderDocument(
      SHELL,
      {
        title: 'Waspada begal di Tebet </title><script>alert(1)</script>',
        description: 'Dua kejadian "begal" malam ini.',
        url: 'https://siaga.example.id/peringatan/1',
        image: 'https://siaga.example.id/og/1.png',
        locale: 'en',
        jsonLd: [{ '@type': 'SpecialAnnouncement', name: '</script><script>alert(2)</script>' }],
      },
      html`<article><h1>Waspada</h1></article>`,
    );
    expect(page).toContain('<html lang="en"');
    expect(page.match(/<title>/g)).toHaveLength(1);
    expect(page).toContain(
      '<title>Waspada begal di Tebet &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>',
    );
    expect(page).not.toContain('content="generic"');
    expect(page).toContain('<meta property="og:title" content="Waspada begal di Tebet');
    expect(page).toContain(
      '<meta property="og:description" content="Dua kejadian &quot;begal&quot; malam ini." />',
    );
    expect(page).toContain(
      '<meta property="og:image" content="https://siaga.example.id/og/1.png" />',
    );
    expect(page).toContain('<meta name="twitter:card" content="summary_large_image" />');
    expect(page).toContain('<link rel="canonical" href="https://siaga.example.id/peringatan/1" />');
    expect(page).not.toContain('</script><script>alert(2)');
    expect(page).toContain('<div id="app" data-ssr="1"><article><h1>Waspada</h1></article></div>');
    expect(page).toContain('<script type="module" src="/assets/index-abc.js"></script>');
    expect(page).not.toContain('boot');
  });
});
