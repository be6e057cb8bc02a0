/**
 * Fan-out: N concurrent SSE clients on one Siaga process (the real app on SQLite), spread
 * over 200 areas; one event targeted to 10 areas. Measures publish→receive latency over the
 * clients that should get it, checks that no other client got it, and prints memory per idle
 * connection; then the same against a minimal node:http server writing the same bytes.
 *
 *   npm run bench -- fanout [--clients=20000] [--workers=4]
 *
 * Each process needs a file descriptor per connection: the server's RLIMIT_NOFILE bounds N.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  AREA_COUNT,
  TARGETED_AREAS,
  areaCode,
  type FromClients,
  type FromServer,
  type ServerKind,
  type ToClients,
  type ToServer,
} from './fanout/protocol.js';

// Connecting is the slow part (~2–8 ms of CPU per connection on a small sandboxed VM).
const TIME_LIMIT_MS = 600_000;
const RECEIVE_DEADLINE_MS = 10_000;
/** Measured events per server; latencies are pooled over them. */
const ROUNDS = 5;

const option = (name: string, fallback: number): number => {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? Number(arg.split('=')[1]) : fallback;
};

function openFileLimit(): number {
  const line = fs
    .readFileSync('/proc/self/limits', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('Max open files'));
  const soft = Number(line?.split(/\s+/)[3]);
  return Number.isFinite(soft) ? soft : 1024;
}

const requested = option('clients', 20_000);
const workers = option('workers', 4);
// The server holds one descriptor per client plus its own (database, epoll, pipes): ~100.
const fdLimit = openFileLimit();
const clientCount = Math.min(requested, fdLimit - 100);

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const children: ChildProcess[] = [];
const timer = setTimeout(() => {
  console.error(`fanout: gave up after ${TIME_LIMIT_MS / 1000} s`);
  for (const child of children) child.kill('SIGKILL');
  process.exit(1);
}, TIME_LIMIT_MS);

function start(file: string, args: string[], execArgv: string[] = []): ChildProcess {
  const child = fork(here(file), args, { execArgv: [...execArgv, '--import', 'tsx'] });
  children.push(child);
  return child;
}

