import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openSession, SESSION_COOKIE } from '../src/server/auth/sessions.js';
import { loadConfig } from '../src/server/config.js';
import { createContext } from '../src/server/compose.js';
import { requireInCI } from './helpers/ci.js';
import { runPg, testDialect } from './helpers/context.js';
import { buildAccount, buildAreas, buildStation, grantRole } from './helpers/factories.js';
import { openSse, type SseClient, type SseEvent } from './helpers/sse.js';
import { SOUTH_JAKARTA_AREAS } from './helpers/station-world.js';

/**
 * Three `siaga serve` OS processes on one fresh PostgreSQL database and one Redis namespace;
 * one is SIGKILLed while alerts keep being issued, and its clients carry on at another node.
 * Not timed: every wait is on a condition, with room for a loaded 2-core CI machine.
 */
const pgUrl = process.env.SIAGA_TEST_PG_URL;
const redisUrl = process.env.SIAGA_TEST_REDIS_URL;
const hasSetup =
  requireInCI(
    Boolean(pgUrl && redisUrl),
    'PostgreSQL and Redis for the three-node test (SIAGA_TEST_PG_URL, SIAGA_TEST_REDIS_URL)',
  ) && testDialect === 'postgres';

const TARGET_VILLAGE = '31.74.07.1001';
const CLIENTS_PER_NODE = 3;
const SECRET = 'three-node-secret-three-node-secret-0000';
const STARTUP_MS = 90_000;
const DELIVERY_MS = 30_000;

interface Node {
  name: string;
  base: string;
  process: ChildProcess;
  exited: Promise<void>;
  log: string[];
  dataDir: string;
}

/** A stream reader that may move to another node: what it received on every connection. */
interface Subscriber {
  connections: SseClient[];
  alertEvents(): SseEvent[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function startNode(name: string, env: Record<string, string>): Promise<Node> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `siaga-${name}-`));
  const child = spawn(process.execPath, ['bin/siaga.js', 'serve'], {
    env: {
      ...process.env,
      ...env,
      SIAGA_PORT: String(port),
      SIAGA_HOST: '127.0.0.1',
      SIAGA_PUBLIC_URL: base,
      SIAGA_DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const node: Node = { name, base, process: child, exited, log, dataDir };
  // Listening means migrated and bootstrapped; /healthz answers once the app is up.
  await vi.waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`${name} exited:\n${log.join('')}`);
      const response = await fetch(`${base}/healthz`).catch(() => undefined);
      expect(response?.status, `${name} is not up yet`).toBe(200);
    },
    { timeout: STARTUP_MS, interval: 250 },
  );
  return node;
}

function alertIdOf(event: SseEvent): string {
  return (JSON.parse(event.data) as { data: { id: string } }).data.id;
}

