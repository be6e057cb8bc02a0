import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.js';

describe('renderMarkdown', () => {
  it('keeps the formatting officers use', () => {
    expect(renderMarkdown('Ya, di **lapangan terbuka**.\n\n- satu\n- dua')).toBe(
      '<p>Ya, di <strong>lapangan terbuka</strong>.</p>\n<ul>\n<li>satu</li>\n<li>dua</li>\n</ul>',
    );
  });

  it('drops scripts, handlers, styles and unsafe schemes', () => {
    const out = renderMarkdown(
      [
        '<script>alert(1)</script>',
        '<img src=x onerror=alert(1)>',
        '[klik](javascript:alert(1))',
        '<a href="https://polri.go.id" onclick="alert(1)" style="color:red">situs</a>',
        '<svg onload=alert(1)>',
        '<iframe src="https://evil.example"></iframe>',
      ].join('\n\n'),
    );
    expect(out).not.toMatch(/<script|onerror|onclick|onload|javascript:|<img|<svg|<iframe|style=/i);
    expect(out).toContain(
      '<a href="https://polri.go.id" rel="nofollow noopener noreferrer">situs</a>',
    );
  });

  it('turns top-level headings into the page’s lower levels', () => {
    expect(renderMarkdown('# Judul')).toBe('<h3>Judul</h3>');
  });
});
