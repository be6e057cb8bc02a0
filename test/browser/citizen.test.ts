import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { TestContext } from '../helpers/context.js';
import {
  assignLiaison,
  buildAccount,
  buildAreas,
  buildStation,
  grantRole,
  TEST_PASSWORD,
} from '../helpers/factories.js';
import { accountNav, openHarness, type Harness } from './harness.js';

let h: Harness;

async function seed(t: TestContext): Promise<void> {
  await buildAreas(t.ctx.db, [
    { code: '35', name: 'Jawa Timur' },
    { code: '35.07', name: 'Kabupaten Malang' },
    { code: '35.07.19', name: 'Singosari' },
    { code: '35.07.19.2001', name: 'Ardimulyo' },
    { code: '35.07.19.2002', name: 'Candirenggo' },
  ]);
  const station = await buildStation(t.ctx.db, {
    slug: 'polsek-singosari',
    name: 'Polsek Singosari',
    level: 'polda',
    areaCodes: ['35.07.19'],
  });
  await t.ctx.db
    .updateTable('station')
    .set({ phones: JSON.stringify([{ label: 'SPKT', number: '+62 341 458110' }]) })
    .where('id', '=', station.id)
    .execute();
  const officer = await buildAccount(t.ctx.db, { name: 'Aiptu Joko', phone: '+6281234567890' });
  await grantRole(t.ctx.db, officer.id, station.id, 'officer');
  await assignLiaison(t.ctx.db, {
    villageCode: '35.07.19.2001',
    stationId: station.id,
    accountId: officer.id,
  });
}

beforeAll(async () => {
  h = await openHarness('citizen', seed);
});

afterAll(async () => {
  await h?.close();
});

describe('a citizen on a small phone', () => {
  it('registers, logs out, logs in, picks a home village and switches to English', async () => {
    const { page, shot } = h;
    onTestFailed(() => shot('failed'));
    await page.goto('/');
    await page.getByRole('heading', { name: 'Siaga', level: 1 }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    await shot('01-home');

    // Register: the server's per-field message shows under the password field.
    await accountNav(page).getByRole('link', { name: 'Daftar' }).click();
    await page.getByLabel('Email atau nomor HP').fill('budi@example.id');
    await page.getByLabel('Nama').fill('Budi Santoso');
    await page.getByLabel('Kata sandi').fill('pendek');
    await page.getByRole('button', { name: 'Daftar' }).click();
    await page
      .locator('#f-password-error', { hasText: 'Kata sandi minimal 10 karakter.' })
      .waitFor();
    await shot('02-register-error');
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Daftar' }).click();
    // The account page, with the field for the code registration already sent.
    await page.getByRole('heading', { name: 'Privasi & keamanan' }).waitFor();
    await page.getByLabel('Kode 6 angka').first().waitFor();

    // Log out, then back in.
    await accountNav(page).getByRole('button', { name: 'Keluar' }).click();
    await accountNav(page).getByRole('link', { name: 'Masuk' }).click();
    await page.getByLabel('Email atau nomor HP').fill('budi@example.id');
    await page.getByLabel('Kata sandi').fill('salah-sandi-sekali');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByText('Halo, Budi Santoso.').waitFor();
    await shot('03-home-logged-in');

    // Choose a home village: results show their parents; saved areas show who to call.
    await accountNav(page).getByRole('link', { name: 'Wilayah saya' }).click();
    await page.getByLabel('Cari desa, kecamatan, atau kota').fill('ardi');
    const result = page.locator('.results li', { hasText: 'Ardimulyo' });
    await result.getByText('Singosari, Kabupaten Malang, Jawa Timur').waitFor();
    await shot('04-area-search');
    await result.getByRole('button', { name: 'Jadikan tempat tinggal' }).click();
    await page.getByRole('button', { name: 'Simpan wilayah' }).click();
    await page.getByText('Wilayah Anda tersimpan.').waitFor();
    const card = page.locator('.area-card', { hasText: 'Ardimulyo' });
    await card.getByText('Tempat tinggal').waitFor();
    await card.getByText('Aiptu Joko').waitFor();
    expect(await card.getByRole('link', { name: 'WhatsApp' }).getAttribute('href')).toContain(
      '6281234567890',
    );
    expect(
      await card
        .getByRole('link', { name: /Telepon/ })
        .first()
        .getAttribute('href'),
    ).toBe('tel:+62341458110');
    await shot('05-my-areas');

    // English, remembered across a reload; API errors come back in English too.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'My areas' }).waitFor();
    await page.getByText('Your areas are saved.').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'My areas' }).waitFor();
    await accountNav(page).getByRole('button', { name: 'Log out' }).waitFor();
    await shot('06-my-areas-english');
    expect(await page.locator('body').innerText()).not.toContain('Wilayah saya');

    // Offline: the service worker serves the shell and the last answer of each API read.
    const hasWorker = await page.evaluate(() =>
      Promise.race([
        navigator.serviceWorker.ready.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 15_000)),
      ]),
    );
    expect(hasWorker).toBe(true);
    await page.reload(); // now controlled by the worker, which caches the API reads
    await page.locator('.area-card', { hasText: 'Aiptu Joko' }).waitFor();
    await page.context().setOffline(true);
    await page.reload();
    await page.locator('.area-card', { hasText: 'Aiptu Joko' }).waitFor();
    await shot('07-offline');
    await page.context().setOffline(false);

    // Citizens who open the console see a clear refusal.
    await page.goto('/konsol');
    await page.getByRole('heading', { name: 'No access' }).waitFor();
    await shot('08-console-no-access');
  });
});
