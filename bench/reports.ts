/**
 * `npm run bench -- reports`: citizen reports without photos, JSON over real HTTP from many
 * concurrent clients, to `siaga serve` (the compiled server, SQLite) in a child process,
 * beside a bare Fastify + better-sqlite3 insert route (bench/reports/bare-server.ts) in
 * another child, in the same run. Each submission is a new report with its own
 * idempotency key, from its own address (through a trusted proxy: the route's rate limit
 * holds per address), half placed by a point, half by an area code.
 *
 * Then durability: the server is killed with SIGKILL in the middle of a load, restarted,
 * and every report that had been answered 201 must be there, none twice; the submissions
 * whose answer was lost are sent again with their keys and must not make twins.
 *
 *   npm run bench -- reports [--connections=64] [--seconds=8] [--workers=1] [--profile=DIR]
 *
 * `--workers` is passed to `siaga serve`; the default, one process, is what the bare route runs
 * (with one process per core, SQLite's writers also wait on each other's lock).
 *
 * `--profile` writes a CPU profile of the measured server (open it in Chrome's DevTools).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import SqliteDatabase from 'better-sqlite3';
import { DEMO_VILLAGE_CENTRES } from '../src/cli/demo/demo-data.js';

const option = (name: string, fallback: number): number => {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? Number(arg.split('=')[1]) : fallback;
};
const CONNECTIONS = option('connections', 64);
const SECONDS = option('seconds', 8);
const WORKERS = option('workers', 1);
const KILL_AFTER_MS = 2_000;
const AIM_RPS = 1_000;
const PROFILE_DIR = process.argv.find((a) => a.startsWith('--profile='))?.split('=')[1];

const root = fileURLToPath(new URL('../', import.meta.url));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaga-bench-reports-'));

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const port = await freePort();
const siagaUrl = `http://127.0.0.1:${port}`;
const env = {
  ...process.env,
  SIAGA_DATA_DIR: dataDir,
  SIAGA_HOST: '127.0.0.1',
  SIAGA_PORT: String(port),
  SIAGA_PUBLIC_URL: siagaUrl,
  SIAGA_SECRET: 'bench-secret-bench-secret-bench-secret-00',
  SIAGA_ENV: 'production',
  SIAGA_LOG_LEVEL: 'warn',
  // The clients stand behind a proxy on this machine, each with its own address.
  SIAGA_TRUST_PROXY: 'loopback',
};

/** Resolves with the child once a line of its stdout matches. */
function startChild(
  args: string[],
  ready: RegExp,
): Promise<{ child: ChildProcess; match: RegExpMatchArray }> {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = seen.match(ready);
      if (match) resolve({ child, match });
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited (${code}): ${seen}`)));
  });
}

const startSiaga = async (profile = false) => {
  const profiling = profile && PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  return (
    await startChild(
      [...profiling, 'bin/siaga.js', 'serve', '--workers', String(WORKERS)],
      /Siaga is running at/,
    )
  ).child;
};

async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

let sequence = 0;
/** A new submission: its key, its address and its body. */
function nextSubmission(tag: string) {
  const i = sequence++;
  const village = DEMO_VILLAGE_CENTRES[i % DEMO_VILLAGE_CENTRES.length]!;
  const place = i % 2 === 0 ? { lat: village.lat, lng: village.lng } : { areaCode: village.code };
  const idempotencyKey = `bench-${tag}-${String(i).padStart(10, '0')}`;
  return {
    idempotencyKey,
    address: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    body: {
      category: i % 3 === 0 ? 'pencurian' : 'mencurigakan',
      description: `Motor warga dicuri di depan warung malam tadi, pelaku dua orang (${i}).`,
      ...place,
      anonymous: true,
      idempotencyKey,
    },
  };
}

interface Figures {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  /** Requests without an answer within autocannon's 10 s (counted, not in the latencies). */
  timeouts: number;
  /** The server's own CPU time per request: what a loaded machine's wall clock hides. */
  cpuMsPerRequest: number;
}

/** User + system CPU time of a process so far (Linux /proc, in clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function load(
  label: string,
  url: string,
  tag: string,
  seconds: number,
  server: ChildProcess,
): Promise<Figures> {
  const cpuBefore = cpuMsOf(server.pid!);
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const submission = nextSubmission(tag);
          return {
            ...request,
            headers: {
              'content-type': 'application/json',
              'x-forwarded-for': submission.address,
            },
            body: JSON.stringify(submission.body),
          };
        },
      },
    ],
  });
  if (result.non2xx > 0) throw new Error(`${label}: ${result.non2xx} answers other than 2xx`);
  return {
    label,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    timeouts: result.errors,
    cpuMsPerRequest: (cpuMsOf(server.pid!) - cpuBefore) / result.requests.total,
  };
}

function openDatabase() {
  return new SqliteDatabase(path.join(dataDir, 'siaga.db'), { readonly: true });
}

/** Submits from many clients until the server dies; what was answered 201 and what was not. */
async function loadUntilKilled(server: ChildProcess) {
  const answered = new Map<string, string>();
  const unanswered: Array<ReturnType<typeof nextSubmission>> = [];
  let dead = false;
  const client = async () => {
    while (!dead) {
      const submission = nextSubmission('kill');
      try {
        const response = await fetch(`${siagaUrl}/api/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': submission.address },
          body: JSON.stringify(submission.body),
        });
        const body = (await response.json()) as { id: string };
        if (response.status !== 201) throw new Error(`status ${response.status}`);
        answered.set(submission.idempotencyKey, body.id);
      } catch {
        unanswered.push(submission);
        dead = true;
      }
    }
  };
  const clients = Array.from({ length: CONNECTIONS }, client);
  await new Promise((resolve) => setTimeout(resolve, KILL_AFTER_MS));
  await stop(server, 'SIGKILL');
  await Promise.all(clients);
  return { answered, unanswered };
}

