/**
 * `npm run bench -- factcheck [--filler=N]`: the instant check's quality and speed.
 *
 * 1. ../shared/data/factcheck-dev.jsonl: its 20 clarifications drafted and published through the
 *    real routes, the index loaded from the database as at a node's start, then each probe checked
 *    through the service: recall@1 over the probes with a match, the confident-and-right rate among
 *    them, the false-confident rate over the negatives, each also by kind.
 * 2. p50/p99 of the check with 100,000 clarifications indexed (the 20 real ones + generated filler).
 * 3. ../shared/data/turnbackhoax-2024.jsonl: every title indexed, each `text` queried; recall@1 and
 *    recall@5 against its own title, beside a plain BM25 over lower-cased words in the same run.
 *
 * Both files are read beside the repository and never copied into it; a part whose file is absent
 * is skipped with a message.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FactcheckCheckResult } from '../src/common/api/factcheck.js';
import type { FactcheckVerdict } from '../src/common/domain/factcheck.js';
import { ClaimMatcher } from '../src/server/features/factcheck/claim-matcher.js';
import { openClarificationIndex } from '../src/server/features/factcheck/clarification-index.js';
import { checkClaim } from '../src/server/features/factcheck/factcheck.service.js';
import { indonesianAnalyser } from '../src/server/text/analyser.js';
import { createTestContext } from '../test/helpers/context.js';
import { readHoaxTexts } from '../test/helpers/hoax-texts.js';
import { buildStationWorld } from '../test/helpers/station-world.js';
import { percentile } from './lib/percentile.js';

const option = (name: string, fallback: number): number => {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? Number(arg.split('=')[1]) : fallback;
};
const indexedTotal = option('filler', 100_000);
const DEV_FILE = path.resolve(process.cwd(), '../shared/data/factcheck-dev.jsonl');

interface DevClarification {
  type: 'clarification';
  id: string;
  claim: string;
  verdict: FactcheckVerdict;
  title: string;
  explanation: string;
}
interface DevProbe {
  type: 'probe';
  probe_id: string;
  text: string;
  expected: string | null;
  kind: string;
}

const rate = (hits: number, total: number) =>
  total === 0 ? '   n/a' : `${(hits / total).toFixed(3)} (${hits}/${total})`;
const ms = (value: number) => `${value.toFixed(2)} ms`;

function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Tallies per kind and overall. */
class Tally {
  private readonly rows = new Map<string, { hits: number; total: number }>();
  add(kind: string, hit: boolean): void {
    for (const key of ['all', kind]) {
      const row = this.rows.get(key) ?? { hits: 0, total: 0 };
      row.hits += hit ? 1 : 0;
      row.total += 1;
      this.rows.set(key, row);
    }
  }
  print(label: string): void {
    const { all, ...kinds } = Object.fromEntries(this.rows);
    const parts = Object.entries(kinds)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([kind, row]) => `${kind} ${rate(row.hits, row.total)}`);
    console.log(
      `${label.padEnd(22)} ${rate(all?.hits ?? 0, all?.total ?? 0)}   ${parts.join('  ')}`,
    );
  }
}

/** Filler clarifications: sentences drawn from a corpus, so the index's vocabulary is realistic. */
function fillerTexts(): string[] {
  const hoaxes = readHoaxTexts();
  if (hoaxes) return hoaxes.flatMap((h) => `${h.title}. ${h.text}`.split(/(?<=[.!?])\s+/));
  return [
    'Polsek Tanah Abang mengimbau warga agar selalu mengunci kendaraan bermotor di tempat parkir.',
    'Seorang pelaku pencurian sepeda motor ditangkap warga di depan minimarket pada malam hari.',
    'Petugas menyita narkotika jenis sabu dari sebuah rumah kos di kawasan pasar.',
    'Beredar pesan berantai tentang penculikan anak di sekolah, polisi memastikan kabar itu hoaks.',
    'Kecelakaan lalu lintas terjadi di jalan lingkar selatan dan menyebabkan kemacetan panjang.',
    'Penipuan dengan modus undian berhadiah kembali marak melalui pesan WhatsApp.',
  ];
}

