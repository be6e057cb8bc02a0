import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { requireInCI } from './helpers/ci.js';
import { runPg, testDialect } from './helpers/context.js';
import {
  issueAlert,
  seedAlertingStation,
  startServeProcess,
  subscribeToVillage,
  type ServeProcess as Node,
} from './helpers/serve-process.js';
import type { SseClient, SseEvent } from './helpers/sse.js';

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

const CLIENTS_PER_NODE = 3;
const SECRET = 'three-node-secret-three-node-secret-0000';
const DELIVERY_MS = 30_000;

/** A stream reader that may move to another node: what it received on every connection. */
interface Subscriber {
  connections: SseClient[];
  alertEvents(): SseEvent[];
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
    let officer = { cookie: '', stationId: '' };

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
      const seedingDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaga-seed-'));
      try {
        officer = await seedAlertingStation(env, seedingDir);
      } finally {
        fs.rmSync(seedingDir, { recursive: true, force: true });
      }
      // The first node alone first (it keys the audit log), then the other two together.
      nodes.push(await startServeProcess('a', env));
      nodes.push(
        ...(await Promise.all([startServeProcess('b', env), startServeProcess('c', env)])),
      );
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
    async function issueAlertOn(node: Node): Promise<void> {
      issued.push(await issueAlert(node.base, officer, `Peringatan banjir ${issued.length + 1}`));
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
            connections: [await subscribeToVillage(node.base)],
            alertEvents() {
              return this.connections.flatMap((c) => c.received).filter((e) => e.event === 'alert');
            },
          };
          subscribers.push(subscriber);
        }
      }

      // One alert issued on each node reaches every client of every node.
      for (const node of nodes) await issueAlertOn(node);
      await waitUntilEveryoneHas(3);

      // Alerts keep coming from the survivors while node c dies and its clients move over.
      const [a, b, c] = nodes as [Node, Node, Node];
      const cSubscribers = subscribers.slice(2 * CLIENTS_PER_NODE);
      const issuing = (async () => {
        for (let i = 0; i < 12; i += 1) await issueAlertOn(i % 2 === 0 ? a : b);
      })();
      await vi.waitFor(() => expect(issued.length).toBeGreaterThanOrEqual(6), {
        timeout: DELIVERY_MS,
        interval: 20,
      });
      c.process.kill('SIGKILL');
      await c.exited;
      for (const [i, subscriber] of cSubscribers.entries()) {
        const last = subscriber.alertEvents().at(-1)!.id;
        subscriber.connections.push(await subscribeToVillage((i % 2 === 0 ? a : b).base, last));
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
