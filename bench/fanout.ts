/**
 * Fan-out: N SSE clients on one Siaga process (the real app on SQLite), all subscribed to the
 * village every alert targets, so every client counts. The clock starts when the officer's
 * `POST /api/alerts` leaves (second figure: when the committed alert reaches the bus) and stops
 * at each client's receipt. The same clients then hold two baselines in the same run: a bare
 * node:http server calling `response.write` per client, and one writing a pre-encoded HTTP
 * chunk straight to each socket.
 *
 *   npm run bench -- fanout [--sizes=2000,10000,max] [--workers=4] [--rounds=5]
 *
 * Each process needs a file descriptor per connection: RLIMIT_NOFILE bounds the largest size.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  SERVER_KINDS,
  type FromClients,
  type FromServer,
  type ServerKind,
  type ToClients,
  type ToServer,
} from './fanout/protocol.js';
import { percentile } from './lib/percentile.js';

/** One server at one size, connecting included; a run past this is abandoned and reported. */
const RUN_LIMIT_MS = 240_000;
const RECEIVE_DEADLINE_MS = 10_000;

const option = (name: string, fallback: string): string =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;

function openFileLimit(): number {
  const line = fs
    .readFileSync('/proc/self/limits', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('Max open files'));
  const soft = Number(line?.split(/\s+/)[3]);
  return Number.isFinite(soft) ? soft : 1024;
}

// The server holds one descriptor per client plus its own (database, epoll, pipes): ~100.
const fdLimit = openFileLimit();
const largest = fdLimit - 100;
const requestedSizes = option('sizes', '2000,10000,max')
  .split(',')
  .map((s) => (s === 'max' ? largest : Number(s)));
const sizes = [...new Set(requestedSizes.map((s) => Math.min(s, largest)))];
const workers = Number(option('workers', '4'));
const rounds = Number(option('rounds', '5'));

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

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
  /** From the officer's request (siaga) or the first write (baselines). */
  fromRequest: number[];
  fromBus: number[];
  rssPerConnection: number;
  cpuMsPerEvent: number;
  frameBytes: number;
}

async function run(kind: ServerKind, clientCount: number, frameBytes: number): Promise<RunResult> {
  const children: ChildProcess[] = [];
  const start = (file: string, args: string[], execArgv: string[] = []) => {
    const child = fork(here(file), args, { execArgv: [...execArgv, '--import', 'tsx'] });
    children.push(child);
    return child;
  };
  /** Every request to the server has a reply of the same type, but `publish` → `published`. */
  const ask = <T extends FromServer>(child: ChildProcess, message: ToServer) => {
    const replyType = message.type === 'publish' ? 'published' : message.type;
    const reply = nextMessage<T>(child, replyType as T['type']);
    child.send(message);
    return reply;
  };
  let timer: NodeJS.Timeout | undefined;
  const measure = async (): Promise<RunResult> => {
    const server = start('./fanout/server.ts', [kind, String(frameBytes)], ['--expose-gc']);
    const { port } = await nextMessage<Extract<FromServer, { type: 'ready' }>>(server, 'ready');
    const before = await ask<Extract<FromServer, { type: 'memory' }>>(server, { type: 'memory' });

    const clientProcesses = Array.from({ length: workers }, () => start('./fanout/clients.ts', []));
    const share = Math.ceil(clientCount / workers);
    const connectStart = performance.now();
    const connected = await Promise.all(
      clientProcesses.map((child, i) => {
        const count = Math.max(0, Math.min(share, clientCount - i * share));
        child.send({ type: 'connect', port, count } satisfies ToClients);
        return nextMessage<Extract<FromClients, { type: 'connected' }>>(child, 'connected');
      }),
    );
    const connectSeconds = (performance.now() - connectStart) / 1000;
    const ok = connected.reduce((sum, c) => sum + c.ok, 0);
    const failed = connected.reduce((sum, c) => sum + c.failed, 0);
    // Every client saw `retry:` (written after it joined the hub); let the burst settle, then
    // check the server holds them all before the first alert, so "missing" means missing.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = await ask<Extract<FromServer, { type: 'memory' }>>(server, { type: 'memory' });
    if (after.connections < ok) {
      throw new Error(`server holds ${after.connections} of ${ok} connected clients`);
    }

    // Warm-up: one alert nobody holds, so the first measured one is not a cold start.
    await ask(server, { type: 'publish', warmUp: true });
    await new Promise((resolve) => setTimeout(resolve, 200));

    const fromRequest: number[] = [];
    const fromBus: number[] = [];
    let expected = 0;
    let cpuMicros = 0;
    let measuredFrameBytes = frameBytes;
    for (let round = 0; round < rounds; round += 1) {
      const cpuBefore = await ask<Extract<FromServer, { type: 'cpu' }>>(server, { type: 'cpu' });
      const results = clientProcesses.map((child) => {
        child.send({ type: 'expect', deadlineMs: RECEIVE_DEADLINE_MS } satisfies ToClients);
        return nextMessage<Extract<FromClients, { type: 'result' }>>(child, 'result');
      });
      const published = await ask<Extract<FromServer, { type: 'published' }>>(server, {
        type: 'publish',
        warmUp: false,
      });
      const reports = await Promise.all(results);
      const cpuAfter = await ask<Extract<FromServer, { type: 'cpu' }>>(server, { type: 'cpu' });
      cpuMicros +=
        cpuAfter.userMicros -
        cpuBefore.userMicros +
        (cpuAfter.systemMicros - cpuBefore.systemMicros);
      measuredFrameBytes = published.frameBytes;
      for (const r of reports) {
        for (const t of r.received) {
          fromRequest.push(t - published.at);
          fromBus.push(t - published.busAt);
        }
        expected += r.expected;
      }
    }
    for (const child of clientProcesses) child.send({ type: 'stop' } satisfies ToClients);
    server.send({ type: 'stop' } satisfies ToServer);
    await Promise.all(children.map((c) => new Promise((r) => c.once('exit', r))));
    return {
      kind,
      connected: ok,
      failed,
      connectSeconds,
      expected,
      received: fromRequest.length,
      fromRequest: fromRequest.sort((a, b) => a - b),
      fromBus: fromBus.sort((a, b) => a - b),
      rssPerConnection: (after.rss - before.rss) / Math.max(1, after.connections),
      cpuMsPerEvent: cpuMicros / 1000 / rounds,
      frameBytes: measuredFrameBytes,
    };
  };
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`gave up after ${RUN_LIMIT_MS / 1000} s`)),
      RUN_LIMIT_MS,
    );
  });
  try {
    return await Promise.race([measure(), limit]);
  } finally {
    clearTimeout(timer);
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  }
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((load) => load.toFixed(1))
    .join(' ');
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

