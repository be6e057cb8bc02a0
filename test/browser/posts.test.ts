import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { TestContext } from '../helpers/context.js';
import {
  buildAccount,
  buildStation,
  grantRole,
  sessionCookie,
  TEST_PASSWORD,
} from '../helpers/factories.js';
import { multipartBody, phonePhoto } from '../helpers/media-files.js';
import { openHarness, type Harness } from './harness.js';

const OFFICER_EMAIL = 'sari@polri.example.id';
const EDITOR_EMAIL = 'rudi@polri.example.id';

/**
 * From the OWASP XSS filter evasion cheat sheet, each made to set `window.__xss` (or open a
 * dialog) if it ever ran.
 */
const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=2">',
  '<svg/onload=window.__xss=3>',
  '<IMG SRC="javascript:window.__xss=4;">',
  '<IMG SRC=JaVaScRiPt:window.__xss=5>',
  '<a href="jav&#x09;ascript:window.__xss=6">tab</a>',
  '<iframe src="javascript:window.__xss=7"></iframe>',
  '<body onload=window.__xss=8>',
  '<div style="background-image: url(javascript:window.__xss=9)">x</div>',
  '"><script>window.__xss=10</script>',
  '<<SCRIPT>window.__xss=11//<</SCRIPT>',
  '<INPUT TYPE="IMAGE" SRC="javascript:window.__xss=12;">',
  '<details open ontoggle=window.__xss=13>',
  '[klik](javascript:window.__xss=14)',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=15>',
  '<object data="javascript:window.__xss=16"></object>',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=17">',
  '<IMG """><SCRIPT>window.__xss=18</SCRIPT>">',
  '<img src=x onerror=&#x61;&#x6C;&#x65;&#x72;&#x74;(19)>',
  '<a href="javascript&colon;window.__xss=20">colon</a>',
];
const XSS_TITLE = 'Awas <img src=x onerror="window.__xss=30"><script>window.__xss=31</script>';
const XSS_TAG = '<svg onload=window.__xss=32>';
const XSS_TEXT = '"><img src=x onerror="window.__xss=33"><svg/onload=alert(34)>';

let h: Harness;
let xssPostId = '';

async function seed(t: TestContext): Promise<void> {
  const station = await buildStation(t.ctx.db, {
    slug: 'polres-malang',
    name: 'Polres Malang Kota',
    level: 'polres',
  });
  const officer = await buildAccount(t.ctx.db, { name: 'Bripka Sari', email: OFFICER_EMAIL });
  await grantRole(t.ctx.db, officer.id, station.id, 'officer');
  const editor = await buildAccount(t.ctx.db, { name: 'AKP Rudi', email: EDITOR_EMAIL });
  await grantRole(t.ctx.db, editor.id, station.id, 'editor');
  const cookie = await sessionCookie(t, editor.id);
  const inject = async (method: 'POST', url: string, payload: object) => {
    const response = await t.app.inject({ method, url, headers: { cookie }, payload });
    if (response.statusCode >= 300) throw new Error(`${url}: ${response.body}`);
    return response.json<{ id: string }>();
  };
  const publish = async (title: string, body: string, tags: string[]) => {
    const post = await inject('POST', '/api/posts', {
      stationId: station.id,
      kind: 'tips',
      title,
      body,
      tags,
    });
    await inject('POST', `/api/posts/${post.id}/publish`, {});
    return post.id;
  };
  await publish(
    'Marak pencurian motor di parkiran pasar',
    'Pasang **kunci ganda** dan parkir di tempat terang. Laporkan ke 110.',
    ['curanmor'],
  );
  await publish('Jadwal ronda bersama warga', 'Ronda dimulai pukul 22.00 di pos RW.', ['ronda']);
  const xss = await inject('POST', '/api/posts', {
    stationId: station.id,
    kind: 'edukasi',
    title: XSS_TITLE,
    body: PAYLOADS.join('\n\n'),
    tags: [XSS_TAG],
  });
  xssPostId = xss.id;
  const form = await multipartBody(
    [{ field: 'image', name: 'foto.jpg', bytes: await phonePhoto(640, 400) }],
    { alt: XSS_TEXT, caption: XSS_TEXT },
  );
  const uploaded = await t.app.inject({
    method: 'POST',
    url: `/api/posts/${xss.id}/images`,
    headers: { ...form.headers, cookie },
    payload: form.payload,
  });
  if (uploaded.statusCode !== 200) throw new Error(`upload: ${uploaded.body}`);
  await inject('POST', `/api/posts/${xss.id}/publish`, {});
}

/** A flag any payload would set, and any dialog it would open. */
async function armXssTrap(page: Page): Promise<string[]> {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    (window as unknown as { __xss: unknown }).__xss = 0;
  });
  return dialogs;
}

async function expectNoXss(page: Page, dialogs: string[]): Promise<void> {
  // Give lazy images and event handlers the chance to fire.
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __xss: unknown }).__xss)).toBe(0);
  expect(dialogs).toEqual([]);
  const dangerous = await page.evaluate(
    () =>
      [...document.querySelectorAll('main *')].filter(
        (el) =>
          ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName) ||
          [...el.attributes].some((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)),
      ).length,
  );
  expect(dangerous).toBe(0);
}

async function logIn(page: Page, email: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto('/masuk');
  await page.getByLabel('Email atau nomor HP').fill(email);
  await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('heading', { name: 'Konsol petugas', level: 1 }).waitFor();
}

beforeAll(async () => {
  h = await openHarness('posts', seed);
});
afterAll(async () => {
  await h?.close();
});

