/**
 * `npm run bench -- feed [posts]`: the public posts feed over 100,000 published posts across
 * 50 stations (5 Polda → 45 Polsek), served over HTTP under autocannon: a station's first page
 * of 20 (with the stations below it), the national first page, a later page by cursor and an
 * Indonesian search query, each beside a bare Fastify JSON route measured in the same run.
 */
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { POST_KINDS } from '../src/common/domain/posts.js';
import { NATIONAL_FEED } from '../src/server/features/posts/posts.repository.js';
import { stationIdsOnPath } from '../src/server/features/posts/posts.service.js';
import type { PostRow } from '../src/server/features/posts/posts.table.js';
import { renderMarkdown } from '../src/server/text/markdown.js';
import { createTestContext } from '../test/helpers/context.js';
import { buildAccount, buildStation } from '../test/helpers/factories.js';

const POSTS = Number(process.argv[2] ?? 100_000);
const SECONDS = 6;
const CONNECTIONS = 10;
const CHUNK = 500;

const WORDS = [
  'pencurian',
  'motor',
  'parkiran',
  'narkotika',
  'sekolah',
  'patroli',
  'malam',
  'banjir',
  'jalan',
  'ditutup',
  'penipuan',
  'daring',
  'warga',
  'ronda',
  'kampung',
  'begal',
  'helm',
  'razia',
  'mudik',
  'aman',
];

function sentence(i: number, length: number): string {
  const words: string[] = [];
  for (let k = 0; k < length; k += 1) words.push(WORDS[(i * 7 + k * 13) % WORDS.length]!);
  return words.join(' ');
}

async function main(): Promise<void> {
  const t = await createTestContext();
  const db = t.ctx.db;
  const author = await buildAccount(db, { name: 'Bripka Bench' });
  const polsek: { id: string; path: string }[] = [];
  const poldaSlugs: string[] = [];
  for (let d = 0; d < 5; d += 1) {
    const polda = await buildStation(db, { slug: `polda-${d}` });
    poldaSlugs.push(polda.slug);
    for (let s = 0; s < 9; s += 1) {
      const station = await buildStation(db, { slug: `polsek-${d}-${s}`, parentId: polda.id });
      const row = await db
        .selectFrom('station')
        .select(['id', 'path'])
        .where('id', '=', station.id)
        .executeTakeFirstOrThrow();
      polsek.push(row);
    }
  }
  const stations = [
    ...polsek,
    ...(await db
      .selectFrom('station')
      .select(['id', 'path'])
      .where('level', '=', 'polda')
      .execute()),
  ];
  console.log(`seeding ${POSTS} published posts across ${stations.length} stations…`);
  const started = Date.now();
  const base = Date.parse('2026-01-01T00:00:00Z');
  for (let i = 0; i < POSTS; i += CHUNK) {
    const rows: PostRow[] = [];
    for (let k = i; k < Math.min(POSTS, i + CHUNK); k += 1) {
      const station = stations[k % stations.length]!;
      const at = new Date(base + k * 60_000).toISOString();
      const body = `${sentence(k, 30)}.\n\n${sentence(k + 1, 30)}.`;
      rows.push({
        id: `p${String(k).padStart(8, '0')}`,
        stationId: station.id,
        stationPath: station.path,
        kind: POST_KINDS[k % POST_KINDS.length]!,
        title: `${sentence(k, 6)} ${k}`,
        body,
        html: renderMarkdown(body),
        tags: JSON.stringify([WORDS[k % WORDS.length]]),
        areas: '[]',
        campaignId: null,
        campaignPosition: null,
        status: 'published',
        authorId: author.id,
        publishAt: null,
        publishedAt: at,
        editedAt: null,
        createdAt: at,
        updatedAt: at,
      });
    }
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('post').values(rows).execute();
      await trx
        .insertInto('post_feed')
        .values(
          rows.flatMap((row) =>
            [NATIONAL_FEED, ...stationIdsOnPath(row.stationPath)].map((stationId) => ({
              stationId,
              publishedAt: row.publishedAt!,
              postId: row.id,
            })),
          ),
        )
        .execute();
      await trx
        .insertInto('post_tag')
        .values(rows.map((row) => ({ postId: row.id, tag: JSON.parse(row.tags)[0] as string })))
        .execute();
      await t.ctx.search.indexMany(
        trx,
        'post',
        rows.map((row) => ({
          id: row.id,
          fields: { title: row.title, body: row.body },
          stationPath: row.stationPath,
          kind: row.kind,
          date: row.publishedAt,
        })),
      );
    });
  }
  console.log(`seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);

  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (t.app.server.address() as AddressInfo).port;
  const bare = Fastify();
  bare.get('/bare', () => ({ items: [], nextCursor: null }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const barePort = (bare.server.address() as AddressInfo).port;

  const firstPage = await (await fetch(`http://127.0.0.1:${port}/api/posts`)).json();
  const cursor = (firstPage as { nextCursor: string }).nextCursor;
  const stationPage = await (
    await fetch(`http://127.0.0.1:${port}/api/posts?station=${poldaSlugs[0]}`)
  ).json();
  const stationCursor = (stationPage as { nextCursor: string }).nextCursor;

  const run = async (label: string, url: string) => {
    await autocannon({ url, connections: CONNECTIONS, duration: 1 }); // warm-up
    const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${label}: failures`);
    return { label, rps: result.requests.average, p99: result.latency.p99 };
  };
  const results = [
    await run('bare Fastify JSON route', `http://127.0.0.1:${barePort}/bare`),
    // What any request through the whole app costs (its hooks, headers, rate limit, metrics).
    await run('Siaga /healthz (the app floor)', `http://127.0.0.1:${port}/healthz`),
    await run(
      'station page of 20 (Polda + 9 Polsek)',
      `http://127.0.0.1:${port}/api/posts?station=${poldaSlugs[0]}`,
    ),
    await run('national page of 20', `http://127.0.0.1:${port}/api/posts`),
    await run('national page 2 (cursor)', `http://127.0.0.1:${port}/api/posts?cursor=${cursor}`),
    await run(
      'station page 2 (cursor)',
      `http://127.0.0.1:${port}/api/posts?station=${poldaSlugs[0]}&cursor=${stationCursor}`,
    ),
    await run('search q=pencurian motor', `http://127.0.0.1:${port}/api/posts?q=pencurian%20motor`),
  ];
  const baseline = results[0]!.rps;
  console.log(
    `\n${POSTS} posts, ${CONNECTIONS} connections, ${SECONDS} s each (aim: ≥ 50 % of bare req/s, p99 < 25 ms)`,
  );
  for (const r of results) {
    console.log(
      `${r.label.padEnd(40)} ${r.rps.toFixed(0).padStart(7)} req/s  ${((r.rps / baseline) * 100).toFixed(0).padStart(4)} % of bare  p99 ${r.p99} ms`,
    );
  }
  await bare.close();
  await t.close();
}

await main();
