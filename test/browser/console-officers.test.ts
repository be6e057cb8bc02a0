import type { Page } from 'playwright-core';
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

const ADMIN_EMAIL = 'admin.kebayoran@polri.example.id';
let h: Harness;
let budiId = '';

async function seed(t: TestContext): Promise<void> {
  const db = t.ctx.db;
  await buildAreas(db, [
    { code: '31', name: 'DKI Jakarta' },
    { code: '31.74', name: 'Kota Jakarta Selatan' },
    { code: '31.74.05', name: 'Kebayoran Lama' },
    { code: '31.74.05.1001', name: 'Kebayoran Lama Utara' },
    { code: '31.74.06', name: 'Pesanggrahan' },
    { code: '31.74.06.1001', name: 'Kebayoran Lama Pojok' },
  ]);
  const polsek = await buildStation(db, {
    slug: 'polsek-kebayoran-lama',
    name: 'Polsek Kebayoran Lama',
    level: 'polsek',
    areaCodes: ['31.74.05'],
  });
  const admin = await buildAccount(db, { name: 'Kompol Rina', email: ADMIN_EMAIL });
  await grantRole(db, admin.id, polsek.id, 'station_admin');
  const sari = await buildAccount(db, { name: 'Bripka Sari', email: 'sari@polri.example.id' });
  await grantRole(db, sari.id, polsek.id, 'officer');
  const budi = await buildAccount(db, { name: 'Aiptu Budi', email: 'budi@polri.example.id' });
  await grantRole(db, budi.id, polsek.id, 'officer');
  budiId = budi.id;
}

beforeAll(async () => {
  h = await openHarness('console-officers', seed);
});
afterAll(() => h?.close());

const officerRow = (page: Page, name: string) => page.locator('li.officer', { hasText: name });

describe('a station admin managing officers and village liaisons', () => {
  it('changes a role, removes an officer and assigns a Bhabinkamtibmas, with confirmation', async () => {
    const { page, shot, t } = h;
    onTestFailed(() => shot('failed'));
    await page.goto('/masuk');
    await page.getByLabel('Email atau nomor HP').fill(ADMIN_EMAIL);
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Konsol petugas', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Petugas', exact: true }).click();

    // A role changes to exactly the one chosen.
    const sari = officerRow(page, 'Bripka Sari');
    await sari.getByRole('button', { name: 'Ubah peran' }).click();
    await sari.getByLabel('Peran baru untuk Bripka Sari').selectOption({ label: 'Editor' });
    await shot('01-change-role');
    await sari.getByRole('button', { name: 'Simpan peran' }).click();
    await page.getByText('Peran Bripka Sari sekarang Editor.').waitFor();
    expect(await sari.locator('.tag').allTextContents()).toEqual(['Editor']);

    // Removal asks first; "Batal" leaves everything as it was.
    const budi = officerRow(page, 'Aiptu Budi');
    await budi.getByRole('button', { name: 'Hapus dari kantor' }).click();
    await budi
      .getByText(
        'Hapus Aiptu Budi dari Polsek Kebayoran Lama? Semua perannya di kantor ini dicabut.',
      )
      .waitFor();
    await shot('02-remove-confirm');
    await budi.getByRole('button', { name: 'Batal' }).click();
    await budi.getByRole('button', { name: 'Hapus dari kantor' }).click();
    await budi.getByRole('button', { name: 'Ya, hapus' }).click();
    await page.getByText('Aiptu Budi tidak lagi menjadi petugas kantor ini.').waitFor();
    await budi.waitFor({ state: 'detached' });
    const grants = await t.ctx.db
      .selectFrom('role_grant')
      .select('role')
      .where('accountId', '=', budiId)
      .execute();
    expect(grants).toEqual([]);

    // A village must be chosen; the check happens before anything is sent.
    await page.getByRole('button', { name: 'Tetapkan Bhabinkamtibmas' }).click();
    await page.locator('#f-liaison-village-error', { hasText: 'Wajib diisi.' }).waitFor();
    // Only villages inside the jurisdiction are offered.
    await page.getByLabel('Cari desa/kelurahan').fill('Kebayoran Lama');
    const results = page.getByRole('list', { name: 'Desa/kelurahan' });
    await results.getByRole('button').first().waitFor();
    expect(await results.getByRole('button').allTextContents()).toEqual([
      expect.stringContaining('Kebayoran Lama Utara'),
    ]);
    await results.getByRole('button', { name: /Kebayoran Lama Utara/ }).click();
    await page.getByLabel('Petugas', { exact: true }).selectOption({ label: 'Bripka Sari' });
    await page.getByRole('button', { name: 'Tetapkan Bhabinkamtibmas' }).click();
    await page.getByText('Bripka Sari menjadi Bhabinkamtibmas Kebayoran Lama Utara.').waitFor();
    await page.locator('li', { hasText: 'Kebayoran Lama Utara: Bripka Sari' }).waitFor();
    await shot('03-liaison');

    // The audit log tells it all in words.
    await page.getByRole('link', { name: 'Log audit' }).click();
    await page.getByText('Kompol Rina: Bhabinkamtibmas ditetapkan').waitFor();
    await page.getByText('Kompol Rina: Peran petugas dicabut').first().waitFor();
  });

  it('says what went wrong in the language the admin reads', async () => {
    const { page, shot, t } = h;
    onTestFailed(() => shot('failed'));
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Officers', exact: true }).click();
    const liaison = page.locator('li', { hasText: 'Kebayoran Lama Utara: Bripka Sari' });
    await liaison.waitFor();
    // Another admin unassigned the liaison meanwhile.
    await t.ctx.db.deleteFrom('village_liaison').execute();
    await liaison.getByRole('button', { name: 'Unassign' }).click();
    await liaison.getByRole('button', { name: 'Yes, unassign' }).click();
    await liaison
      .getByRole('alert')
      .getByText('This village has no liaison officer from this station.')
      .waitFor();
    await shot('04-error-en');
  });

  it("checks the station profile on the phone against the route's schema before sending", async () => {
    const { page, shot } = h;
    onTestFailed(() => shot('failed'));
    // Still in English from the test before: the messages follow.
    await page.getByRole('link', { name: 'Station profile' }).click();
    const name = page.getByLabel('Station name');
    await name.waitFor();
    const patches: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'PATCH') patches.push(request.url());
    });
    await name.fill('ab');
    await page.getByLabel('Address').fill('x'.repeat(301));
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.locator('#f-station-name-error', { hasText: 'At least 3 characters.' }).waitFor();
    await page
      .locator('#f-station-address-error', { hasText: 'At most 300 characters.' })
      .waitFor();
    expect(patches).toEqual([]);
    await shot('05-profile-check');

    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.getByRole('button', { name: 'Simpan profil' }).click();
    await page.locator('#f-station-name-error', { hasText: 'Minimal 3 karakter.' }).waitFor();
    await page.getByLabel('Nama kantor').fill('Polsek Kebayoran Lama');
    await page.getByLabel('Alamat').fill('Jl. Ciledug Raya No. 2');
    await page.getByRole('button', { name: 'Simpan profil' }).click();
    await page.getByText('Profil kantor tersimpan.').waitFor();
    expect(patches).toHaveLength(1);
  });
});
