import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { TestContext } from '../helpers/context.js';
import { buildAreas, buildStation } from '../helpers/factories.js';
import { openHarness, type Harness } from './harness.js';

let h: Harness;

async function seed(t: TestContext): Promise<void> {
  const db = t.ctx.db;
  await buildAreas(db, [
    { code: '31', name: 'DKI Jakarta' },
    { code: '31.74', name: 'Kota Jakarta Selatan' },
    { code: '31.74.05', name: 'Kebayoran Lama' },
    { code: '31.74.07', name: 'Kebayoran Baru' },
    { code: '31.75', name: 'Kota Jakarta Timur' },
    { code: '31.75.03', name: 'Jatinegara' },
  ]);
  const spkt = (number: string) => [{ label: 'SPKT', number }];
  const polda = await buildStation(db, {
    slug: 'polda-metro-jaya',
    name: 'Polda Metro Jaya',
    level: 'polda',
    areaCodes: ['31'],
    phones: [{ label: 'Darurat', number: '110' }],
  });
  const selatan = await buildStation(db, {
    slug: 'polres-jakarta-selatan',
    name: 'Polres Jakarta Selatan',
    level: 'polres',
    parentId: polda.id,
    areaCodes: ['31.74'],
    address: 'Jl. Wijaya II No. 42, Kebayoran Baru',
    phones: spkt('+62217206011'),
  });
  await buildStation(db, {
    slug: 'polsek-kebayoran-lama',
    name: 'Polsek Kebayoran Lama',
    level: 'polsek',
    parentId: selatan.id,
    areaCodes: ['31.74.05'],
    address: 'Jl. Ciledug Raya No. 2',
    phones: spkt('+62217221111'),
  });
  const timur = await buildStation(db, {
    slug: 'polres-jakarta-timur',
    name: 'Polres Jakarta Timur',
    level: 'polres',
    parentId: polda.id,
    areaCodes: ['31.75'],
    phones: spkt('+62218191111'),
  });
  await buildStation(db, {
    slug: 'polsek-jatinegara',
    name: 'Polsek Jatinegara',
    level: 'polsek',
    parentId: timur.id,
    areaCodes: ['31.75.03'],
    address: 'Jl. Jatinegara Barat No. 1',
    phones: spkt('+62218193333'),
  });
}

beforeAll(async () => {
  h = await openHarness('station-directory', seed);
});
afterAll(() => h?.close());

const stationLinks = (page: Page) => page.locator('.station-card .station-name').allTextContents();

/** Every link, button and group header of the directory is at least 48 px tall. */
async function expectTouchTargets(page: Page) {
  const targets = page.locator('.directory summary, .directory a, .directory-search input');
  for (const target of await targets.all()) {
    if (!(await target.isVisible())) continue;
    const box = await target.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(360);
  }
}

describe('the station directory on a 360 px phone', () => {
  it('is a grouped list with search and national phone numbers without JavaScript', async () => {
    const { page, shot } = h;
    onTestFailed(() => shot('failed'));
    // No script reaches the page: what the server sends must stand on its own.
    await page.route('**/*.js', (route) => route.abort());
    await page.goto('/kantor');
    await page.getByRole('heading', { level: 1, name: 'Kantor polisi' }).waitFor();
    expect(await page.title()).toBe('Kantor polisi · Siaga');
    expect(await stationLinks(page)).toEqual([
      'Polda Metro Jaya',
      'Polres Jakarta Selatan',
      'Polsek Kebayoran Lama',
      'Polres Jakarta Timur',
      'Polsek Jatinegara',
    ]);
    // Polda → Polres → Polsek: each Polsek sits inside its Polres's group, inside the Polda's.
    const polsek = page.locator('details:has(> summary:has-text("Polres Jakarta Selatan"))');
    await polsek.getByRole('link', { name: 'Polsek Kebayoran Lama' }).waitFor();
    expect(
      await page
        .locator('details:has(> summary:has-text("Polda Metro Jaya"))')
        .locator('details')
        .count(),
    ).toBe(2);
    const call = page.getByRole('link', { name: 'SPKT: (021) 7221111' });
    expect(await call.getAttribute('href')).toBe('tel:+62217221111');
    expect(await page.getByRole('link', { name: 'Darurat: 110' }).getAttribute('href')).toBe(
      'tel:110',
    );
    await page.getByText('Wilayah: Kebayoran Lama').waitFor();
    await expectTouchTargets(page);
    await shot('01-no-js');

    // The search is a plain form: the server filters, keeping the groups above a match.
    await page.getByLabel('Cari kantor, alamat atau wilayah').fill('ciledug');
    await page.getByRole('button', { name: 'Cari' }).click();
    await page.waitForURL('**/kantor?q=ciledug');
    expect(await stationLinks(page)).toEqual([
      'Polda Metro Jaya',
      'Polres Jakarta Selatan',
      'Polsek Kebayoran Lama',
    ]);
    await page.getByText('3 kantor ditampilkan').waitFor();
    await shot('02-no-js-search');
    await page.unroute('**/*.js');
  });

  it('filters as one types once the app has taken over, and groups fold away', async () => {
    const { page, shot } = h;
    onTestFailed(() => shot('failed'));
    await page.goto('/kantor');
    // The PWA's form has no submit button: it filters on every keystroke.
    await page.getByRole('button', { name: 'Cari' }).waitFor({ state: 'detached' });
    await page.getByText('5 kantor ditampilkan').waitFor();

    const search = page.getByLabel('Cari kantor, alamat atau wilayah');
    // A city finds its Polres and the Polsek below it.
    await search.fill('jakarta timur');
    await page.getByText('3 kantor ditampilkan').waitFor();
    expect(await stationLinks(page)).toEqual([
      'Polda Metro Jaya',
      'Polres Jakarta Timur',
      'Polsek Jatinegara',
    ]);
    // An area's name finds the station serving it, under its Polres and Polda.
    await search.fill('kebayoran lama');
    await page.getByText('3 kantor ditampilkan').waitFor();
    expect(await stationLinks(page)).toEqual([
      'Polda Metro Jaya',
      'Polres Jakarta Selatan',
      'Polsek Kebayoran Lama',
    ]);
    await search.fill('bandung');
    await page.getByText('Tidak ada kantor yang cocok dengan "bandung".').waitFor();

    await search.fill('');
    await page.getByText('5 kantor ditampilkan').waitFor();
    await expectTouchTargets(page);
    await shot('03-app');
    await page.locator('summary', { hasText: 'Polres Jakarta Selatan' }).click();
    await page.getByRole('link', { name: 'Polsek Kebayoran Lama' }).waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: 'Polsek Jatinegara' }).waitFor();
    await shot('04-folded');

    // No sideways scrolling on a 360 px screen.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
  });
});