async function durability() {
  const server = await startSiaga();
  const { answered, unanswered } = await loadUntilKilled(server);
  const restarted = await startSiaga();
  try {
    const db = openDatabase();
    const rows = db
      .prepare(
        `select id, "idempotencyKey" as key from report where "idempotencyKey" like 'bench-kill-%'`,
      )
      .all() as Array<{ id: string; key: string }>;
    db.close();
    const byKey = new Map<string, string[]>();
    for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row.id]);
    const present = [...answered].filter(([key, id]) => byKey.get(key)?.includes(id)).length;
    const twice = [...byKey.values()].filter((ids) => ids.length > 1).length;
    const inFlightStored = unanswered.filter((s) => byKey.has(s.idempotencyKey)).length;

    // The clients whose answer was lost send again with the same key.
    const retried = { created: 0, found: 0, failed: 0 };
    for (const submission of unanswered) {
      const response = await fetch(`${siagaUrl}/api/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': submission.address },
        body: JSON.stringify(submission.body),
      });
      await response.arrayBuffer();
      if (response.status === 201) retried.created += 1;
      else if (response.status === 200) retried.found += 1;
      else retried.failed += 1;
    }
    const after = openDatabase();
    const { total, keys } = after
      .prepare(
        `select count(*) as total, count(distinct "idempotencyKey") as keys from report where "idempotencyKey" like 'bench-kill-%'`,
      )
      .get() as { total: number; keys: number };
    after.close();

    console.log(
      `\ndurability: SIGKILL after ${KILL_AFTER_MS} ms of load from ${CONNECTIONS} clients`,
    );
    console.log(`  answered 201 before the kill       ${answered.size}`);
    console.log(
      `  present after restart               ${present} (missing ${answered.size - present})`,
    );
    console.log(`  stored twice                        ${twice}`);
    console.log(
      `  in flight at the kill (no answer)   ${unanswered.length}, of which stored ${inFlightStored}`,
    );
    console.log(
      `  resent after restart                201 new ${retried.created}, 200 same report ${retried.found}, failed ${retried.failed}`,
    );
    console.log(
      `  rows ${total}, distinct keys ${keys}: ${total === keys && present === answered.size && retried.failed === 0 ? 'OK' : 'FAILED'}`,
    );
    if (present !== answered.size || twice > 0 || total !== keys || retried.failed > 0) {
      process.exitCode = 1;
    }
  } finally {
    await stop(restarted);
  }
}

async function main(): Promise<void> {
  console.log('building the server (npm run build:server)…');
  execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, ['bin/siaga.js', 'seed', 'demo'], {
    cwd: root,
    env,
    stdio: 'ignore',
  });

  const bare = await startChild(
    ['--import', 'tsx', 'bench/reports/bare-server.ts', dataDir],
    /port (\d+)/,
  );
  const bareUrl = `http://127.0.0.1:${bare.match[1]}/bare`;
  let baseline: Figures;
  try {
    await load('warm-up', bareUrl, 'bare-warm', 1, bare.child);
    baseline = await load(
      'bare Fastify + better-sqlite3 insert',
      bareUrl,
      'bare',
      SECONDS,
      bare.child,
    );
  } finally {
    await stop(bare.child);
  }
  const siaga = await startSiaga(true);
  let siagaFigures: Figures;
  try {
    await load('warm-up', `${siagaUrl}/api/reports`, 'warm', 1, siaga);
    siagaFigures = await load(
      'Siaga POST /api/reports',
      `${siagaUrl}/api/reports`,
      'siaga',
      SECONDS,
      siaga,
    );
  } finally {
    await stop(siaga);
  }
  const results = [baseline, siagaFigures];
  console.log(
    `\nreports without photos, ${CONNECTIONS} connections, ${SECONDS} s each, SQLite (aim: ≥ ${AIM_RPS} reports/s and ≥ 50 % of bare)`,
  );
  for (const r of results) {
    console.log(
      `${r.label.padEnd(38)} ${r.rps.toFixed(0).padStart(7)} req/s  ${((r.rps / baseline.rps) * 100).toFixed(0).padStart(4)} % of bare  p50 ${r.p50} ms  p99 ${r.p99} ms  server CPU ${r.cpuMsPerRequest.toFixed(2)} ms/req${r.timeouts > 0 ? `  ${r.timeouts} timed out` : ''}`,
    );
  }
  const db = openDatabase();
  const stored = (
    db
      .prepare(`select count(*) as n from report where "idempotencyKey" like 'bench-siaga-%'`)
      .get() as { n: number }
  ).n;
  db.close();
  console.log(`stored reports of the measured run: ${stored}`);
  console.log(
    siagaFigures.rps >= AIM_RPS && siagaFigures.rps >= baseline.rps / 2 ? 'aim met' : 'aim NOT met',
  );

  await durability();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

await main();
