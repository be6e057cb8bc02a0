/**
 * Web Push fan-out on the real job workers: S subscriptions in the target, a local push service
 * that answers after D ms (a real one takes about 150 ms), and the fan-out run
 *   1. as one page (what one `push.fanout` job did before it was split), on one node;
 *   2. split into pages of 500, on N nodes (in this process, on one database) side by side;
 * beside a bare sender in the same run: the same encryption and POSTs, 50 in flight, no
 * database. Prints sends/s and the ratios. PostgreSQL with SIAGA_TEST_DIALECT=postgres and
 * SIAGA_TEST_PG_URL set, SQLite otherwise.
 *
 *   npm run bench -- push [--subscriptions=5000] [--nodes=2] [--delay=150]
 */
import os from 'node:os';
import webpush from 'web-push';
import { transaction } from '../src/server/db/database.js';
import { subscriberKeys } from '../src/server/geo/targeting.js';
import { newId } from '../src/server/ids.js';
import {
  replacePushSubscriptionKeys,
  upsertPushSubscription,
} from '../src/server/features/push/push.repository.js';
import { enqueuePushFanout, getVapidKeys } from '../src/server/features/push/push.service.js';
import { createTestContext, type TestContext } from '../test/helpers/context.js';
import { makeBrowserKeys, startLocalPushService } from '../test/helpers/push-service.js';

const option = (name: string, fallback: number): number => {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? Number(arg.split('=')[1]) : fallback;
};
const subscriptions = option('subscriptions', 5000);
const nodes = option('nodes', 2);
const delayMs = option('delay', 150);
const CONCURRENCY = 50;
const keys = subscriberKeys(['31.71.01.1001']);

const push = await startLocalPushService({ answerDelayMs: delayMs });
const t = await createTestContext();
try {
  console.log(
    `push fan-out: ${subscriptions} subscriptions, push service answering in ${delayMs} ms, ` +
      `${t.ctx.database.dialect}, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  for (let i = 0; i < subscriptions; i += 1) {
    const now = t.clock.now().toISOString();
    const id = await upsertPushSubscription(t.ctx.db, {
      id: newId(),
      endpoint: push.endpoint(`/s${i}`),
      ...makeBrowserKeys().json,
      accountId: null,
      wantsDrills: 0,
      mutedCategories: '[]',
      createdAt: now,
      updatedAt: now,
    });
    await replacePushSubscriptionKeys(t.ctx.db, id, keys);
  }

  const bare = await bareSender(t);
  const fanout = async (pageSize: number, nodeCount: number) => {
    const env = { SIAGA_PUSH_PAGE_SIZE: String(pageSize) };
    const workers = await Promise.all(
      Array.from({ length: nodeCount }, () => createTestContext({ shared: t.shared, env })),
    );
    push.received.length = 0;
    const cpu = process.cpuUsage();
    const started = performance.now();
    await transaction(workers[0]!.ctx.db, (tx) =>
      enqueuePushFanout(workers[0]!.ctx, tx, {
        keys,
        isDrill: false,
        category: 'banjir',
        isSevere: true,
        payload: { title: 'Peringatan banjir', url: '/peringatan/bench' },
        topic: newId(),
        ttlSeconds: 3600,
        sourceType: 'alert',
        sourceId: newId(),
      }),
    );
    // Every node drains until the queue is empty; a node that finds nothing yet looks again.
    await Promise.all(
      workers.map(async (worker) => {
        while (push.received.length < subscriptions) {
          if ((await worker.ctx.jobs.runDueJobs()) === 0)
            await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    await Promise.all(workers.map((worker) => worker.close()));
    return { rate: push.received.length / seconds, cpuMs: cpuMsPerSend(used) };
  };
  const onePage = await fanout(10_000, 1);
  const pages = await fanout(500, nodes);
  const row = (label: string, figures: { rate: number; cpuMs: number }) =>
    console.log(
      `${label.padEnd(42)} ${figures.rate.toFixed(0).padStart(7)} sends/s  ` +
        `${(figures.rate / bare.rate).toFixed(2)}× bare  ${figures.cpuMs.toFixed(2)} ms CPU a send`,
    );
  row('bare sender (50 in flight, no database)', bare);
  row('one job for the whole fan-out (before)', onePage);
  row(`pages of 500 on ${nodes} nodes`, pages);
  console.log(`pages ÷ one job: ${(pages.rate / onePage.rate).toFixed(2)}×`);
} finally {
  await t.close();
  await push.close();
}

/** The same encrypted POSTs to the same push service, 50 in flight, nothing recorded. */
function cpuMsPerSend(used: NodeJS.CpuUsage): number {
  // The push service answers in this process too: its share is in every figure alike.
  return (used.user + used.system) / 1000 / subscriptions;
}

async function bareSender(context: TestContext): Promise<{ rate: number; cpuMs: number }> {
  const vapid = await getVapidKeys(context.ctx);
  const rows = await context.ctx.db.selectFrom('push_subscription').selectAll().execute();
  const body = JSON.stringify({ title: 'Peringatan banjir', url: '/peringatan/bench' });
  let next = 0;
  const lane = async () => {
    while (next < rows.length) {
      const row = rows[next++]!;
      const request = webpush.generateRequestDetails(
        { endpoint: row.endpoint, keys: { p256dh: row.p256dh, auth: row.auth } },
        body,
        {
          vapidDetails: { subject: 'mailto:bench@localhost', ...vapid },
          TTL: 3600,
          urgency: 'high',
          contentEncoding: 'aes128gcm',
        },
      );
      const response = await fetch(request.endpoint, {
        method: 'POST',
        headers: request.headers as Record<string, string>,
        body: new Uint8Array(request.body),
      });
      await response.body?.cancel();
    }
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  const used = process.cpuUsage(cpu);
  return { rate: rows.length / ((performance.now() - started) / 1000), cpuMs: cpuMsPerSend(used) };
}
