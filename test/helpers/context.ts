import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { pino } from 'pino';
import { buildApp } from '../../src/server/app.js';
import { ManualClock } from '../../src/server/clock.js';
import { loadConfig, type Config } from '../../src/server/config.js';
import { createContext } from '../../src/server/compose.js';
import type { AppContext } from '../../src/server/context.js';
import { createDatabase } from '../../src/server/db/database.js';
import type { App } from '../../src/server/http.js';
import type { Logger } from '../../src/server/logger.js';
import type { FeatureModule } from '../../src/server/module.js';

export type TestDialect = 'sqlite' | 'postgres';

/** Which database this run of the suite uses (vitest projects set it). */
export const testDialect: TestDialect =
  process.env.SIAGA_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

export interface TestContext {
  ctx: AppContext;
  app: App;
  clock: ManualClock;
  config: Config;
  /** Pass as `shared` to build a second node on the same database. */
  shared: { dataDir: string; pgSchema?: string };
  close(): Promise<void>;
}

export interface TestContextOptions {
  env?: Record<string, string>;
  /** The app's logger (e.g. `createLogger(config, stream)` to read what it writes). */
  log?: Logger;
  /** Share a database with another test context (two nodes); the schema name for PostgreSQL. */
  shared?: { dataDir: string; pgSchema?: string };
  /** The feature modules to compose (default: the deployment's list in modules.ts). */
  modules?: readonly FeatureModule[];
}

/**
 * The real app on a fresh database: a temporary SQLite file, or a fresh PostgreSQL schema
 * when the suite runs on PostgreSQL; Redis for the bus when SIAGA_TEST_REDIS_URL is set there.
 */
export async function createTestContext(options: TestContextOptions = {}): Promise<TestContext> {
  const dataDir = options.shared?.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'siaga-test-'));
  const pgUrl = process.env.SIAGA_TEST_PG_URL;
  const redisUrl = process.env.SIAGA_TEST_REDIS_URL;
  const usePostgres = testDialect === 'postgres';
  if (usePostgres && !pgUrl) throw new Error('SIAGA_TEST_PG_URL must be set for the postgres run');

  let pgSchema = options.shared?.pgSchema;
  const ownsSchema = usePostgres && !pgSchema;
  if (usePostgres && !pgSchema) {
    pgSchema = `t_${randomBytes(6).toString('hex')}`;
    await runPg(pgUrl!, `create schema ${pgSchema}`);
  }

  const config = loadConfig({
    SIAGA_DATA_DIR: dataDir,
    SIAGA_ENV: 'test',
    SIAGA_LOG_LEVEL: 'silent',
    SIAGA_PUBLIC_URL: 'http://localhost:8080',
    SIAGA_SECRET: 'test-secret-test-secret-test-secret-0123',
    ...(usePostgres
      ? { SIAGA_DATABASE_URL: pgUrl!, ...(redisUrl ? { SIAGA_REDIS_URL: redisUrl } : {}) }
      : {}),
    ...options.env,
  });
  const clock = new ManualClock(new Date());
  const database = createDatabase({
    databaseUrl: config.databaseUrl,
    dataDir,
    ...(pgSchema ? { pgSchema } : {}),
  });
  const ctx = await createContext(
    config,
    {
      clock,
      database,
      log: options.log ?? pino({ level: process.env.SIAGA_TEST_LOG ?? 'silent' }),
      redisNamespace: pgSchema ?? path.basename(dataDir),
    },
    options.modules,
  );
  const app = await buildApp(ctx);
  await app.ready();
  return {
    ctx,
    app,
    clock,
    config,
    shared: { dataDir, ...(pgSchema ? { pgSchema } : {}) },
    async close() {
      await app.close();
      await ctx.close();
      if (ownsSchema) await runPg(pgUrl!, `drop schema ${pgSchema} cascade`);
      if (!options.shared) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function runPg(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
