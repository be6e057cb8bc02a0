import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { TestContext } from '../helpers/context.js';
import {
  buildAccount,
  buildAreas,
  buildStation,
  grantRole,
  sessionCookie,
  TEST_PASSWORD,
} from '../helpers/factories.js';
import { phonePhoto } from '../helpers/media-files.js';
import { openHarness, type Harness } from './harness.js';

const OFFICER_EMAIL = 'joko@polri.example.id';
const CITIZEN_EMAIL = 'sari@warga.example.id';
const ALERT_TITLE = 'Begal motor di Ardimulyo';
/** Where the screenshots are also kept for a person to look at. */
const SHOTS = '/tmp/shots/reports';
let h: Harness;
let alertId = '';
let photo: Buffer;
/** The first test's report, followed by the officer and the tipster after it. */
let code = '';
let secret = '';

async function seed(t: TestContext): Promise<void> {
  await buildAreas(t.ctx.db, [
    { code: '35', name: 'Jawa Timur' },
    { code: '35.07', name: 'Kabupaten Malang' },
    { code: '35.07.19', name: 'Singosari' },
    { code: '35.07.19.2001', name: 'Ardimulyo' },
  ]);
  const station = await buildStation(t.ctx.db, {
    slug: 'polsek-singosari',
    name: 'Polsek Singosari',
    level: 'polda',
    areaCodes: ['35.07.19'],
  });
  const officer = await buildAccount(t.ctx.db, { name: 'Aiptu Joko', email: OFFICER_EMAIL });
  await grantRole(t.ctx.db, officer.id, station.id, 'officer');
  await buildAccount(t.ctx.db, { name: 'Sari Wulandari', email: CITIZEN_EMAIL });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/alerts',
    headers: { cookie: await sessionCookie(t, officer.id) },
    payload: {
      stationId: station.id,
      title: ALERT_TITLE,
      body: 'Dua orang berboncengan merampas motor warga di jalan desa malam hari.',
      category: 'begal',
      severity: 'Severe',
      urgency: 'Immediate',
      certainty: 'Observed',
      target: { areas: ['35.07.19.2001'] },
    },
  });
  if (res.statusCode !== 201) throw new Error(`seed alert: ${res.body}`);
  alertId = res.json<{ id: string }>().id;
}

beforeAll(async () => {
  photo = await phonePhoto();
  h = await openHarness('report', seed);
  fs.mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await h?.close();
});

const shot = async (name: string) => {
  await h.shot(name);
  await h.page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
};
const reportCount = async () =>
  (await h.t.ctx.db.selectFrom('report').select('id').execute()).length;
const photoFile = () => ({ name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: photo });

async function chooseArdimulyo(): Promise<void> {
  await h.page.getByLabel('Di mana kejadiannya?').fill('ardimul');
  await h.page.getByRole('button', { name: /^Ardimulyo, Singosari/ }).click();
  await h.page.locator('.report-context', { hasText: 'Ardimulyo, Singosari' }).waitFor();
}

