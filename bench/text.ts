/**
 * `npm run bench -- text [--docs N]` (default 100,000): the Indonesian analyser's throughput beside a plain
 * `toLowerCase().split(/\W+/)`, the stemmers' accuracy on stem-pairs.json, and search p50/p99
 * over N documents on SQLite and on PostgreSQL (when SIAGA_TEST_PG_URL is set) beside a
 * bare `SELECT … WHERE id = ?` on the same table, all in the same run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { createDatabase, type Database } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { migrations as kernelMigrations } from '../src/server/db/migrations/index.js';
import { indonesianAnalyser } from '../src/server/text/analyser.js';
import { createSearchIndex, type SearchQuery } from '../src/server/text/search-index.js';
import { measureStemAccuracy } from '../src/server/text/stem-accuracy.js';
import {
  createCorrectedSastrawiStemmer,
  createSastrawiStemmer,
  createSiagaStemmer,
  snowballStemmer,
} from '../src/server/text/stemmer.js';
import { readHoaxTexts } from '../test/helpers/hoax-texts.js';
import { percentile } from './lib/percentile.js';

const docsFlag = process.argv.indexOf('--docs');
const documentCount = Number(docsFlag >= 0 ? process.argv[docsFlag + 1] : 100_000);
if (!Number.isInteger(documentCount) || documentCount < 1) throw new Error('--docs needs a count');
const TYPE = 'bench';
const BATCH = 1000;

// Used when ../shared/data is absent: our own sentences in the register of police notices.
const ownSentences = [
  'Polsek Tanah Abang mengimbau warga agar selalu mengunci kendaraan bermotor di tempat parkir.',
  'Seorang pelaku pencurian sepeda motor ditangkap warga di depan minimarket pada malam hari.',
  'Petugas menyita narkotika jenis sabu dari sebuah rumah kos di kawasan pasar.',
  'Beredar pesan berantai tentang penculikan anak di sekolah, polisi memastikan kabar itu hoaks.',
  'Warga diminta segera melapor jika melihat kejadian mencurigakan di lingkungannya.',
  'Kecelakaan lalu lintas terjadi di jalan lingkar selatan dan menyebabkan kemacetan panjang.',
  'Penipuan dengan modus undian berhadiah kembali marak melalui pesan WhatsApp.',
  'Tim patroli membubarkan aksi tawuran pelajar menjelang sahur.',
];

function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const texts = readHoaxTexts();
const corpus = texts ? texts.map((t) => `${t.title}. ${t.text}`) : ownSentences;
console.log(
  texts
    ? `corpus: ${texts.length} turnbackhoax texts (read from ../shared/data, not stored)`
    : 'corpus: turnbackhoax-2024.jsonl absent; using built-in sentences',
);

// --- analyser throughput -------------------------------------------------------------------
const analyser = indonesianAnalyser();
const wordCount = corpus.reduce((n, text) => n + text.split(/\s+/).length, 0);
function wordsPerSecond(run: (text: string) => unknown, rounds: number): number {
  const started = performance.now();
  for (let r = 0; r < rounds; r += 1) for (const text of corpus) run(text);
  return (wordCount * rounds) / ((performance.now() - started) / 1000);
}
const rounds = texts ? 3 : 2000;
const coldRate = wordsPerSecond((text) => analyser.analyse(text), 1);
const baselineRate = wordsPerSecond((text) => text.toLowerCase().split(/\W+/), rounds);
const analyserRate = wordsPerSecond((text) => analyser.analyse(text), rounds);
console.log(
  `analyser: ${(analyserRate / 1e6).toFixed(2)} M words/s (first pass, dictionaries built and caches cold: ${(coldRate / 1e6).toFixed(2)})   baseline toLowerCase().split(/\\W+/): ${(baselineRate / 1e6).toFixed(2)} M words/s`,
);

// --- stemmer comparison --------------------------------------------------------------------
for (const [name, stem] of [
  ['sastrawijs 1.1.0 as published', createSastrawiStemmer()],
  ['Snowball (@orama/stemmers/indonesian)', snowballStemmer],
  ['sastrawijs, corrected dictionary', createCorrectedSastrawiStemmer()],
  ['Siaga: corrected sastrawijs + Snowball fallback', createSiagaStemmer()],
] as const) {
  const { correct, total } = measureStemAccuracy(stem);
  console.log(`stemmer ${name}: ${correct}/${total} = ${((100 * correct) / total).toFixed(1)} %`);
}

// --- search at scale -----------------------------------------------------------------------
const sentences = corpus
  .flatMap((text) => text.split(/(?<=[.!?])\s+/))
  .filter((s) => s.length > 20 && s.length < 400);
const random = mulberry32(7);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const kinds = ['notice', 'tip', 'report', 'clarification'];
const documents = Array.from({ length: documentCount }, (_, i) => ({
  id: `doc-${String(i).padStart(7, '0')}`,
  fields: {
    body: Array.from({ length: 2 + Math.floor(random() * 4) }, () => pick(sentences)).join(' '),
  },
  kind: pick(kinds),
  stationPath: `/p${i % 5}/r${i % 23}/`,
  date: `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
}));

const queries: Omit<SearchQuery, 'type'>[] = [
  { text: 'vaksin' },
  { text: 'pemilu curang' },
  { text: 'penipuan hadiah' },
  { text: 'polisi' },
  { text: 'video viral' },
  { text: 'narkoba' },
  { text: 'yg udh beredar' },
  { text: 'pencurain' },
  { text: 'penipuaan' },
  { text: 'presi', prefix: true },
  { text: 'bantuan sos', prefix: true },
  { text: 'gempa', kind: 'notice' },
  { text: 'banjir', stationPath: '/p1/' },
  { text: 'israel palestina', match: 'any' },
  { text: 'presiden', dateFrom: '2024-03-01', dateTo: '2024-03-31' },
];

async function benchSearch(label: string, database: Database): Promise<void> {
  await migrateToLatest(database.db, kernelMigrations);
  const search = createSearchIndex(database, analyser);
  search.register(TYPE);
  const started = performance.now();
  for (let i = 0; i < documents.length; i += BATCH) {
    await search.indexMany(database.db, TYPE, documents.slice(i, i + BATCH));
  }
  const indexSeconds = (performance.now() - started) / 1000;
  const timings: number[] = [];
  const bare: number[] = [];
  const perQuery = new Map<string, number[]>();
  // One untimed round: stem caches and the database's pages warm, as on a running server.
  for (const query of queries)
    await search.search(database.db, { type: TYPE, prefix: false, ...query });
  for (let round = 0; round < 30; round += 1) {
    for (const query of queries) {
      const t0 = performance.now();
      await search.search(database.db, { type: TYPE, prefix: false, ...query });
      const ms = performance.now() - t0;
      timings.push(ms);
      perQuery.set(query.text, [...(perQuery.get(query.text) ?? []), ms]);
      const id = pick(documents).id;
      const t1 = performance.now();
      await sql`select "docKey", "terms" from search_document where "type" = ${TYPE} and "id" = ${id}`.execute(
        database.db,
      );
      bare.push(performance.now() - t1);
    }
  }
  const slowest = [...perQuery]
    .map(
      ([text, list]) => [text, list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!] as const,
    )
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([text, ms]) => `"${text}" ${ms.toFixed(1)} ms`)
    .join(', ');
  timings.sort((a, b) => a - b);
  bare.sort((a, b) => a - b);
  const fmt = (n: number) => n.toFixed(2);
  console.log(
    `${label}: indexed ${documents.length} documents in ${indexSeconds.toFixed(1)} s (${Math.round(documents.length / indexSeconds)} docs/s)`,
  );
  console.log(`${label}: slowest queries (median): ${slowest}`);
  console.log(
    `${label}: search p50 ${fmt(percentile(timings, 0.5))} ms, p99 ${fmt(percentile(timings, 0.99))} ms over ${timings.length} queries   baseline SELECT … WHERE id = ?: p50 ${fmt(percentile(bare, 0.5))} ms, p99 ${fmt(percentile(bare, 0.99))} ms`,
  );
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaga-bench-text-'));
const sqliteDb = createDatabase({ databaseUrl: undefined, dataDir });
try {
  await benchSearch('SQLite', sqliteDb);
} finally {
  await sqliteDb.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const pgUrl = process.env.SIAGA_TEST_PG_URL;
if (pgUrl) {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const pgDb = createDatabase({ databaseUrl: pgUrl, dataDir, pgSchema: schema });
  try {
    await benchSearch('PostgreSQL', pgDb);
  } finally {
    await pgDb.close();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
} else {
  console.log('PostgreSQL: SIAGA_TEST_PG_URL not set, skipped');
}
