import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { TestContext } from '../helpers/context.js';
import { buildAccount, buildStation, grantRole, TEST_PASSWORD } from '../helpers/factories.js';
import { mainNav as nav, openHarness, type Harness } from './harness.js';

const ADMIN_EMAIL = 'admin.malang@polri.example.id';
let h: Harness;

async function seed(t: TestContext): Promise<void> {
  const polres = await buildStation(t.ctx.db, {
    slug: 'polres-malang',
    name: 'Polres Malang',
    level: 'polres',
  });
  await buildStation(t.ctx.db, {
    slug: 'polsek-singosari',
    name: 'Polsek Singosari',
    level: 'polsek',
    parentId: polres.id,
  });
  const admin = await buildAccount(t.ctx.db, { name: 'Kompol Rina', email: ADMIN_EMAIL });
  await grantRole(t.ctx.db, admin.id, polres.id, 'station_admin');
}

beforeAll(async () => {
  h = await openHarness('console', seed);
});

afterAll(async () => {
  await h?.close();
});

describe('a station admin in the officer console', () => {
  it('adds an officer, edits the station profile and reads the audit log', async () => {
    const { page, shot } = h;
    onTestFailed(() => shot('failed'));

    await page.goto('/masuk');
    await page.getByLabel('Email atau nomor HP').fill(ADMIN_EMAIL);
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Konsol petugas', level: 1 }).waitFor();
    // The Polres role reaches the Polsek below it: both can be chosen.
    const stationSelect = page.getByLabel('Kantor', { exact: true });
    expect(await stationSelect.locator('option').allTextContents()).toEqual([
      'Polres Malang',
      'Polsek Singosari',
    ]);
    await page.getByText('Admin kantor').waitFor();
    await shot('01-overview');

    await page.getByRole('link', { name: 'Petugas', exact: true }).click();
    await page.locator('li.officer', { hasText: 'Kompol Rina' }).waitFor();
    await page.getByLabel('Nama').fill('Bripka Sari');
    await page.getByLabel('Email', { exact: true }).fill('sari@polri.example.id');
    await page.getByRole('button', { name: 'Tambahkan' }).click();
    await page.getByText('Bripka Sari ditambahkan sebagai petugas.').waitFor();
    const oneTimePassword = await page.getByRole('status').locator('code').textContent();
    expect(oneTimePassword?.length).toBeGreaterThanOrEqual(10);
    await page.locator('.list li', { hasText: 'Bripka Sari' }).getByText('Petugas').waitFor();
    await shot('02-officers');

    await page.getByRole('link', { name: 'Profil kantor' }).click();
    await page.getByLabel('Alamat').fill('Jl. Jaksa Agung Suprapto No. 19, Malang');
    await page.getByRole('button', { name: 'Simpan profil' }).click();
    await page.getByText('Profil kantor tersimpan.').waitFor();
    await shot('03-profile');

    await page.getByRole('link', { name: 'Log audit' }).click();
    await page.getByText('Kompol Rina: Profil kantor diubah').waitFor();
    await page.getByText('Kompol Rina: Petugas baru ditambahkan').waitFor();
    // Each entry links to what it concerns.
    expect(
      await page.getByRole('link', { name: 'Profil kantor diubah' }).getAttribute('href'),
    ).toBe('/konsol/profil');
    await shot('04-audit');

    // The public directory shows the edit and the hierarchy.
    await nav(page).getByRole('link', { name: 'Kantor' }).click();
    await page.getByRole('link', { name: 'Polres Malang' }).click();
    await page.getByText('Jl. Jaksa Agung Suprapto No. 19, Malang').waitFor();
    await page.getByRole('link', { name: 'Polsek Singosari' }).waitFor();
    await shot('05-station-profile');
  });
});
