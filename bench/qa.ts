/**
 * Live Q&A under load: V viewers on one session's stream (the real app on SQLite) while
 * distinct accounts vote through the HTTP API at R votes/s for S seconds. Measures
 * vote-to-visible latency (vote sent → the count it made arrives at a viewer) over a sample of
 * viewers, and checks that every viewer ends on the number of votes cast and the database
 * holds it; then the same load against the alerts bench's baseline (a bare node:http server
 * writing the same frames), in the same run.
 *
 *   npm run bench -- qa [--viewers=5000] [--rate=100] [--seconds=30] [--workers=4]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FromServer, FromViewers, ServerKind, ToServer, ToViewers } from './qa/protocol.js';
import { percentile } from './lib/percentile.js';

const option = (name: string, fallback: number): number => {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? Number(arg.split('=')[1]) : fallback;
};
const viewerCount = option('viewers', 5000);
const rate = option('rate', 100);
const seconds = option('seconds', 30);
const workers = option('workers', 4);
/** One viewer in this many records every count's arrival time. */
const SAMPLE_EVERY = 50;
const TIME_LIMIT_MS = 600_000;

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const children: ChildProcess[] = [];
const timer = setTimeout(() => {
  console.error(`qa: gave up after ${TIME_LIMIT_MS / 1000} s`);
  for (const child of children) child.kill('SIGKILL');
  process.exit(1);
}, TIME_LIMIT_MS);

function start(file: string, args: string[]): ChildProcess {
  const child = fork(here(file), args, { execArgv: ['--import', 'tsx'] });
  children.push(child);
  return child;
}

function nextMessage<T extends { type: string }>(child: ChildProcess, type: T['type']): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: T) => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      resolve(message);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`child exited (${code}) before ${type}`)));
  });
}

interface RunResult {
  connected: number;
  failed: number;
  cast: number;
  stored: number;
  onFinalCount: number;
  samples: number;
  p50: number;
  p99: number;
  max: number;
}

async function run(kind: ServerKind): Promise<RunResult> {
  const server = start('./qa/server.ts', [kind, String(rate * seconds)]);
  const ready = await nextMessage<Extract<FromServer, { type: 'ready' }>>(server, 'ready');
  const viewerProcesses = Array.from({ length: workers }, () => start('./qa/viewers.ts', []));
  const share = Math.ceil(viewerCount / workers);
  const connected = await Promise.all(
    viewerProcesses.map((child, i) => {
      const count = Math.max(0, Math.min(share, viewerCount - i * share));
      child.send({
        type: 'connect',
        port: ready.port,
        path: ready.path,
        count,
        sampleEvery: SAMPLE_EVERY,
      } satisfies ToViewers);
      return nextMessage<Extract<FromViewers, { type: 'connected' }>>(child, 'connected');
    }),
  );
  server.send({ type: 'vote', rate, seconds } satisfies ToServer);
  const voted = await nextMessage<Extract<FromServer, { type: 'voted' }>>(server, 'voted');
  const collected = await Promise.all(
    viewerProcesses.map((child) => {
      child.send({
        type: 'collect',
        sentAt: voted.sentAt,
        waitForVotes: voted.cast,
        deadlineMs: 30_000,
      } satisfies ToViewers);
      return nextMessage<Extract<FromViewers, { type: 'collected' }>>(child, 'collected');
    }),
  );
  for (const child of viewerProcesses) child.send({ type: 'stop' } satisfies ToViewers);
  server.send({ type: 'stop' } satisfies ToServer);
  await Promise.all(
    [server, ...viewerProcesses].map((c) => new Promise((resolve) => c.once('exit', resolve))),
  );
  const latencies = collected.flatMap((c) => c.latencies).sort((a, b) => a - b);
  return {
    connected: connected.reduce((sum, c) => sum + c.ok, 0),
    failed: connected.reduce((sum, c) => sum + c.failed, 0),
    cast: voted.cast,
    stored: voted.stored,
    onFinalCount: collected.reduce((sum, c) => sum + c.onFinalCount, 0),
    samples: latencies.length,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: latencies[latencies.length - 1] ?? NaN,
  };
}

console.log(
  `qa: ${viewerCount} viewers on one session, ${rate} votes/s from distinct accounts for ${seconds} s, ` +
    `${workers} viewer processes, loopback; latency over every ${SAMPLE_EVERY}th viewer`,
);
const siaga = await run('siaga');
// Printed at once: a baseline that falls over (it has no backpressure) must not lose this figure.
console.log(
  `siaga: ${siaga.connected} viewers, ${siaga.cast} votes cast / ${siaga.stored} stored, ` +
    `${siaga.onFinalCount} on the final count, p50 ${siaga.p50.toFixed(1)} ms, ` +
    `p99 ${siaga.p99.toFixed(1)} ms, max ${siaga.max.toFixed(1)} ms`,
);
const baseline = await run('baseline');
clearTimeout(timer);

const ms = (value: number) => `${value.toFixed(1)} ms`;
const rows: Array<[string, (r: RunResult) => string]> = [
  ['viewers connected (failed)', (r) => `${r.connected} (${r.failed})`],
  ['votes cast / stored', (r) => `${r.cast} / ${r.stored}`],
  ['viewers on the final count', (r) => String(r.onFinalCount)],
  ['latency samples', (r) => String(r.samples)],
  ['vote→visible p50', (r) => ms(r.p50)],
  ['vote→visible p99', (r) => ms(r.p99)],
  ['vote→visible max', (r) => ms(r.max)],
];
console.log(`\n${''.padEnd(30)}${'siaga'.padStart(16)}${'baseline'.padStart(16)}`);
for (const [label, format] of rows) {
  console.log(`${label.padEnd(30)}${format(siaga).padStart(16)}${format(baseline).padStart(16)}`);
}
const correct =
  siaga.failed === 0 &&
  siaga.stored === siaga.cast &&
  siaga.onFinalCount === siaga.connected &&
  siaga.connected === viewerCount;
console.log(
  correct
    ? `totals: every viewer ended on ${siaga.cast} votes, as stored; p99 aim 500 ms: ${siaga.p99 < 500 ? 'met' : 'missed'}`
    : 'totals: WRONG (see counts above)',
);
process.exit(correct ? 0 : 1);