console.log(
  `fanout: sizes ${sizes.join(', ')}; every client subscribed to the alerted village; ` +
    `${rounds} alerts per server and size; ${workers} client processes; loopback; ` +
    `load average ${loadAverage()} before`,
);
if (requestedSizes.some((s) => s > largest)) {
  console.log(
    `  note: RLIMIT_NOFILE here is ${fdLimit}, so the largest size is capped at ${largest} ` +
      '(one descriptor per connection plus ~100 of the server’s own).',
  );
}

let allDelivered = true;
for (const size of sizes) {
  const results: RunResult[] = [];
  let frameBytes = 1024;
  for (const kind of SERVER_KINDS) {
    try {
      const result = await run(kind, size, frameBytes);
      // The baselines write as many bytes as Siaga's alert frame.
      if (kind === 'siaga') frameBytes = result.frameBytes;
      results.push(result);
    } catch (err) {
      console.log(`  ${kind} at ${size}: ${(err as Error).message}`);
      if (kind === 'siaga') allDelivered = false;
    }
  }
  console.log(`\n${size} clients, ${frameBytes}-byte frames`);
  const rows: Array<[string, (r: RunResult) => string]> = [
    ['connected (failed)', (r) => `${r.connected} (${r.failed})`],
    ['connect time', (r) => `${r.connectSeconds.toFixed(1)} s`],
    ['delivered / expected', (r) => `${r.received} / ${r.expected}`],
    ['request→receive p50', (r) => ms(percentile(r.fromRequest, 0.5))],
    ['request→receive p99', (r) => ms(percentile(r.fromRequest, 0.99))],
    ['request→receive max', (r) => ms(r.fromRequest.at(-1) ?? NaN)],
    ['bus→receive p50', (r) => ms(percentile(r.fromBus, 0.5))],
    ['bus→receive p99', (r) => ms(percentile(r.fromBus, 0.99))],
    ['RSS per idle connection', (r) => kb(r.rssPerConnection)],
    ['server CPU per event', (r) => ms(r.cpuMsPerEvent)],
  ];
  console.log(`${''.padEnd(26)}${results.map((r) => r.kind.padStart(18)).join('')}`);
  for (const [label, format] of rows) {
    console.log(`${label.padEnd(26)}${results.map((r) => format(r).padStart(18)).join('')}`);
  }
  const siaga = results.find((r) => r.kind === 'siaga');
  if (siaga) {
    allDelivered &&= siaga.received === siaga.expected && siaga.failed === 0;
    for (const baseline of results.filter((r) => r.kind !== 'siaga')) {
      console.log(
        `ratio siaga/${baseline.kind}: p50 ${ratio(percentile(siaga.fromRequest, 0.5), percentile(baseline.fromRequest, 0.5))}, ` +
          `p99 ${ratio(percentile(siaga.fromRequest, 0.99), percentile(baseline.fromRequest, 0.99))} ` +
          `(from the bus: ${ratio(percentile(siaga.fromBus, 0.99), percentile(baseline.fromBus, 0.99))}), ` +
          `RSS/conn ${ratio(siaga.rssPerConnection, baseline.rssPerConnection)}, ` +
          `CPU/event ${ratio(siaga.cpuMsPerEvent, baseline.cpuMsPerEvent)}`,
      );
    }
  }
}
console.log(`\nload average ${loadAverage()} after (the machine is shared: compare ratios)`);
console.log(
  allDelivered
    ? '\ndelivery: every connected client got every alert'
    : '\ndelivery: INCOMPLETE (see counts above)',
);
process.exit(allDelivered ? 0 : 1);
