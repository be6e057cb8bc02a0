import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { mainNav, openHarness, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await openHarness('navigation', async () => {});
});
afterAll(() => h?.close());

/** The tabs of the bottom bar with their size and whether each is marked current. */
async function tabs(page: Page) {
  const links = mainNav(page).getByRole('link');
  const found: { name: string; current: string | null; width: number; height: number }[] = [];
  for (const link of await links.all()) {
    const box = await link.boundingBox();
    found.push({
      name: (await link.innerText()).trim(),
      current: await link.getAttribute('aria-current'),
      width: box?.width ?? 0,
      height: box?.height ?? 0,
    });
  }
  return found;
}

describe('the bottom bar on a 360 px phone', () => {
  it('offers five 48 px tabs with the current page marked, from every page', async () => {
    const { page, shot } = h;
    onTestFailed(() => shot('failed'));
    await page.goto('/');
    await mainNav(page).getByRole('link', { name: 'Beranda' }).waitFor();
    const home = await tabs(page);
    expect(home.map((tab) => tab.name)).toEqual([
      'Beranda',
      'Peringatan',
      'Lapor',
      'Kantor',
      'Akun',
    ]);
    expect(home.filter((tab) => tab.current === 'page').map((tab) => tab.name)).toEqual([
      'Beranda',
    ]);
    for (const tab of home) {
      expect(tab.width).toBeGreaterThanOrEqual(48);
      expect(tab.height).toBeGreaterThanOrEqual(48);
    }
    // In view without scrolling: fixed to the bottom of the 740 px screen.
    const bar = await mainNav(page).boundingBox();
    expect(Math.round((bar?.y ?? 0) + (bar?.height ?? 0))).toBe(740);
    await shot('01-home');

    // The report form, and tracking from it, are one tap from anywhere.
    await page.goto('/kantor');
    await mainNav(page).getByRole('link', { name: 'Lapor' }).click();
    await page.getByRole('heading', { level: 1, name: /Lapor/ }).waitFor();
    expect((await tabs(page)).find((tab) => tab.current === 'page')?.name).toBe('Lapor');
    await shot('02-report');
    await page.getByRole('main').getByRole('link', { name: 'Lacak laporan' }).click();
    await page.waitForURL('**/lapor/lacak');
    expect((await tabs(page)).find((tab) => tab.current === 'page')?.name).toBe('Lapor');

    // A guest's account tab asks them to log in.
    await mainNav(page).getByRole('link', { name: 'Akun' }).click();
    await page.waitForURL('**/masuk');
    expect((await tabs(page)).find((tab) => tab.current === 'page')?.name).toBe('Akun');
  });

  it('asks a guest at /konsol to log in', async () => {
    const { page, shot } = h;
    onTestFailed(() => shot('failed'));
    await page.goto('/konsol');
    await page.getByRole('heading', { level: 1, name: 'Masuk sebagai petugas' }).waitFor();
    expect(await page.getByText('Tidak ada akses').count()).toBe(0);
    await page.getByRole('main').getByRole('link', { name: 'Masuk' }).click();
    await page.getByLabel('Email atau nomor HP').waitFor();
    await shot('03-console-guest');
  });

  it('speaks English when switched', async () => {
    const { page, shot } = h;
    onTestFailed(() => shot('failed'));
    await page.goto('/peringatan');
    await page.getByRole('button', { name: 'English' }).click();
    await mainNav(page).getByRole('link', { name: 'Alerts' }).waitFor();
    const english = await tabs(page);
    expect(english.map((tab) => tab.name)).toEqual([
      'Home',
      'Alerts',
      'Report',
      'Stations',
      'Account',
    ]);
    expect(english.find((tab) => tab.current === 'page')?.name).toBe('Alerts');
    await shot('04-english');
  });
});
