import fs from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers/context.js';
import { createContext } from './compose.js';
import { loadConfig } from './config.js';
import { transaction } from './db/database.js';
import { defineJob } from './jobs/jobs.js';
import type { FeatureModule } from './module.js';
import { featureModules } from './modules.js';

declare module './jobs/queue.js' {
  interface JobPayloads {
    'notice.posted': { text: string };
  }
}

const posted: string[] = [];

/** A whole feature in one object: what "adding a feature" means to the kernel. */
const noticeModule: FeatureModule = {
  name: 'notices',
  migrations: {
    '20991231T2359-create-notice': {
      // Migrations are frozen in time: they never see the schema types.
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('notice')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .execute();
      },
    },
  },
  jobs: [
    defineJob({
      name: 'notice.posted',
      attempts: 1,
      backoff: { baseMs: 1000, maxMs: 1000 },
      run: (_ctx, payload) => {
        posted.push(payload.text);
        return Promise.resolve();
      },
    }),
  ],
  routes(app) {
    app.get('/api/notices/ping', () => ({ pong: true }));
  },
};

describe('composition root', () => {
  let t: TestContext | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('plugs a module in: its migration, its job and its routes, beside every other', async () => {
    t = await createTestContext({ modules: [...featureModules, noticeModule] });
    await expect(sql`select count(*) as n from notice`.execute(t.ctx.db)).resolves.toBeTruthy();
    await transaction(t.ctx.db, (tx) => t!.ctx.jobs.enqueue(tx, 'notice.posted', { text: 'hi' }));
    await t.ctx.jobs.runDueJobs();
    expect(posted).toEqual(['hi']);
    const ping = await t.app.inject({ method: 'GET', url: '/api/notices/ping' });
    expect(ping.json()).toEqual({ pong: true });
    const kernelRoute = await t.app.inject({ method: 'GET', url: '/api/config/public' });
    expect(kernelRoute.statusCode).toBe(200);
  });

  it('refuses two modules of one name, and a migration name taken, before opening anything', async () => {
    // Nothing is opened: the data directory is never created.
    const config = loadConfig({ SIAGA_DATA_DIR: '/nonexistent/siaga', SIAGA_ENV: 'test' });
    await expect(createContext(config, {}, [noticeModule, noticeModule])).rejects.toThrow(
      'Two feature modules are named notices',
    );
    const clash: FeatureModule = {
      name: 'clash',
      migrations: { '20261125T2200-create-core': { up: () => Promise.resolve() } },
    };
    await expect(createContext(config, {}, [clash])).rejects.toThrow(
      'Migration 20261125T2200-create-core (module clash) exists already',
    );
  });

  it('has each catalog namespace declared by the kernel, a feature module or the web', () => {
    const onDisk = fs
      .readdirSync(new URL('../common/i18n/id/', import.meta.url))
      .map((file) => file.replace(/\.json$/, ''));
    const declared = [
      'core',
      'cli',
      'media',
      // The web client's own (src/web/i18n/namespaces.ts).
      'alerts-web',
      'console-alerts',
      'web',
      ...featureModules.flatMap((module) => Object.keys(module.i18n ?? {})),
    ];
    expect([...new Set(declared)].sort()).toEqual(onDisk.sort());
  });
});
