import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { TestContext } from '../helpers/context.js';
import {
  buildAccount,
  buildStation,
  grantRole,
  sessionCookie,
  TEST_PASSWORD,
} from '../helpers/factories.js';
import { openHarness, type Harness } from './harness.js';

const EDITOR_EMAIL = 'sari@polri.example.id';
let h: Harness;

async function seed(t: TestContext): Promise<void> {
  t.clock.set(new Date('2026-11-20T03:00:00.000Z'));
  const polda = await buildStation(t.ctx.db, { slug: 'polda-jatim', name: 'Polda Jawa Timur' });
  const polres = await buildStation(t.ctx.db, {
    slug: 'polres-malang',
    name: 'Polres Malang',
    level: 'polres',
    parentId: polda.id,
  });
  const editor = await buildAccount(t.ctx.db, { name: 'Bripka Sari', email: EDITOR_EMAIL });
  await grantRole(t.ctx.db, editor.id, polres.id, 'editor');
  const cookie = await sessionCookie(t, editor.id);
  const rows = ['month,category,crime_total,crime_cleared'];
  for (const year of [2025, 2026]) {
    for (let m = 1; m <= (year === 2026 ? 11 : 12); m += 1) {
      const month = `${year}-${String(m).padStart(2, '0')}`;
      rows.push(`${month},curat,${10 + m},${5 + (m % 4)}`);
      rows.push(`${month},curanmor,${6 + (m % 5)},${2 + (m % 3)}`);
      rows.push(`${month},narkoba,${3 + (m % 2)},${3 + (m % 2)}`);
    }
  }
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/stations/${polres.id}/crime-figures/import`,
    headers: { cookie, 'content-type': 'text/csv' },
    payload: rows.join('\n'),
  });
  if (res.statusCode !== 200) throw new Error(`seed figures: ${res.body}`);
}

beforeAll(async () => {
  h = await openHarness('stats', seed);
});

afterAll(async () => {
  await h?.close();
});

describe('public statistics at 360 px', () => {
  it('shows the numbers, chart, tables and note, and fits the phone', async () => {
    onTestFailed(() => h.shot('dashboard-failed'));
    const { page } = h;
    await page.goto('/statistik/polda-jatim?from=2026-01&to=2026-11');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Statistik kriminalitas Polda Jawa Timur');
    // The PWA has taken over (its header is there) and still shows the server's numbers.
    await page.getByRole('navigation', { name: /Menu utama|Main menu/ }).waitFor();
    await expect.poll(() => page.locator('.stats-chart').count()).toBe(1);
    const headline = await page.locator('.stats-headline').innerText();
    // 2026-01..11 CT: curat Σ(10+m)=176, curanmor Σ(6+m%5)=87, narkoba Σ(3+m%2)=39 → 302.
    expect(headline).toContain('302');
    await expect
      .poll(() => page.locator('.stats-table').first().locator('tbody tr').count())
      .toBe(11);
    expect(await page.getByRole('note').innerText()).toContain('bukan seluruh kejahatan');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await h.shot('dashboard');
    await page.locator('.stats-chart').screenshot({ path: 'test-results/browser/stats-chart.png' });
  });

  it('reads without JavaScript: the server sends the numbers and tables', async () => {
    const response = await h.page.request.get('/statistik/polres-malang?from=2026-01&to=2026-11');
    const body = await response.text();
    expect(body).toContain('<h1>Statistik kriminalitas Polres Malang</h1>');
    expect(body).toContain('<table class="stats-table">');
    expect(body).toContain('property="og:title" content="Statistik kriminalitas Polres Malang"');
  });

  it('lets the editor import a CSV and shows each wrong line', async () => {
    onTestFailed(() => h.shot('console-failed'));
    const { page } = h;
    await page.goto('/masuk');
    await page.getByLabel('Email atau nomor HP').fill(EDITOR_EMAIL);
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/masuk'));
    await page.goto('/konsol/statistik');
    await page.getByLabel('Berkas CSV').setInputFiles({
      name: 'angka.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'month,category,crime_total,crime_cleared\n2026-10,begal,1,1\n2026-10,curat,x,1\n',
      ),
    });
    await page.getByRole('button', { name: 'Impor CSV' }).click();
    const problems = page.locator('.stats-problems li');
    await expect.poll(() => problems.count()).toBe(2);
    expect(await problems.first().innerText()).toBe(
      'Baris 2, category: Jenis kejahatan "begal" tidak dikenal.',
    );
    await h.shot('console-import-errors');
  });
});
