import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/context.js';

const SHOTS = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'browser');
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Harness {
  t: TestContext;
  page: Page;
  /** Saves a full-page screenshot to test-results/browser/<prefix>-<name>.png. */
  shot: (name: string) => Promise<void>;
  close: () => Promise<void>;
}

/**
 * The real server on a random port (seeded by `seed`) and a fresh chromium profile with the
 * viewport of a cheap 360-px Android phone.
 */
export async function openHarness(
  prefix: string,
  seed: (t: TestContext) => Promise<void>,
): Promise<Harness> {
  const t = await createTestContext();
  await seed(t);
  const baseURL = await t.app.listen({ port: 0, host: '127.0.0.1' });
  fs.mkdirSync(SHOTS, { recursive: true });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaga-chromium-'));
  let browser: BrowserContext;
  try {
    browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      viewport: { width: 360, height: 740 },
      baseURL,
    });
  } catch (error) {
    await t.close();
    throw error;
  }
  const page = browser.pages()[0] ?? (await browser.newPage());
  return {
    t,
    page,
    async shot(name) {
      await page.screenshot({ path: path.join(SHOTS, `${prefix}-${name}.png`), fullPage: true });
    },
    async close() {
      await browser.close();
      await t.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The bottom bar (the main navigation), in either language. */
export const mainNav = (page: Page) =>
  page.getByRole('navigation', { name: /Menu utama|Main menu/ });

/** The header's account links (log in, register, my areas, console, log out). */
export const accountNav = (page: Page) =>
  page.getByRole('navigation', { name: /^(Akun|Account)$/ });