describe.skipIf(!hasSetup)(
  'three siaga processes on PostgreSQL + Redis, one SIGKILLed (postgres project; skipped without PG and Redis)',
  () => {
    const database = `t3_${randomBytes(6).toString('hex')}`;
    const databaseUrl = pgUrl ? `${pgUrl.replace(/\/[^/]*$/, '')}/${database}` : '';
    const nodes: Node[] = [];
    const subscribers: Subscriber[] = [];
    let cookie = '';
    let stationId = '';

    beforeAll(async () => {
      await runPg(pgUrl!, `create database ${database}`);
      const env = {
        SIAGA_DATABASE_URL: databaseUrl,
        SIAGA_REDIS_URL: redisUrl!,
        SIAGA_REDIS_NAMESPACE: database,
        SIAGA_SECRET: SECRET,
        SIAGA_ENV: 'test',
        SIAGA_LOG_LEVEL: 'warn',
        SIAGA_ADMIN_PASSWORD: 'three-node-admin-2026',
      };
      // Seeded before any node starts: migrations, areas, a platform admin (so no node imports
      // the national list or races another for the first admin), one Polsek and its officer.
      const seedingDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaga-seed-'));
      const seeding = await createContext(loadConfig({ ...env, SIAGA_DATA_DIR: seedingDir }), {
        log: pino({ level: 'silent' }),
      });
      try {
        await buildAreas(seeding.db, SOUTH_JAKARTA_AREAS);
        const admin = await buildAccount(seeding.db, { email: 'admin@three-node.test' });
        await grantRole(seeding.db, admin.id, null, 'platform_admin');
        const station = await buildStation(seeding.db, {
          slug: 'polsek-tebet',
          name: 'Polsek Tebet',
          level: 'polsek',
          areaCodes: ['31.74.07'],
        });
        stationId = station.id;
        const officer = await buildAccount(seeding.db, { name: 'Bripka Sari' });
        await grantRole(seeding.db, officer.id, station.id, 'officer');
        cookie = `${SESSION_COOKIE}=${await openSession(seeding, officer.id, { ip: null, userAgent: null })}`;
      } finally {
        await seeding.close();
        fs.rmSync(seedingDir, { recursive: true, force: true });
      }
      // The first node alone first (it keys the audit log), then the other two together.
      nodes.push(await startNode('a', env));
      nodes.push(...(await Promise.all([startNode('b', env), startNode('c', env)])));
    }, 240_000);

    afterAll(async () => {
      for (const subscriber of subscribers) for (const c of subscriber.connections) c.close();
      for (const node of nodes) {
        if (node.process.exitCode === null && node.process.signalCode === null) {
          node.process.kill('SIGTERM');
          await node.exited;
        }
        fs.rmSync(node.dataDir, { recursive: true, force: true });
      }
      if (pgUrl) await runPg(pgUrl, `drop database if exists ${database} with (force)`);
    }, 60_000);

    const issued: string[] = [];
    async function issueAlert(node: Node): Promise<void> {
      const response = await fetch(`${node.base}/api/alerts`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({
          stationId,
          title: `Peringatan banjir ${issued.length + 1}`,
          body: 'Warga di bantaran Kali Ciliwung diminta mengungsi ke posko terdekat.',
          instruction: 'Menuju posko di kantor kelurahan.',
          category: 'banjir',
          severity: 'Severe',
          urgency: 'Immediate',
          certainty: 'Observed',
          target: { areas: [TARGET_VILLAGE] },
        }),
      });
      expect(response.status, await response.clone().text()).toBe(201);
      issued.push(((await response.json()) as { id: string }).id);
    }

    async function subscribe(node: Node, lastEventId?: string): Promise<SseClient> {
      const client = await openSse(
        `${node.base}/api/stream?areas=${TARGET_VILLAGE}`,
        lastEventId ? { 'last-event-id': lastEventId } : {},
      );
      expect(client.status).toBe(200);
      return client;
    }

    const waitUntilEveryoneHas = (count: number) =>
      vi.waitFor(
        () => {
          for (const subscriber of subscribers) {
            expect(subscriber.alertEvents().length).toBeGreaterThanOrEqual(count);
          }
        },
        { timeout: DELIVERY_MS, interval: 100 },
      );

    it('an alert issued on any node reaches the clients of all three; after a SIGKILL, the dead node’s clients reconnect with Last-Event-ID and miss nothing, twice nothing, in id order', async () => {
      for (const node of nodes) {
        for (let i = 0; i < CLIENTS_PER_NODE; i += 1) {
          const subscriber: Subscriber = {
            connections: [await subscribe(node)],
            alertEvents() {
              return this.connections.flatMap((c) => c.received).filter((e) => e.event === 'alert');
            },
          };
          subscribers.push(subscriber);
        }
      }

      // One alert issued on each node reaches every client of every node.
      for (const node of nodes) await issueAlert(node);
      await waitUntilEveryoneHas(3);

      // Alerts keep coming from the survivors while node c dies and its clients move over.
      const [a, b, c] = nodes as [Node, Node, Node];
      const cSubscribers = subscribers.slice(2 * CLIENTS_PER_NODE);
      const issuing = (async () => {
        for (let i = 0; i < 12; i += 1) await issueAlert(i % 2 === 0 ? a : b);
      })();
      await vi.waitFor(() => expect(issued.length).toBeGreaterThanOrEqual(6), {
        timeout: DELIVERY_MS,
        interval: 20,
      });
      c.process.kill('SIGKILL');
      await c.exited;
      for (const [i, subscriber] of cSubscribers.entries()) {
        const last = subscriber.alertEvents().at(-1)!.id;
        subscriber.connections.push(await subscribe(i % 2 === 0 ? a : b, last));
      }
      await issuing;

      await waitUntilEveryoneHas(issued.length);
      for (const subscriber of subscribers) {
        const events = subscriber.alertEvents();
        // Every alert once, in the order issued (one officer issuing one after another).
        expect(events.map(alertIdOf)).toEqual(issued);
        const ids = events.map((e) => e.id!);
        for (let i = 1; i < ids.length; i += 1) expect(ids[i]! > ids[i - 1]!).toBe(true);
      }
      // Node c's clients really had lost their connection and caught up elsewhere.
      for (const subscriber of cSubscribers) {
        expect(subscriber.connections).toHaveLength(2);
        expect(subscriber.connections[1]!.received.length).toBeGreaterThan(0);
      }
    }, 120_000);
  },
);