async function devSet(): Promise<void> {
  if (!fs.existsSync(DEV_FILE)) {
    console.log(`dev set: ${DEV_FILE} absent; skipping recall, confidence and latency`);
    return;
  }
  const lines = fs
    .readFileSync(DEV_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as DevClarification | DevProbe);
  const clarifications = lines.filter((l): l is DevClarification => l.type === 'clarification');
  const probes = lines.filter((l): l is DevProbe => l.type === 'probe');
  console.log(
    `dev set: ${clarifications.length} clarifications, ${probes.length} probes (read from ../shared/data, not stored)`,
  );

  const t = await createTestContext();
  try {
    const world = await buildStationWorld(t);
    const editor = world.people.polsekAdmin.cookie;
    const devToReal = new Map<string, string>();
    for (const c of clarifications) {
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/clarifications',
        headers: { cookie: editor },
        payload: {
          stationId: world.stations.polsek.id,
          title: c.title,
          claim: c.claim,
          verdict: c.verdict,
          explanation: c.explanation,
        },
      });
      if (created.statusCode !== 201) throw new Error(`draft failed: ${created.body}`);
      const id = created.json<{ id: string }>().id;
      const published = await t.app.inject({
        method: 'POST',
        url: `/api/clarifications/${id}/publish`,
        headers: { cookie: editor },
      });
      if (published.statusCode !== 200) throw new Error(`publish failed: ${published.body}`);
      devToReal.set(c.id, id);
    }
    // A node's index as at start: loaded from the database.
    const index = openClarificationIndex(t.ctx);
    const matcher = await index.matcher();

    const evaluate = async (label: string) => {
      const recall = new Tally();
      const confidentRight = new Tally();
      const falseConfident = new Tally();
      const wrong: string[] = [];
      for (const probe of probes) {
        const { candidates } = await checkClaim(t.ctx, index, { text: probe.text });
        const best = candidates[0];
        if (probe.expected) {
          const right =
            best !== undefined && best.clarificationId === devToReal.get(probe.expected);
          recall.add(probe.kind, right);
          confidentRight.add(probe.kind, right && best.confident);
          if (!right || !best.confident) {
            wrong.push(
              `  ${probe.probe_id} ${probe.kind}: ${right ? 'right, not confident' : 'wrong'} ${best?.score ?? '-'}`,
            );
          }
        } else {
          const confident = candidates.some((candidate) => candidate.confident);
          falseConfident.add(probe.kind, confident);
          if (confident)
            wrong.push(`  ${probe.probe_id} ${probe.kind}: false confident ${best?.score}`);
        }
      }
      console.log(`\n${label}`);
      recall.print('recall@1');
      confidentRight.print('confident-and-right');
      falseConfident.print('false-confident');
      if (process.argv.includes('--misses')) console.log(wrong.join('\n'));
    };
    await evaluate(`dev set, ${matcher.size} clarifications indexed`);

    // Filler up to the indexed total, straight into the node's matcher (the database holds
    // only the real ones; candidates without a row are dropped after ranking, as for withdrawn).
    const sentences = fillerTexts().filter((s) => s.length > 20 && s.length < 300);
    const random = mulberry32(11);
    const pick = () => sentences[Math.floor(random() * sentences.length)]!;
    const fillStarted = performance.now();
    for (let i = matcher.size; i < indexedTotal; i++) {
      matcher.put({
        id: `filler-${i}`,
        title: pick(),
        claim: Array.from({ length: 1 + Math.floor(random() * 3) }, pick).join(' '),
        examples: [],
      });
    }
    console.log(
      `\nindexed ${matcher.size} clarifications (filler in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB)`,
    );
    await evaluate(`dev set, ${matcher.size} clarifications indexed`);

    const service: number[] = [];
    const bare: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const probe of probes) {
        const t0 = performance.now();
        const result: FactcheckCheckResult = await checkClaim(t.ctx, index, { text: probe.text });
        service.push(performance.now() - t0);
        if (result.candidates.length > 5) throw new Error('more than five candidates');
        const t1 = performance.now();
        matcher.match(probe.text, 5);
        bare.push(performance.now() - t1);
      }
    }
    service.sort((a, b) => a - b);
    bare.sort((a, b) => a - b);
    console.log(
      `check through the service n=${service.length}  p50 ${ms(percentile(service, 0.5))}  p99 ${ms(percentile(service, 0.99))}   matcher alone p50 ${ms(percentile(bare, 0.5))}  p99 ${ms(percentile(bare, 0.99))}`,
    );
    index.close();
  } finally {
    await t.close();
  }
}