describe('citizen reports', () => {
  it('reports anonymously with a photo, keeps the code, and tracks it', async () => {
    const { page } = h;
    onTestFailed(() => shot('failed'));

    await page.goto(`/lapor?alert=${alertId}`);
    await page.getByRole('heading', { name: 'Laporkan hal mencurigakan' }).waitFor();
    await page.getByText(ALERT_TITLE).waitFor();
    // The alert's category is preselected; anonymity is the default, explained in plain words.
    await expect.poll(() => page.getByRole('radio', { name: 'Begal' }).isChecked()).toBe(true);
    await page.getByText('Aktivitas mencurigakan').click();
    expect(await page.getByRole('radio', { name: 'Aktivitas mencurigakan' }).isChecked()).toBe(
      true,
    );
    expect(await page.getByRole('switch', { name: 'Kirim tanpa nama' }).isChecked()).toBe(true);
    await page.getByText('Identitas Anda tidak disimpan').waitFor();
    await page.context().grantPermissions(['geolocation']);
    await page.context().setGeolocation({ latitude: -7.8925, longitude: 112.665, accuracy: 35 });
    await page.getByRole('button', { name: 'Gunakan lokasi saya' }).click();
    await page.getByTestId('report-position').getByText('(±35 m)').waitFor();
    await page.getByLabel('Pilih dari galeri').setInputFiles(photoFile());
    await page.getByRole('img', { name: 'Foto 1' }).waitFor();
    // Too short: refused under the field before anything is sent.
    await page.getByLabel('Apa yang terjadi?').fill('Motor');
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.locator('.field-error').first().waitFor();
    expect(await reportCount()).toBe(0);
    await page
      .getByLabel('Apa yang terjadi?')
      .fill('Motor tanpa pelat berputar-putar di depan masjid sejak pukul 22.00.');
    await shot('01-form');
    await page.getByRole('button', { name: 'Kirim laporan' }).click();

    const codeBox = page.getByTestId('tracking-code');
    await codeBox.waitFor();
    code = (await codeBox.textContent()) ?? '';
    secret = (await page.getByTestId('tracking-secret').textContent()) ?? '';
    expect(code).toMatch(/^SGA-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await page.getByText('Laporan Anda diterima oleh Polsek Singosari.').waitFor();
    await page.getByRole('button', { name: 'Salin kata sandi' }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Simpan sebagai gambar' }).click();
    expect((await download).suggestedFilename()).toBe(`siaga-${code}.png`);
    await shot('02-sent');

    await page.getByRole('link', { name: 'Lacak laporan' }).click();
    const thread = page.getByRole('article', { name: code });
    await thread.getByRole('status').getByText('Diterima').waitFor();
    const img = thread.getByRole('img', { name: 'Foto 1' });
    await expect
      .poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
    await shot('03-tracked');
  });

  it('keeps a tracked report offline for the holder of its secret only', async () => {
    const { page } = h;
    onTestFailed(() => shot('failed-offline-tracking'));
    await page.goto('/lapor/lacak');
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
    const track = (withSecret: string) =>
      page.evaluate(
        async ([trackingCode, header]) => {
          const response = await fetch(`/api/reports/track/${trackingCode}`, {
            headers: { 'x-tracking-secret': header! },
          });
          const body = (await response.json()) as {
            trackingCode?: string;
            error?: { code: string };
          };
          return body.trackingCode ?? body.error?.code;
        },
        [code, withSecret],
      );
    expect(await track(secret)).toBe(code);
    await page.context().setOffline(true);
    try {
      // The worker's copy answers the secret it was read with, and nobody else on this phone.
      expect(await track(secret)).toBe(code);
      expect(await track('bukan-kata-sandinya')).toBe('web.offline');
    } finally {
      await page.context().setOffline(false);
    }
  });

  it('lets an officer work the report and the tipster answer the reply', async () => {
    const { page } = h;
    onTestFailed(() => shot('failed-console'));
    await page.goto('/masuk');
    await page.getByLabel('Email atau nomor HP').fill(OFFICER_EMAIL);
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Konsol petugas', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Laporan warga' }).click();
    await page.getByRole('button', { name: 'Diterima (1)' }).waitFor();
    const card = page.locator('.report-card', { hasText: code });
    await card.getByText('Belum dijawab').waitFor();
    await card.getByText('1 foto').waitFor();
    await shot('07-console-queue');
    await card.getByRole('link').click();

    const detail = page.getByRole('article', { name: code });
    await detail.getByText('Motor tanpa pelat').waitFor();
    await detail.getByText(`Terkait peringatan: ${ALERT_TITLE}`).waitFor();
    await detail.locator('.report-identity').getByText('Anonim').waitFor();
    await detail.locator('.report-map .leaflet-container').waitFor();
    const img = detail.getByRole('img', { name: 'Foto 1' });
    await expect
      .poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
    // Rejecting needs a reason, asked for before anything is sent.
    await detail.getByLabel('Ubah status').selectOption('ditolak');
    await detail.getByRole('button', { name: 'Simpan', exact: true }).click();
    await detail.getByLabel('Alasan penolakan').waitFor();
    await detail.locator('.field-error').first().waitFor();
    await detail.getByLabel('Ubah status').selectOption('diverifikasi');
    await detail.getByRole('button', { name: 'Simpan', exact: true }).click();
    await detail.getByTestId('report-status').getByText('Diverifikasi').waitFor();
    await detail.getByRole('button', { name: 'Tugaskan ke saya' }).click();
    await detail.getByText('Ditugaskan ke Aiptu Joko').waitFor();
    await detail
      .getByLabel('Balasan untuk pelapor')
      .fill('Terima kasih, patroli malam sudah dikirim.');
    await detail.getByRole('button', { name: 'Kirim balasan' }).click();
    await detail.locator('.report-messages').getByText('patroli malam sudah dikirim').waitFor();
    await detail.getByLabel('Catatan internal baru').fill('Cocok dengan laporan begal pekan lalu.');
    await detail.getByRole('button', { name: 'Simpan catatan' }).click();
    await detail.locator('.report-notes').getByText('Cocok dengan laporan begal').waitFor();
    await shot('08-console-detail');

    // The tipster, with only the code and secret, sees the reply (never the note) and answers.
    await page.context().clearCookies();
    await page.goto('/lapor/lacak');
    await page.evaluate(() => indexedDB.deleteDatabase('siaga-reports'));
    await page.goto(`/lapor/lacak?kode=${code.toLowerCase()}`);
    await page.getByLabel('Kata sandi rahasia').fill(secret);
    await page.getByRole('button', { name: 'Lacak', exact: true }).click();
    const thread = page.getByRole('article', { name: code });
    await thread.getByRole('status').getByText('Diverifikasi').waitFor();
    await thread.getByText('patroli malam sudah dikirim').waitFor();
    expect(await page.getByText('Cocok dengan laporan begal').count()).toBe(0);
    await page.getByLabel('Tambahkan informasi').fill('Motornya Honda Beat hitam, tanpa pelat.');
    await page.getByRole('button', { name: 'Kirim pesan' }).click();
    await thread.getByText('Honda Beat hitam').waitFor();
    await shot('09-tipster-reply');
    const events = await h.t.ctx.db.selectFrom('report_event').select('body').execute();
    expect(events.map((e) => e.body)).toContain('Motornya Honda Beat hitam, tanpa pelat.');
  });

  it('offers the place a photo was taken when no place is given', async () => {
    const { page } = h;
    onTestFailed(() => shot('failed-photo-place'));
    await page.goto('/lapor');
    await page.getByText('Pencurian').click();
    await page.getByLabel('Pilih dari galeri').setInputFiles(photoFile());
    await page.getByLabel('Apa yang terjadi?').fill('Helm dicuri dari motor di parkiran pasar.');
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.getByText('Foto Anda menyimpan tempat pengambilannya').waitFor();
    await page.getByText('Pilih wilayah atau bagikan lokasi Anda').waitFor();
    await shot('04-photo-place');
    await page.getByRole('button', { name: 'Pakai tempat foto' }).click();
    await page.getByTestId('report-position').getByText('-6.20833').waitFor();
  });

  it('keeps a report written offline, with its photo, and sends it once back online', async () => {
    const { page } = h;
    onTestFailed(() => shot('failed-offline'));
    await page.goto('/lapor');
    await chooseArdimulyo();
    const before = await reportCount();
    await page.context().setOffline(true);
    await page.getByText('Pencurian').click();
    await page.getByLabel('Pilih dari galeri').setInputFiles(photoFile());
    await page
      .getByLabel('Apa yang terjadi?')
      .fill('Ada orang asing memotret rumah-rumah warga di gang buntu.');
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.getByRole('status').getByText('Menunggu sinyal').waitFor();
    await shot('05-queued');
    // The worker runs the page and holds the Background Sync; the page's `online` flush backs it.
    expect(
      await page.evaluate(async () => ({
        controlled: Boolean(navigator.serviceWorker.controller),
        sync: 'sync' in ((await navigator.serviceWorker.getRegistration()) ?? {}),
      })),
    ).toEqual({ controlled: true, sync: true });
    // "Waiting", never "sent", until it is.
    expect(await page.getByTestId('tracking-code').count()).toBe(0);
    expect(await reportCount()).toBe(before);

    await page.context().setOffline(false);
    await expect.poll(reportCount, { timeout: 15_000 }).toBe(before + 1);
    await page.getByTestId('tracking-code').waitFor();
    await shot('06-sent-after-online');
    // The photo went with it, and neither the worker nor the page sent it twice.
    await page.waitForTimeout(1500);
    const rows = await h.t.ctx.db
      .selectFrom('report')
      .select(['id', 'description'])
      .where('description', 'like', 'Ada orang asing%')
      .execute();
    expect(rows).toHaveLength(1);
    const photos = await h.t.ctx.db
      .selectFrom('report_photo')
      .select('mediaId')
      .where('reportId', '=', rows[0]!.id)
      .execute();
    expect(photos).toHaveLength(1);
    await page.goto('/lapor/lacak');
    await page.locator('.report-device-list a', { hasText: /^SGA-/ }).first().waitFor();
    expect(await page.locator('.report-device-list .tag-waiting').count()).toBe(0);
  });

  it('moves a queue left in localStorage by an older version into the outbox and sends it', async () => {
    const { page } = h;
    onTestFailed(() => shot('failed-legacy'));
    await page.goto('/lapor/lacak');
    const before = await reportCount();
    await page.evaluate(() => {
      localStorage.setItem(
        'siaga.reports.queue',
        JSON.stringify([
          {
            description: 'Lampu jalan di perempatan mati sejak tiga hari, rawan begal.',
            anonymous: true,
            areaCode: '35.07.19.2001',
            idempotencyKey: 'legacy-queue-entry-0001',
          },
        ]),
      );
    });
    // The next open of the app sends it.
    await page.reload();
    await expect.poll(reportCount, { timeout: 15_000 }).toBe(before + 1);
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('siaga.reports.queue')))
      .toBeNull();
    const sent = await h.t.ctx.db
      .selectFrom('report')
      .select('id')
      .where('description', 'like', 'Lampu jalan%')
      .execute();
    expect(sent).toHaveLength(1);
  });

  it('shows a signed-in citizen their named reports, in both languages', async () => {
    const { page } = h;
    onTestFailed(() => shot('failed-mine'));
    await page.context().clearCookies();
    await page.goto('/masuk');
    await page.getByLabel('Email atau nomor HP').fill(CITIZEN_EMAIL);
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/masuk'));
    await page.goto('/lapor');
    await chooseArdimulyo();
    await page.getByText('Penipuan').click();
    await page.getByRole('switch', { name: 'Kirim tanpa nama' }).uncheck();
    await page.getByText('Nama akun Anda terlihat oleh petugas').waitFor();
    await page
      .getByLabel('Apa yang terjadi?')
      .fill('Ada yang menelepon mengaku petugas bank dan meminta kode OTP.');
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    const mineCode = (await page.getByTestId('tracking-code').textContent()) ?? '';
    await page.goto('/lapor/saya');
    await page.getByRole('heading', { name: 'Laporan saya' }).waitFor();
    await page.getByRole('article', { name: mineCode }).getByText('meminta kode OTP').waitFor();
    await shot('10-mine');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'My reports' }).waitFor();
    await page
      .getByRole('article', { name: mineCode })
      .getByRole('status')
      .getByText('Received')
      .waitFor();
    await page.goto('/lapor');
    await page.getByRole('heading', { name: 'Report something suspicious' }).waitFor();
    await page.getByRole('radio', { name: 'Theft' }).waitFor();
    await page.getByText('Take a photo').waitFor();
    await shot('11-form-english');
    expect(await page.locator('main').innerText()).not.toContain('reports.');
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.getByRole('heading', { name: 'Laporkan hal mencurigakan' }).waitFor();
  });
});