function nextMessage<T extends { type: string }>(child: ChildProcess, type: T['type']): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: T) => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message);
    };
    const onExit = (code: number | null) =>
      reject(new Error(`child exited (${code}) before ${type}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

interface RunResult {
  kind: ServerKind;
  connected: number;
  failed: number;
  connectSeconds: number;
  expected: number;
  received: number;
  unexpected: number;
  p50: number;
  p99: number;
  max: number;
  rssPerConnection: number;
  heapPerConnection: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;

async function run(kind: ServerKind): Promise<RunResult> {
  const server = start('./fanout/server.ts', [kind], ['--expose-gc']);
  const { port } = await nextMessage<Extract<FromServer, { type: 'ready' }>>(server, 'ready');
  const memory = async () => {
    server.send({ type: 'memory' } satisfies ToServer);
    return nextMessage<Extract<FromServer, { type: 'memory' }>>(server, 'memory');
  };
  const before = await memory();

  const clientProcesses = Array.from({ length: workers }, () => start('./fanout/clients.ts', []));
  const share = Math.ceil(clientCount / workers);
  const connectStart = performance.now();
  const connected = await Promise.all(
    clientProcesses.map((child, i) => {
      const first = i * share;
      const count = Math.max(0, Math.min(share, clientCount - first));
      child.send({ type: 'connect', port, first, count } satisfies ToClients);
      return nextMessage<Extract<FromClients, { type: 'connected' }>>(child, 'connected');
    }),
  );
  const connectSeconds = (performance.now() - connectStart) / 1000;
  const ok = connected.reduce((sum, c) => sum + c.ok, 0);
  const failed = connected.reduce((sum, c) => sum + c.failed, 0);
  // Let the connection burst settle before measuring idle memory.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const after = await memory();

  // Warm-up: one event for an area nobody holds, so the first measured one is not a cold start.
  server.send({ type: 'publish', areas: ['99.99.99.9999'] } satisfies ToServer);
  await nextMessage<Extract<FromServer, { type: 'published' }>>(server, 'published');

  const targeted = Array.from({ length: TARGETED_AREAS }, (_, i) => areaCode(i));
  const latencies: number[] = [];
  let expected = 0;
  let unexpected = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    const results = clientProcesses.map((child) => {
      child.send({ type: 'expect', deadlineMs: RECEIVE_DEADLINE_MS } satisfies ToClients);
      return nextMessage<Extract<FromClients, { type: 'result' }>>(child, 'result');
    });
    server.send({ type: 'publish', areas: targeted } satisfies ToServer);
    const { at } = await nextMessage<Extract<FromServer, { type: 'published' }>>(
      server,
      'published',
    );
    const reports = await Promise.all(results);
    for (const r of reports) {
      latencies.push(...r.received.map((t) => t - at));
      expected += r.expected;
      unexpected += r.unexpected;
    }
  }
  latencies.sort((a, b) => a - b);
  for (const child of clientProcesses) child.send({ type: 'stop' } satisfies ToClients);
  server.send({ type: 'stop' } satisfies ToServer);
  await Promise.all([server, ...clientProcesses].map((c) => new Promise((r) => c.once('exit', r))));

  return {
    kind,
    connected: ok,
    failed,
    connectSeconds,
    expected,
    received: latencies.length,
    unexpected,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: latencies[latencies.length - 1] ?? NaN,
    rssPerConnection: (after.rss - before.rss) / after.connections,
    heapPerConnection: (after.heapUsed - before.heapUsed) / after.connections,
  };
}

/** Clients i in [0, n) with i % AREA_COUNT < TARGETED_AREAS. */
function targetedClients(n: number): number {
  const full = Math.floor(n / AREA_COUNT) * TARGETED_AREAS;
  return full + Math.min(TARGETED_AREAS, n % AREA_COUNT);
}

const ms = (value: number) => `${value.toFixed(2)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

console.log(
  `fanout: ${clientCount} SSE clients over ${AREA_COUNT} areas, ${ROUNDS} events each to ${TARGETED_AREAS} areas, ` +
    `${workers} client processes, loopback`,
);
if (clientCount < requested) {
  console.log(
    `  note: asked for ${requested} clients; RLIMIT_NOFILE here is ${fdLimit} and cannot be raised ` +
      `(no CAP_SYS_RESOURCE), so the server holds ${clientCount}. Raise it with \`ulimit -n 65536\` ` +
      'before npm run bench where allowed.',
  );
}

const siaga = await run('siaga');
const baseline = await run('baseline');
clearTimeout(timer);

const rows: Array<[string, (r: RunResult) => string]> = [
  ['connected (failed)', (r) => `${r.connected} (${r.failed})`],
  ['connect time', (r) => `${r.connectSeconds.toFixed(1)} s`],
  [`should receive / received (${ROUNDS} events)`, (r) => `${r.expected} / ${r.received}`],
  ['received without being targeted', (r) => String(r.unexpected)],
  ['publish→receive p50', (r) => ms(r.p50)],
  ['publish→receive p99', (r) => ms(r.p99)],
  ['publish→receive max', (r) => ms(r.max)],
  ['RSS per idle connection', (r) => kb(r.rssPerConnection)],
  ['heap per idle connection', (r) => kb(r.heapPerConnection)],
];
console.log(`\n${''.padEnd(34)}${'siaga'.padStart(16)}${'baseline'.padStart(16)}`);
for (const [label, format] of rows) {
  console.log(`${label.padEnd(34)}${format(siaga).padStart(16)}${format(baseline).padStart(16)}`);
}
console.log(
  `\nratio siaga/baseline: p50 ${(siaga.p50 / baseline.p50).toFixed(2)}×, p99 ${(siaga.p99 / baseline.p99).toFixed(2)}×, ` +
    `RSS per connection ${(siaga.rssPerConnection / baseline.rssPerConnection).toFixed(2)}×`,
);

const correct =
  siaga.received === siaga.expected &&
  siaga.unexpected === 0 &&
  siaga.failed === 0 &&
  siaga.expected === ROUNDS * targetedClients(clientCount);
console.log(
  correct
    ? `targeting: every client in the ${TARGETED_AREAS} areas got each event, no other client did`
    : 'targeting: WRONG (see counts above)',
);
process.exit(correct ? 0 : 1);