/** The baseline: BM25 (k1 1.2, b 0.75) over lower-cased words, nothing else. */
function plainBm25(docs: ReadonlyArray<{ id: string; text: string }>) {
  const tokens = (text: string) =>
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  const postings = new Map<string, Array<{ doc: number; tf: number }>>();
  const lengths: number[] = [];
  docs.forEach((doc, i) => {
    const words = tokens(doc.text);
    lengths.push(words.length);
    const tf = new Map<string, number>();
    for (const word of words) tf.set(word, (tf.get(word) ?? 0) + 1);
    for (const [word, count] of tf) {
      const list = postings.get(word) ?? [];
      list.push({ doc: i, tf: count });
      postings.set(word, list);
    }
  });
  const average = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
  return (query: string, limit: number): string[] => {
    const scores = new Map<number, number>();
    for (const word of new Set(tokens(query))) {
      const list = postings.get(word);
      if (!list) continue;
      const idf = Math.log(1 + (docs.length - list.length + 0.5) / (list.length + 0.5));
      for (const { doc, tf } of list) {
        const norm = tf + 1.2 * (1 - 0.75 + (0.75 * lengths[doc]!) / average);
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * 2.2) / norm);
      }
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([doc]) => docs[doc]!.id);
  };
}

function turnbackhoax(): void {
  const hoaxes = readHoaxTexts();
  if (!hoaxes) {
    console.log('\nturnbackhoax: ../shared/data/turnbackhoax-2024.jsonl absent; skipping');
    return;
  }
  const matcher = new ClaimMatcher(indonesianAnalyser());
  for (const hoax of hoaxes)
    matcher.put({ id: hoax.id, title: hoax.title, claim: '', examples: [] });
  const baseline = plainBm25(hoaxes.map((hoax) => ({ id: hoax.id, text: hoax.title })));
  const tallies = { matcher1: 0, matcher5: 0, bm1: 0, bm5: 0 };
  const times: number[] = [];
  for (const hoax of hoaxes) {
    const t0 = performance.now();
    const found = matcher.match(hoax.text, 5).map((match) => match.clarificationId);
    times.push(performance.now() - t0);
    const plain = baseline(hoax.text, 5);
    if (found[0] === hoax.id) tallies.matcher1++;
    if (found.includes(hoax.id)) tallies.matcher5++;
    if (plain[0] === hoax.id) tallies.bm1++;
    if (plain.includes(hoax.id)) tallies.bm5++;
  }
  times.sort((a, b) => a - b);
  const n = hoaxes.length;
  console.log(
    `\nturnbackhoax: ${n} titles indexed, each text queried (read from ../shared/data, not stored)`,
  );
  console.log(
    `matcher      recall@1 ${rate(tallies.matcher1, n)}  recall@5 ${rate(tallies.matcher5, n)}  p50 ${ms(percentile(times, 0.5))}  p99 ${ms(percentile(times, 0.99))}`,
  );
  console.log(
    `plain BM25   recall@1 ${rate(tallies.bm1, n)}  recall@5 ${rate(tallies.bm5, n)}  (lower-cased words, same run)`,
  );
}

if (!process.argv.includes('--no-dev')) await devSet();
turnbackhoax();
