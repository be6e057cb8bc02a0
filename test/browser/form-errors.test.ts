import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { openHarness, type Harness } from './harness.js';

let h: Harness;
const sent: string[] = [];

beforeAll(async () => {
  h = await openHarness('form-errors', () => Promise.resolve());
  h.page.on('request', (request) => {
    if (request.method() === 'POST') sent.push(new URL(request.url()).pathname);
  });
});

afterAll(async () => {
  await h?.close();
});

describe('form errors on a small phone', () => {
  it('checks the registration before sending: a message under each field, hints kept', async () => {
    const { page, shot } = h;
    onTestFailed(() => shot('failed'));
    await page.goto('/daftar');
    await page.getByLabel('Email atau nomor HP').fill('0812');
    await page.getByRole('button', { name: 'Daftar' }).click();
    await page.locator('#f-contact-error').waitFor();
    await shot('01-register-checked');

    expect(await page.locator('#f-contact-error').textContent()).toBe('Minimal 6 karakter.');
    expect(await page.locator('#f-name-error').textContent()).toBe('Wajib diisi.');
    expect(await page.locator('#f-password-error').textContent()).toBe('Wajib diisi.');
    // The hints still say what each field wants.
    expect(await page.locator('#f-contact-hint').isVisible()).toBe(true);
    expect(await page.locator('#f-password-hint').isVisible()).toBe(true);
    expect(sent).not.toContain('/api/auth/register');
  });
});
