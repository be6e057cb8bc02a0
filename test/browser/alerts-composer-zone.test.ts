import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { importBoundaries } from '../../src/server/features/areas/areas.service.js';
import type { TestContext } from '../helpers/context.js';
import {
  buildAccount,
  buildAreas,
  buildStation,
  grantRole,
  TEST_PASSWORD,
} from '../helpers/factories.js';
import { openHarness, type Harness } from './harness.js';

const OFFICER = 'andi@polri.example.id';
let h: Harness;

const square = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

/** A Makassar station: its officers write times in WITA (UTC+8), an hour ahead of WIB. */
async function seed(t: TestContext): Promise<void> {
  await buildAreas(t.ctx.db, [
    { code: '73', name: 'Sulawesi Selatan' },
    { code: '73.71', name: 'Kota Makassar' },
    { code: '73.71.01', name: 'Mariso' },
    { code: '73.71.01.1001', name: 'Bontorannu' },
  ]);
  await importBoundaries(t.ctx, {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { code: '73.71.01' },
        geometry: { type: 'Polygon', coordinates: [square(119.4, -5.17, 119.42, -5.15)] },
      },
    ],
  });
  const polsek = await buildStation(t.ctx.db, {
    slug: 'polsek-mariso',
    name: 'Polsek Mariso',
    level: 'polsek',
    areaCodes: ['73.71.01'],
    timezone: 'Asia/Makassar',
  });
  const officer = await buildAccount(t.ctx.db, { name: 'Bripda Andi', email: OFFICER });
  await grantRole(t.ctx.db, officer.id, polsek.id, 'officer');
}

beforeAll(async () => {
  h = await openHarness('alerts-composer-zone', seed);
});
afterAll(() => h?.close());

describe('the composer of a station in WITA, on a 360 px phone without map tiles', () => {
  it("takes the expiry on the station's clock, draws outlines offline and fits the delivery table", async () => {
    const { page, shot, t } = h;
    onTestFailed(() => shot('failed'));
    // No internet for tiles: the map must still show where the areas are.
    await page.route('https://tile.openstreetmap.org/**', (route) => route.abort());
    await page.goto('/masuk');
    await page.getByLabel('Email atau nomor HP').fill(OFFICER);
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Konsol petugas', level: 1 }).waitFor();
    await page
      .getByRole('navigation', { name: 'Konsol petugas' })
      .getByRole('link', { name: 'Peringatan', exact: true })
      .click();
    await page.getByRole('link', { name: 'Buat peringatan' }).click();
    await page.getByLabel('Judul', { exact: true }).fill('Banjir rob di Mariso');
    await page
      .getByLabel('Isi peringatan')
      .fill(
        'Air laut pasang menggenangi jalan di pesisir Mariso. Hindari Jl. Metro Tanjung Bunga.',
      );
    await page.getByLabel('Kategori').selectOption({ index: 1 });

    // The picker is on the station's clock and reads back in the officer's language.
    const expires = page.getByLabel('Berlaku sampai (WITA)');
    await expires.fill('2026-12-31T17:00');
    await page.getByText('Kamis, 31 Desember 2026 pukul 17.00 WITA').waitFor();

    await page.getByLabel('Cari desa/kelurahan atau kecamatan').fill('Bontorannu');
    await page.getByRole('button', { name: /^Bontorannu/ }).click();
    await page.locator('li.chip', { hasText: 'Bontorannu' }).waitFor();
    // Tiles fail: the district's outline is drawn on a plain background, and the map says why.
    await page
      .getByText('Latar peta tidak dapat dimuat (perlu internet).', { exact: false })
      .waitFor();
    const outline = page.locator('.alert-map-plain .leaflet-overlay-pane path');
    await outline.waitFor();
    expect(await outline.getAttribute('stroke')).toBe('#0b3d91');
    // The map keeps to its box (Leaflet's own classes survive the switch to plain).
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    ).toBe(0);
    await shot('01-composer');

    await page.getByRole('button', { name: 'Kirim', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ya, kirim' }).click();
    await page.getByRole('heading', { name: /Banjir rob di Mariso/ }).waitFor();
    const alert = await t.ctx.db
      .selectFrom('alert')
      .select('expiresAt')
      .where('title', '=', 'Banjir rob di Mariso')
      .executeTakeFirstOrThrow();
    // 17.00 WITA is 09.00 UTC, whatever zone the browser runs in.
    expect(alert.expiresAt).toBe('2026-12-31T09:00:00.000Z');
    await page.getByText('Berlaku sampai 31 Des 2026, 17.00 WITA').waitFor();

    // The delivery figures fit the phone: no sideways scroll of the page.
    await page.getByRole('columnheader', { name: 'Notifikasi' }).waitFor();
    await page.getByRole('rowheader', { name: 'Dikirim' }).waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    const table = await page.locator('table.figures').boundingBox();
    expect((table?.x ?? 0) + (table?.width ?? 0)).toBeLessThanOrEqual(360);
    await shot('02-delivery');
  });

  it('reads the same time back in English', async () => {
    const { page, shot } = h;
    onTestFailed(() => shot('failed'));
    await page.getByRole('button', { name: 'English' }).click();
    // The choice is kept once the English catalogs are in: wait for them before reloading.
    await page.getByRole('heading', { name: 'Officer console' }).waitFor();
    await page.goto('/konsol/peringatan/baru');
    await page.getByLabel('Valid until (WITA)').fill('2026-12-31T17:00');
    await page.getByText('Thursday, 31 December 2026 at 17:00 WITA').waitFor();
    await shot('03-composer-en');
  });
});
