import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { TestContext } from '../helpers/context.js';
import { buildAccount, buildStation, grantRole, TEST_PASSWORD } from '../helpers/factories.js';
import { sessionCookie } from '../helpers/factories.js';
import { hoaxPicture, inChatFrame } from '../helpers/hoax-images.js';
import { minimalPdf, multipartBody } from '../helpers/media-files.js';
import { openHarness, type Harness } from './harness.js';

const SHOTS = '/tmp/shots/factcheck';
const EDITOR_EMAIL = 'rudi@polri.example.id';
let h: Harness;

async function seed(t: TestContext): Promise<void> {
  const station = await buildStation(t.ctx.db, {
    slug: 'polres-malang',
    name: 'Polres Malang Kota',
    level: 'polres',
  });
  const editor = await buildAccount(t.ctx.db, { name: 'AKP Rudi', email: EDITOR_EMAIL });
  await grantRole(t.ctx.db, editor.id, station.id, 'editor');
  const cookie = await sessionCookie(t, editor.id);
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/clarifications',
    headers: { cookie },
    payload: {
      stationId: station.id,
      title: 'Penculikan anak dengan mobil ambulans di Malang tidak benar',
      claim: 'Ada penculikan anak memakai mobil ambulans di Malang, pelaku menyamar petugas',
      verdict: 'HOAKS',
      explanation: 'Polres **tidak menerima** laporan penculikan dengan ambulans.',
    },
  });
  const id = created.json<{ id: string }>().id;
  await t.app.inject({
    method: 'POST',
    url: `/api/clarifications/${id}/publish`,
    headers: { cookie },
  });
  // The picture as it circulates, for the check by picture.
  const form = await multipartBody([
    { field: 'image', name: 'hoaks.jpg', bytes: await hoaxPicture(1) },
  ]);
  const image = await t.app.inject({
    method: 'POST',
    url: `/api/clarifications/${id}/images`,
    headers: { ...form.headers, cookie },
    payload: form.payload,
  });
  if (image.statusCode !== 201) throw new Error(`example image: ${image.body}`);
}

/** What Android's share sheet does with "Bagikan → Siaga": a multipart POST to the manifest's action. */
async function shareToSiaga(page: Page, item: { text?: string; image?: Buffer }): Promise<void> {
  await page.evaluate((text) => {
    const form = document.createElement('form');
    form.method = 'POST';
    form.action = '/cek/bagikan';
    form.enctype = 'multipart/form-data';
    form.id = 'share-sheet';
    form.innerHTML = '<textarea name="text"></textarea><input type="file" name="image">';
    form.querySelector('textarea')!.value = text;
    document.body.append(form);
  }, item.text ?? '');
  if (item.image) {
    await page.setInputFiles('#share-sheet input[type=file]', {
      name: 'IMG-20261203-WA0007.jpg',
      mimeType: 'image/jpeg',
      buffer: item.image,
    });
  }
  await Promise.all([
    page.waitForURL(/\/cek\?shared/),
    page.evaluate(() => (document.getElementById('share-sheet') as HTMLFormElement).submit()),
  ]);
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  h = await openHarness('factcheck', seed);
});
afterAll(async () => {
  await h?.close();
});