describe('posts in the browser', () => {
  it('lets a citizen filter and search the feed as they type, and read a post', async () => {
    const { page, shot } = h;
    onTestFailed(() => shot('failed-citizen'));
    await page.goto('/kabar');
    await page.getByRole('heading', { name: 'Kabar dari polisi', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Jadwal ronda bersama warga' }).waitFor();
    await shot('01-feed');
    await page.getByLabel('Cari kabar').fill('dicuri');
    await page
      .getByText('Tidak ada kabar', { exact: false })
      .or(page.locator('.post-card'))
      .first()
      .waitFor();
    await expect
      .poll(() => page.locator('.post-card-title').allTextContents())
      .toEqual(['Marak pencurian motor di parkiran pasar']);
    await shot('02-search');
    await page.getByLabel('Cari kabar').fill('');
    await page.getByLabel('Jenis').selectOption('edukasi');
    await expect.poll(() => page.locator('.post-card').count()).toBe(1);
    await page.getByLabel('Jenis').selectOption('');
    await page.getByRole('link', { name: 'Marak pencurian motor di parkiran pasar' }).click();
    await page
      .getByRole('heading', { name: 'Marak pencurian motor di parkiran pasar', level: 1 })
      .waitFor();
    await page.locator('.post-body strong', { hasText: 'kunci ganda' }).waitFor();
    await page.getByRole('link', { name: 'WhatsApp' }).waitFor();
    await page.getByRole('button', { name: 'Salin tautan' }).waitFor();
    await shot('03-post');
    // The home page: national posts after the alerts.
    await page.goto('/');
    await page.getByRole('heading', { name: 'Kabar nasional' }).waitFor();
    await page.locator('.home-posts .post-card').first().waitFor();
    await shot('07-home');
  });

  it('runs none of the OWASP payloads on the share page or the post page', async () => {
    const { page, shot } = h;
    onTestFailed(() => shot('failed-xss'));
    const dialogs = await armXssTrap(page);
    // The share page as a link preview fetches it, then as the app takes it over.
    await page.goto(`/p/${xssPostId}`);
    await page.locator('.post-body').first().waitFor();
    await page.getByRole('link', { name: 'WhatsApp' }).waitFor();
    await expectNoXss(page, dialogs);
    await shot('04-xss-share-page');
    // The post page reached inside the app (client-side rendering of the same data).
    await page.goto('/kabar');
    await page.locator('.post-card-title', { hasText: 'Awas' }).click();
    await page.locator('.post-page h1', { hasText: 'Awas' }).waitFor();
    await expectNoXss(page, dialogs);
  });

  it('lets an officer compose with a live preview, add an image and send it for review', async () => {
    const { page, shot } = h;
    onTestFailed(() => shot('failed-officer'));
    const dialogs = await armXssTrap(page);
    await logIn(page, OFFICER_EMAIL);
    await page.goto('/konsol/kabar');
    await page.getByRole('button', { name: 'Tulis kabar baru' }).click();
    await page.getByLabel('Judul').fill('Operasi Zebra mulai Senin');
    await page
      .getByLabel('Isi (Markdown)')
      .fill(`Tertib **berlalu lintas**.\n\n${PAYLOADS.join('\n\n')}`);
    await page.locator('.post-preview strong', { hasText: 'berlalu lintas' }).waitFor();
    await expectNoXss(page, dialogs);
    await page.getByRole('button', { name: 'Simpan draf' }).click();
    await page.getByText('Tersimpan.').waitFor();
    await page.getByLabel('Berkas gambar').setInputFiles({
      name: 'razia.jpg',
      mimeType: 'image/jpeg',
      buffer: await phonePhoto(800, 500),
    });
    await page.getByLabel('Teks alternatif (wajib)').fill('Petugas mengatur lalu lintas');
    await page.getByRole('button', { name: 'Unggah gambar' }).click();
    await page.locator('.post-thumbs img[alt="Petugas mengatur lalu lintas"]').waitFor();
    await shot('05-compose');
    const item = page.locator('.post-queue-item', { hasText: 'Operasi Zebra mulai Senin' });
    await expect(item.getByRole('button', { name: 'Terbitkan sekarang' }).count()).resolves.toBe(0);
    await item.getByRole('button', { name: 'Kirim untuk ditinjau' }).click();
    await item.getByText('Menunggu tinjauan').waitFor();
  });

  it('lets an editor review, schedule in WIB and see the reach figures', async () => {
    const { page, shot } = h;
    onTestFailed(() => shot('failed-editor'));
    await logIn(page, EDITOR_EMAIL);
    await page.goto('/konsol/kabar');
    await page.getByRole('tab', { name: 'Menunggu tinjauan' }).click();
    const item = page.locator('.post-queue-item', { hasText: 'Operasi Zebra mulai Senin' });
    await item.getByRole('button', { name: 'Setujui' }).click();
    // Approved, it leaves the review queue.
    await expect.poll(() => item.count()).toBe(0);
    await page.getByRole('tab', { name: 'Semua' }).click();
    const approved = page.locator('.post-queue-item', { hasText: 'Operasi Zebra mulai Senin' });
    await approved.getByText('Disetujui').waitFor();
    await approved.getByLabel('Waktu terbit (WIB)').fill('2030-01-07T08:00');
    await approved.getByRole('button', { name: 'Jadwalkan' }).click();
    await approved.getByText('Terjadwal').waitFor();
    await page.locator('.reach-chart').waitFor();
    await page.locator('.reach-table').waitFor();
    await shot('06-editor');
    const scheduled = await h.t.ctx.db
      .selectFrom('post')
      .select(['status', 'publishAt'])
      .where('title', '=', 'Operasi Zebra mulai Senin')
      .executeTakeFirstOrThrow();
    // 08:00 WIB is 01:00 UTC.
    expect(scheduled).toEqual({ status: 'scheduled', publishAt: '2030-01-07T01:00:00.000Z' });
  });
});
