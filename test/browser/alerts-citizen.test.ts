import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { TestContext } from '../helpers/context.js';
import {
  buildAccount,
  buildAreas,
  buildStation,
  grantRole,
  sessionCookie,
} from '../helpers/factories.js';
import { CHROMIUM_ARGS, mainNav as nav, openHarness, type Harness } from './harness.js';

const HOME = '35.07.19.2001';
const OTHER = '35.07.19.2002';
const cookies: Record<'officer' | 'citizen' | 'neighbour', string> = {
  officer: '',
  citizen: '',
  neighbour: '',
};
let stationId = '';
let h: Harness;
let browser: Browser;
let neighbourPage: Page;

async function citizenIn(t: TestContext, name: string, village: string): Promise<string> {
  const account = await buildAccount(t.ctx.db, { name });
  const cookie = await sessionCookie(t, account.id);
  const res = await t.app.inject({
    method: 'PUT',
    url: '/api/me/areas',
    headers: { cookie },
    payload: { areas: [{ code: village, kind: 'home' }] },
  });
  expect(res.statusCode).toBe(200);
  return cookie;
}

async function seed(t: TestContext): Promise<void> {
  await buildAreas(t.ctx.db, [
    { code: '35', name: 'Jawa Timur' },
    { code: '35.07', name: 'Kabupaten Malang' },
    { code: '35.07.19', name: 'Singosari' },
    { code: HOME, name: 'Ardimulyo' },
    { code: OTHER, name: 'Candirenggo' },
  ]);
  const station = await buildStation(t.ctx.db, {
    slug: 'polsek-singosari',
    name: 'Polsek Singosari',
    areaCodes: ['35.07.19'],
  });
  stationId = station.id;
  const officer = await buildAccount(t.ctx.db, { name: 'Aiptu Joko' });
  await grantRole(t.ctx.db, officer.id, station.id, 'officer');
  cookies.officer = await sessionCookie(t, officer.id);
  cookies.citizen = await citizenIn(t, 'Budi Santoso', HOME);
  cookies.neighbour = await citizenIn(t, 'Sari Wulandari', OTHER);
}

/** Logs a page in by handing it the session cookie the factories opened. */
async function logIn(page: Page, cookie: string, baseURL: string) {
  const [name = '', value = ''] = cookie.split('=');
  await page.context().addCookies([{ name, value, url: baseURL }]);
}

beforeAll(async () => {
  h = await openHarness('alerts-citizen', seed);
  await h.page.goto('/');
  const baseURL = new URL(h.page.url()).origin;
  await logIn(h.page, cookies.citizen, baseURL);
  // The neighbour gets a browser of their own: no shared cookies or storage.
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 } });
  neighbourPage = await context.newPage();
  await logIn(neighbourPage, cookies.neighbour, baseURL);
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

/** Waits until the server holds this many open streams (polling; the hub is in-process). */
async function streamsOpen(count: number) {
  for (let i = 0; i < 200 && h.t.ctx.hub.size < count; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(h.t.ctx.hub.size).toBe(count);
}

describe('live alerts for a citizen', () => {
  it('shows a banner for an alert to the home village, live, and not to a neighbour', async () => {
    const { page, shot } = h;
    onTestFailed(() => shot('failed'));
    await page.goto('/');
    await neighbourPage.goto('/');
    await page.getByRole('heading', { name: 'Siaga', level: 1 }).waitFor();
    await neighbourPage.getByRole('heading', { name: 'Siaga', level: 1 }).waitFor();
    await streamsOpen(2);

    const issued = await h.t.app.inject({
      method: 'POST',
      url: '/api/alerts',
      headers: { cookie: cookies.officer },
      payload: {
        stationId,
        title: 'Pencurian motor di Ardimulyo',
        body: 'Tiga motor hilang semalam di sekitar pasar. Kunci ganda kendaraan Anda.',
        instruction: 'Laporkan orang tak dikenal yang memeriksa motor parkir.',
        category: 'pencurian',
        severity: 'Moderate',
        urgency: 'Expected',
        certainty: 'Observed',
        target: { areas: [HOME] },
      },
    });
    expect(issued.statusCode).toBe(201);
    const alertId: string = issued.json().id;

    const banner = page.getByRole('alert').filter({ hasText: 'Pencurian motor di Ardimulyo' });
    await banner.waitFor({ timeout: 5_000 });
    expect(await banner.textContent()).toContain('Sedang');
    await shot('01-live-banner');

    // The neighbour's stream is open and got nothing: a later alert for their own village
    // arrives, the first one never did.
    const toNeighbour = await h.t.app.inject({
      method: 'POST',
      url: '/api/alerts',
      headers: { cookie: cookies.officer },
      payload: {
        stationId,
        title: 'Jalan ditutup di Candirenggo',
        body: 'Perbaikan jembatan sampai sore.',
        category: 'lalu_lintas',
        severity: 'Minor',
        urgency: 'Expected',
        certainty: 'Observed',
        target: { areas: [OTHER] },
      },
    });
    expect(toNeighbour.statusCode).toBe(201);
    await neighbourPage.getByRole('alert').filter({ hasText: 'Jalan ditutup' }).waitFor();
    expect(await neighbourPage.getByText('Pencurian motor di Ardimulyo').count()).toBe(0);
    expect(await page.getByText('Jalan ditutup di Candirenggo').count()).toBe(0);

    // The banner opens the alert page, whose report button names the alert and the village.
    await banner.getByRole('link').click();
    await page.getByRole('heading', { name: 'Pencurian motor di Ardimulyo', level: 1 }).waitFor();
    const report = page.getByRole('link', { name: 'Laporkan hal mencurigakan' });
    expect(await report.getAttribute('href')).toBe(`/lapor?alert=${alertId}&area=${HOME}`);
    await page.getByText('Ardimulyo', { exact: true }).waitFor();
    await page.getByText('Polsek Singosari').waitFor();
    await shot('02-alert-page');
    // Its page shows the alert in full, so its banner steps aside there.
    expect(await banner.count()).toBe(0);

    // Back home through the menu (no reload): the banner is still up…
    await nav(page).getByRole('link', { name: 'Beranda' }).click();
    await banner.waitFor();

    // …until a cancellation clears it, still without a reload.
    const cancelled = await h.t.app.inject({
      method: 'POST',
      url: `/api/alerts/${alertId}/cancel`,
      headers: { cookie: cookies.officer },
      payload: { reason: 'Pelaku sudah ditangkap.' },
    });
    expect(cancelled.statusCode).toBeLessThan(300);
    await banner.waitFor({ state: 'detached', timeout: 5_000 });
  });

  it('lists active alerts for my village and saves muting on the settings page', async () => {
    const { page, shot } = h;
    onTestFailed(() => shot('failed'));
    await page.goto('/peringatan');
    await page.getByRole('heading', { name: 'Peringatan aktif di sekitar saya' }).waitFor();
    await page.getByText('Tidak ada peringatan aktif saat ini.').waitFor();
    await shot('03-list');

    await page.getByRole('link', { name: 'Pengaturan peringatan' }).click();
    await page
      .getByText('Terima peringatan keamanan untuk wilayah Anda, bahkan saat aplikasi ditutup.')
      .waitFor();
    await page.getByText('selalu dikirim').waitFor();
    await page.getByLabel('Pencurian').uncheck();
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Pengaturan disimpan.').waitFor();
    const stored = await page.evaluate(() => localStorage.getItem('siaga.alerts'));
    expect(JSON.parse(stored ?? '{}')).toMatchObject({ mutedCategories: ['pencurian'] });
    await shot('04-settings');
  });
});