describe('hoax check in the browser', () => {
  it('answers a forwarded hoax, takes an unknown text as a tip, and the tracking page shows the answer', async () => {
    const { page } = h;
    onTestFailed(async () => {
      await shot(page, 'failed');
    });
    await page.goto('/cek');
    await page
      .getByLabel('Isi pesan')
      .fill(
        '*Diteruskan berkali-kali* WASPADA!!! ada penculikan anak pakai mobil ambulans di malang, pelakunya nyamar jd petugas 😱😱 SEBARKAN',
      );
    await page.getByRole('button', { name: 'Cek', exact: true }).click();
    await page.locator('.factcheck-answer .verdict-stamp', { hasText: 'HOAKS' }).waitFor();
    await page.locator('.factcheck-explanation strong', { hasText: 'tidak menerima' }).waitFor();
    await page.getByRole('link', { name: 'Bagikan ke WhatsApp' }).waitFor();
    await shot(page, '01-hoax-answer');

    await page
      .getByLabel('Isi pesan')
      .fill('Benarkah besok ada pemadaman listrik total se-Kota Malang selama tiga hari?');
    await page.getByRole('button', { name: 'Cek', exact: true }).click();
    await page.getByRole('heading', { name: 'Belum ada jawaban untuk pesan ini' }).waitFor();
    await page.getByLabel('Kantor polisi').selectOption({ label: 'Polres Malang Kota' });
    await shot(page, '02-no-answer');
    await page.getByRole('button', { name: 'Kirim ke polisi' }).click();
    const code = (await page.locator('.tracking-code').textContent()) ?? '';
    expect(code).toMatch(/^SGA-/);
    await shot(page, '03-tip-sent');

    // The editor answers from the group in the console.
    await page.goto('/masuk');
    await page.getByLabel('Email atau nomor HP').fill(EDITOR_EMAIL);
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Konsol petugas', level: 1 }).waitFor();
    await page.goto('/konsol/hoaks');
    await page.locator('.tip-count', { hasText: '1 orang bertanya' }).waitFor();
    await shot(page, '04-queue');
    await page.getByRole('button', { name: 'Tulis klarifikasi' }).click();
    await page
      .getByLabel('Judul')
      .fill('Pemadaman listrik total tiga hari di Kota Malang tidak benar');
    await page.getByLabel('Label').selectOption('HOAKS');
    await page.getByLabel('Penjelasan (Markdown)').fill('PLN tidak menjadwalkan pemadaman total.');
    await page.locator('.markup-preview', { hasText: 'ClaimReview' }).waitFor();
    await shot(page, '05-editor');
    await page.getByRole('button', { name: 'Simpan draf' }).click();
    await page.getByRole('button', { name: 'Terbitkan' }).click();
    await page.getByRole('heading', { name: 'Antrean pertanyaan hoaks' }).waitFor();

    await page.goto(`/cek/lacak/${code}`);
    await page.getByRole('heading', { name: 'Sudah dijawab' }).waitFor();
    await page.getByRole('link', { name: /Pemadaman listrik total/ }).waitFor();
    await shot(page, '06-tracking-answered');
  });

  it('takes a forward and a picture shared from another app, and answers both', async () => {
    const { page } = h;
    onTestFailed(async () => {
      await shot(page, 'failed-share');
    });
    await page.goto('/cek');
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));

    const forward =
      'Diteruskan: ada penculikan anak pakai ambulans di Malang, pelaku nyamar petugas!!';
    await shareToSiaga(page, { text: forward });
    await expect.poll(() => page.getByLabel('Isi pesan').inputValue()).toBe(forward);
    await page.getByRole('button', { name: 'Cek', exact: true }).click();
    await page.locator('.factcheck-answer .verdict-stamp', { hasText: 'HOAKS' }).waitFor();
    await shot(page, '07-shared-text');

    // The picture as a chat screenshot of it: re-encoded, framed, with text around it.
    await shareToSiaga(page, { image: await inChatFrame(await hoaxPicture(1)) });
    await expect.poll(() => page.getByLabel('Isi pesan').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Cek', exact: true }).click();
    await page
      .locator('.factcheck-answer', { hasText: 'Penculikan anak dengan mobil ambulans' })
      .locator('.verdict-stamp', { hasText: 'HOAKS' })
      .waitFor();
    await shot(page, '08-shared-picture');
  });

  // Runs after the flow above, in the same signed-in page: the editor manages what was published.
  it('corrects a published clarification with a public note, adds evidence, then withdraws it', async () => {
    const { page } = h;
    onTestFailed(async () => {
      await shot(page, 'failed-manage');
    });
    await page.goto('/konsol/hoaks');
    await page.getByRole('button', { name: 'Klarifikasi terbit' }).click();
    const item = page.locator('.tip-group', { hasText: 'Penculikan anak dengan mobil ambulans' });
    const id = await item.getAttribute('data-clarification-id');
    expect(id).toBeTruthy();
    await item.getByRole('button', { name: 'Kelola' }).click();

    await page.getByRole('button', { name: 'Koreksi', exact: true }).click();
    await page
      .getByLabel('Penjelasan (Markdown)')
      .fill('Polres **tidak menerima** laporan penculikan dengan ambulans sejak Januari.');
    await page
      .getByLabel('Catatan koreksi (apa yang diubah)')
      .fill('Menambahkan rentang waktu pemeriksaan laporan.');
    await page.getByRole('button', { name: 'Terbitkan koreksi' }).click();
    await page.getByRole('status').filter({ hasText: 'Koreksi diterbitkan' }).waitFor();

    await page.getByLabel('Dokumen bukti (PDF atau gambar)').setInputFiles({
      name: 'surat-klarifikasi.pdf',
      mimeType: 'application/pdf',
      buffer: minimalPdf(),
    });
    await page.getByRole('button', { name: 'Unggah dokumen' }).click();
    await page.getByRole('link', { name: /surat-klarifikasi\.pdf/ }).waitFor();
    await shot(page, '09-manage-corrected');

    await page.goto(`/k/${id}`);
    await page.getByRole('heading', { name: 'Riwayat koreksi' }).waitFor();
    await page.getByText('Menambahkan rentang waktu pemeriksaan laporan.').waitFor();
    await page.getByRole('link', { name: /surat-klarifikasi\.pdf/ }).waitFor();
    await shot(page, '10-public-corrected');

    await page.goto('/konsol/hoaks');
    await page.getByRole('button', { name: 'Klarifikasi terbit' }).click();
    await page
      .locator(`[data-clarification-id="${id}"]`)
      .getByRole('button', { name: 'Kelola' })
      .click();
    await page.getByLabel('Alasan penarikan').fill('Ditemukan laporan baru yang sedang diperiksa.');
    await page.getByRole('button', { name: 'Tarik', exact: true }).click();
    await page.getByRole('button', { name: 'Ya, tarik' }).click();
    await page.getByRole('status').filter({ hasText: 'Klarifikasi ditarik.' }).waitFor();

    await page.goto(`/k/${id}`);
    await page
      .getByText('Klarifikasi ini telah ditarik oleh kantor polisi penerbitnya.')
      .first()
      .waitFor();
    await page.getByText('Ditemukan laporan baru yang sedang diperiksa.').first().waitFor();
    await shot(page, '11-public-withdrawn');
  });
});
