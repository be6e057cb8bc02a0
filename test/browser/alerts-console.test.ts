import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { TestContext } from '../helpers/context.js';
import {
  buildAccount,
  buildAreas,
  buildStation,
  grantRole,
  TEST_PASSWORD,
} from '../helpers/factories.js';
import { openHarness, type Harness } from './harness.js';
import type { Page } from 'playwright-core';

const AUTHOR = 'sari@polri.example.id';
const SECOND = 'budi@polri.example.id';
let h: Harness;

async function seed(t: TestContext): Promise<void> {
  await buildAreas(t.ctx.db, [
    { code: '31', name: 'DKI Jakarta' },
    { code: '31.74', name: 'Kota Jakarta Selatan' },
    { code: '31.74.05', name: 'Kebayoran Lama' },
    { code: '31.74.05.1001', name: 'Kebayoran Lama Utara' },
    { code: '31.74.06', name: 'Pesanggrahan' },
    { code: '31.74.06.1001', name: 'Ulujami Utara' },
  ]);
  const polsek = await buildStation(t.ctx.db, {
    slug: 'polsek-kebayoran-lama',
    name: 'Polsek Kebayoran Lama',
    areaCodes: ['31.74.05'],
  });
  for (const [name, email] of [
    ['Bripka Sari', AUTHOR],
    ['Aiptu Budi', SECOND],
  ]) {
    const officer = await buildAccount(t.ctx.db, { name, email });
    await grantRole(t.ctx.db, officer.id, polsek.id, 'officer');
  }
}

beforeAll(async () => {
  h = await openHarness('alerts-console', seed);
});
afterAll(async () => {
  await h?.close();
});

async function logIn(page: Page, email: string) {
  await page.context().clearCookies();
  await page.goto('/masuk');
  await page.getByLabel('Email atau nomor HP').fill(email);
  await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('heading', { name: 'Konsol petugas', level: 1 }).waitFor();
}

async function compose(page: Page, title: string) {
  await page
    .getByRole('navigation', { name: 'Konsol petugas' })
    .getByRole('link', { name: 'Peringatan', exact: true })
    .click();
  await page.getByRole('link', { name: 'Buat peringatan' }).click();
  await page.getByLabel('Judul', { exact: true }).fill(title);
  await page
    .getByLabel('Isi peringatan')
    .fill('Beberapa pencurian motor dilaporkan malam ini. Kunci ganda kendaraan Anda.');
  // No category is chosen for the officer.
  expect(await page.getByLabel('Kategori').inputValue()).toBe('');
  await page.getByLabel('Kategori').selectOption({ label: 'Pencurian' });
  await page.getByLabel('Tingkat bahaya').selectOption({ label: 'Berbahaya' });
  // Areas outside the station's jurisdiction are not offered.
  await page.getByLabel('Cari desa/kelurahan atau kecamatan').fill('Utara');
  await page.getByRole('button', { name: /^Kebayoran Lama Utara/ }).click();
  await page.locator('li.chip', { hasText: 'Kebayoran Lama Utara' }).waitFor();
  expect(await page.getByRole('button', { name: /^Ulujami Utara/ }).count()).toBe(0);
}

describe('alerts in the officer console', () => {
  it('composes an alert with the area search and the map, previews its reach and sends it', async () => {
    const { page, shot } = h;
    onTestFailed(() => shot('failed'));
    await logIn(page, AUTHOR);
    await compose(page, 'Pencurian motor di Kebayoran Lama Utara');

    // A circle drawn on the map (tiles do not load in tests; taps still do).
    await page.getByLabel('Lingkaran').check();
    await page
      .getByRole('application', { name: 'Peta sasaran' })
      .click({ position: { x: 150, y: 140 } });
    await page.getByText('1 lingkaran, 0 poligon').waitFor();
    await page.getByLabel(/^Radius/).fill('2000');
    await page.getByText('Radius: 2.0 km').waitFor();
    // Without tiles the map says why and keeps the shapes on a plain background.
    await page
      .getByText('Latar peta tidak dapat dimuat (perlu internet).', { exact: false })
      .waitFor();
    expect(await page.locator('.alert-map-plain path.leaflet-interactive').count()).toBe(1);
    await shot('01-composer');

    await page.getByRole('button', { name: 'Pratinjau jangkauan' }).click();
    await page
      .getByRole('status')
      .getByText('Menjangkau 0 perangkat dan 0 layar yang sedang terbuka.')
      .waitFor();
    await page.getByRole('button', { name: 'Kirim', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Kirim peringatan ini?' });
    await dialog.getByText('Sasaran: Kebayoran Lama Utara, 1 lingkaran, 0 poligon').waitFor();
    await shot('02-confirm');
    await dialog.getByRole('button', { name: 'Ya, kirim' }).click();

    await page.getByRole('heading', { name: /Pencurian motor di Kebayoran Lama Utara/ }).waitFor();
    await page.getByText('Aktif', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Pengiriman' }).waitFor();
    await page.getByRole('columnheader', { name: 'Notifikasi' }).waitFor();
    await shot('03-alert-page');

    await page.getByRole('link', { name: 'Kembali ke daftar' }).click();
    const active = page.locator('section', { has: page.getByRole('heading', { name: 'Aktif' }) });
    await active.getByRole('link', { name: 'Pencurian motor di Kebayoran Lama Utara' }).waitFor();
    await shot('04-list');
  });

  it('holds a suspect alert until a second officer approves it', async () => {
    const { page, shot } = h;
    onTestFailed(() => shot('failed'));
    await logIn(page, AUTHOR);
    await compose(page, 'Waspada terduga pelaku jambret');
    await page.getByLabel('Peringatan ini menggambarkan terduga pelaku').check();
    await page.getByRole('button', { name: 'Kirim', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('menunggu persetujuan petugas kedua').waitFor();
    await dialog.getByRole('button', { name: 'Ya, kirim' }).click();
    await page.getByRole('heading', { name: /Waspada terduga pelaku jambret/ }).waitFor();
    await page.getByText('Menunggu persetujuan', { exact: true }).waitFor();

    // The author cannot approve it: the server says why.
    await page.getByRole('button', { name: 'Setujui dan kirim' }).click();
    await page
      .getByRole('alert')
      .getByText('Peringatan harus disetujui oleh petugas lain, bukan pembuatnya.')
      .waitFor();
    await shot('05-self-approval');

    await logIn(page, SECOND);
    await page
      .getByRole('navigation', { name: 'Konsol petugas' })
      .getByRole('link', { name: 'Peringatan', exact: true })
      .click();
    const pending = page.locator('section', {
      has: page.getByRole('heading', { name: 'Menunggu persetujuan' }),
    });
    await pending.getByRole('link', { name: 'Waspada terduga pelaku jambret' }).click();
    await page.getByRole('button', { name: 'Setujui dan kirim' }).click();
    await page.getByText('Peringatan disetujui dan dikirim.').waitFor();
    await page.getByText('Aktif', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Pengiriman' }).waitFor();
    await shot('06-approved');
  });
});
