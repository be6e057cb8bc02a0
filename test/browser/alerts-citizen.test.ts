import { Secret, TOTP } from 'otpauth';
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

async function citizenIn(
  t: TestContext,
  name: string,
  village: string,
  isVerified = true,
): Promise<string> {
  const account = await buildAccount(t.ctx.db, {
    name,
    email: `${name.split(' ')[0]}@example.id`.toLowerCase(),
    isVerified,
  });
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
  cookies.neighbour = await citizenIn(t, 'Sari Wulandari', OTHER, false);
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

/**
 * Opens a page and waits for its live stream: the server registers a stream before its first
 * byte, so once the response arrives, alerts issued afterwards reach it.
 */
async function gotoLive(page: Page, path: string): Promise<void> {
  const stream = page.waitForResponse((response) => response.url().includes('/api/stream'));
  await page.goto(path);
  expect((await stream).status()).toBe(200);
}

/** An officer's alert to the home village (the fields not given are defaults). */
const issue = async (fields: Record<string, unknown>) => {
  const res = await h.t.app.inject({
    method: 'POST',
    url: '/api/alerts',
    headers: { cookie: cookies.officer },
    payload: {
      stationId,
      body: 'Rincian di halaman peringatan.',
      urgency: 'Expected',
      certainty: 'Observed',
      target: { areas: [HOME] },
      ...fields,
    },
  });
  expect(res.statusCode).toBe(201);
};

/** A screenshot of a page other than the harness's own. */
async function shotOf(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: `test-results/browser/alerts-citizen-${name}.png`,
    fullPage: true,
  });
}

describe('live alerts for a citizen', () => {
  it('shows a banner for an alert to the home village, live, and not to a neighbour', async () => {
    const { page, shot } = h;
    onTestFailed(() => shot('failed'));
    await gotoLive(page, '/');
    await gotoLive(neighbourPage, '/');

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

describe('muting and accounts', () => {
  it('keeps muted categories off the banner unless the alert is severe', async () => {
    const { page, shot } = h;
    onTestFailed(() => shot('failed'));
    // The previous test muted "pencurian" on this device.
    await gotoLive(page, '/');
    await issue({ title: 'Maling jemuran', category: 'pencurian', severity: 'Minor' });
    await issue({ title: 'Perampokan bersenjata', category: 'pencurian', severity: 'Severe' });
    // Events arrive in order: once the severe one shows, the muted one has been skipped.
    await page.getByRole('alert').filter({ hasText: 'Perampokan bersenjata' }).waitFor();
    // Muting keeps it off the banners; the lists still name every active alert.
    expect(await page.getByRole('alert').filter({ hasText: 'Maling jemuran' }).count()).toBe(0);
    await shot('05-severe-banner');
  });

  it('still shows the active alerts for my village on home after a reload', async () => {
    const { page, shot } = h;
    onTestFailed(() => shot('failed'));
    await page.goto('/');
    await page.reload();
    // No banner: this tab received nothing live since the reload.
    const section = page.getByRole('region', { name: 'Peringatan aktif di wilayah Anda' });
    const severe = section.locator('.alert-card', { hasText: 'Perampokan bersenjata' });
    await severe.waitFor();
    expect(await severe.getByText('Berbahaya').count()).toBe(1);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await severe.getByRole('link').getAttribute('href')).toMatch(/^\/peringatan\//);
    await shot('05b-home-after-reload');
  });

  it('verifies an account with an emailed code, refusing a wrong one', async () => {
    const page = neighbourPage;
    onTestFailed(() => shotOf(page, 'failed-account'));
    await page.goto('/akun');
    await page.getByText('Akun Anda belum terverifikasi.').waitFor();
    await page.getByRole('button', { name: 'Kirim kode' }).click();
    await page.getByLabel('Kode 6 angka').waitFor();
    const outbox = await h.t.app.inject({ url: '/api/dev/outbox?to=sari@example.id' });
    const code = /\b(\d{6})\b/.exec(outbox.json().messages[0].body as string)?.[1] ?? '';
    const wrong = code === '000000' ? '111111' : '000000';
    await page.getByLabel('Kode 6 angka').fill(wrong);
    await page.getByRole('button', { name: 'Konfirmasi' }).click();
    await page.locator('#f-code-error').waitFor();
    await page.getByLabel('Kode 6 angka').fill(code);
    await page.getByRole('button', { name: 'Konfirmasi' }).click();
    await page.getByText('Akun Anda sudah terverifikasi.').waitFor();
    await shotOf(page, '06-account');
  });

  it('lets an officer turn on two-step verification from the secret shown as text', async () => {
    const page = neighbourPage;
    onTestFailed(() => shotOf(page, 'failed-totp'));
    await logIn(page, cookies.officer, new URL(page.url()).origin);
    await page.goto('/akun');
    await page.getByText('Verifikasi dua langkah belum aktif.').waitFor();
    await page.getByRole('button', { name: 'Siapkan verifikasi dua langkah' }).click();
    const secret = (await page.locator('code').textContent()) ?? '';
    expect(await page.getByRole('link', { name: /^otpauth:\/\/totp\// }).count()).toBe(1);
    await shotOf(page, '07-totp');
    const code = TOTP.generate({
      secret: Secret.fromBase32(secret),
      timestamp: h.t.ctx.clock.now().getTime(),
    });
    await page.getByLabel('Kode 6 angka').fill(code);
    await page.getByRole('button', { name: 'Aktifkan' }).click();
    await page.getByText('Verifikasi dua langkah aktif.').waitFor();
  });
});
