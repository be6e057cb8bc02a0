import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ContestView } from '../../src/common/api/contests.js';
import type { TestContext } from '../helpers/context.js';
import {
  buildAccount,
  buildStation,
  grantRole,
  sessionCookie,
  TEST_PASSWORD,
} from '../helpers/factories.js';

/** Screenshots of the contest flows, looked at by a person: /tmp/shots/contests/. */
export const CONTEST_SHOTS = '/tmp/shots/contests';

export async function contestShot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(CONTEST_SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(CONTEST_SHOTS, `${name}.png`), fullPage: true });
}

export const ORGANISER_EMAIL = 'dewi@polri.example.id';

/** A station with its admin (runs contests and may publish posts) and an outside judge. */
export async function seedContestStation(t: TestContext) {
  const station = await buildStation(t.ctx.db, {
    slug: 'polres-malang',
    name: 'Polres Malang Kota',
    level: 'polres',
  });
  const organiser = await buildAccount(t.ctx.db, { name: 'Kompol Dewi', email: ORGANISER_EMAIL });
  await grantRole(t.ctx.db, organiser.id, station.id, 'station_admin');
  const judge = await buildAccount(t.ctx.db, { name: 'Bu Ratna', email: 'ratna@example.id' });
  return {
    station,
    organiser: { ...organiser, cookie: await sessionCookie(t, organiser.id) },
    judge,
  };
}

/** The organiser's API calls for the steps a test does not drive through the page. */
export function organiserApi(t: TestContext, cookie: string) {
  const call = async <T>(method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const response = await t.app.inject({
      method,
      url,
      headers: { cookie },
      ...(payload ? { payload } : {}),
    });
    if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.body}`);
    return response.json<T>();
  };
  return {
    call,
    /** Ends phases early until `phase` is in force. */
    async advanceTo(contestId: string, phase: ContestView['phase']) {
      for (;;) {
        const contest = await call<ContestView>('GET', `/api/contests/${contestId}`);
        if (contest.phase === phase) return;
        await call('POST', `/api/contests/${contestId}/advance`);
      }
    },
  };
}

/** Logs in through the login page; staff land on the console, citizens on the home page. */
export async function logIn(page: Page, email: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto('/masuk');
  await page.getByLabel('Email atau nomor HP').fill(email);
  await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL((url) => url.pathname !== '/masuk');
}
