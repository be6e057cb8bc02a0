import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { migrations as kernelMigrations } from '../src/server/db/migrations/index.js';
import { indonesianAnalyser } from '../src/server/text/analyser.js';
import {
  createSearchIndex,
  type SearchIndex,
  type SearchQuery,
} from '../src/server/text/search-index.js';
import { testDialect } from './helpers/context.js';
import { readHoaxTexts, type HoaxText } from './helpers/hoax-texts.js';

const TYPE = 'hoax';
/** Every 4th text of the year (~940), so that every category and month is in. */
const SAMPLE_EVERY = 4;

/** ~30 queries: single words, phrases, slang, typos, prefixes and filters. */
const queries: Omit<SearchQuery, 'type'>[] = [
  { text: 'vaksin' },
  { text: 'pemilu' },
  { text: 'penipuan' },
  { text: 'tipu' },
  { text: 'bantuan sosial' },
  { text: 'gempa bumi' },
  { text: 'banjir jakarta' },
  { text: 'presiden jokowi' },
  { text: 'prabowo' },
  { text: 'narkoba' },
  { text: 'polisi' },
  { text: 'video viral' },
  { text: 'hoax' },
  { text: 'berita bohong' },
  { text: 'yg udh beredar' },
  { text: 'gak benar' },
  { text: 'pencurain' },
  { text: 'penipuaan' },
  { text: 'pemiluu' },
  { text: 'vaksn covid' },
  { text: 'presi', prefix: true },
  { text: 'hadiah gra', prefix: true },
  { text: 'link', prefix: true },
  { text: 'whatsapp' },
  { text: 'lowongan kerja' },
  { text: 'uang', kind: 'scam' },
  { text: 'calon', kind: 'politics' },
  { text: 'pemilu', dateFrom: '2024-02-01', dateTo: '2024-02-29' },
  { text: 'israel palestina', match: 'any' },
  { text: 'tni polri', match: 'any' },
  { text: 'akun palsu mengatasnamakan' },
  { text: 'pesan berantai', stationPath: '/p1/' },
];

async function runPg(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function buildIndex(database: Database, texts: HoaxText[]): Promise<SearchIndex> {
  await migrateToLatest(database.db, kernelMigrations);
  const search = createSearchIndex(database, indonesianAnalyser());
  search.register(TYPE);
  await search.indexMany(
    database.db,
    TYPE,
    texts.map((text, i) => ({
      id: text.id,
      fields: { title: text.title, text: text.text },
      kind: text.category,
      date: text.date,
      stationPath: i % 3 === 0 ? '/p1/r1/' : '/p2/r2/',
    })),
  );
  return search;
}

// One test compares both databases, so it runs in the SQLite pass of the suite only.
describe.skipIf(testDialect === 'postgres')('search on SQLite and PostgreSQL', () => {
  const texts = readHoaxTexts()?.filter((_, i) => i % SAMPLE_EVERY === 0);
  const pgUrl = process.env.SIAGA_TEST_PG_URL;
  const pgSchema = `t_${randomBytes(6).toString('hex')}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaga-search-'));
  const open: Database[] = [];
  let sqlite: { database: Database; search: SearchIndex } | undefined;
  let postgres: { database: Database; search: SearchIndex } | undefined;

  beforeAll(async () => {
    if (!texts) return;
    const sqliteDb = createDatabase({ databaseUrl: undefined, dataDir });
    open.push(sqliteDb);
    sqlite = { database: sqliteDb, search: await buildIndex(sqliteDb, texts) };
    if (pgUrl) {
      await runPg(pgUrl, `create schema ${pgSchema}`);
      const pgDb = createDatabase({ databaseUrl: pgUrl, dataDir, pgSchema });
      open.push(pgDb);
      postgres = { database: pgDb, search: await buildIndex(pgDb, texts) };
    }
  }, 120_000);

  afterAll(async () => {
    for (const database of open) await database.close();
    if (pgUrl && postgres) await runPg(pgUrl, `drop schema ${pgSchema} cascade`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('returns the same documents in the same order for the same queries', async (context) => {
    if (!texts || !sqlite) {
      const message = 'turnbackhoax-2024.jsonl not found in ../shared/data: skipped';
      if (process.env.CI === 'true') throw new Error(message);
      console.warn(message);
      context.skip();
      return;
    }
    expect(texts.length).toBeGreaterThanOrEqual(500);
    let answered = 0;
    for (const query of queries) {
      const full = { type: TYPE, prefix: false, limit: 50, ...query };
      const fromSqlite = await sqlite.search.search(sqlite.database.db, full);
      if (fromSqlite.items.length > 0) answered += 1;
      if (postgres) {
        const fromPostgres = await postgres.search.search(postgres.database.db, full);
        expect(fromPostgres.terms, query.text).toEqual(fromSqlite.terms);
        expect(fromPostgres.items, query.text).toEqual(fromSqlite.items);
        expect(fromPostgres.nextCursor, query.text).toEqual(fromSqlite.nextCursor);
      }
    }
    // The comparison means something only if most queries find documents.
    expect(answered).toBeGreaterThanOrEqual(queries.length - 3);
  });

  it('finds a text again from its title with its longest word misspelt', async (context) => {
    if (!texts || !sqlite) return context.skip();
    let checked = 0;
    for (const target of texts.filter((text) => text.title.length > 40).slice(0, 20)) {
      const longest = target.title
        .split(/[^A-Za-z]+/)
        .reduce((a, b) => (b.length > a.length ? b : a), '');
      if (longest.length < 7) continue;
      const misspelt = longest.slice(0, 3) + longest[4] + longest[3] + longest.slice(5);
      const page = await sqlite.search.search(sqlite.database.db, {
        type: TYPE,
        text: target.title.replace(longest, misspelt),
        match: 'any',
        prefix: false,
      });
      const top = texts.find((text) => text.id === page.items[0]?.id);
      // Fact-checkers sometimes publish one title twice: the same title is the right answer.
      expect(top?.title, misspelt).toBe(target.title);
      checked += 1;
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });
});
