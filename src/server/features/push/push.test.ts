import { createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers/context.js';
import { buildAccount, sessionCookie } from '../../../../test/helpers/factories.js';
import { buildCitizenAtHome, GAMBIR_VILLAGE } from '../../../../test/helpers/station-world.js';
import {
  decryptPushBody,
  makeBrowserKeys,
  startLocalPushService,
  type BrowserKeys,
  type LocalPushService,
} from '../../../../test/helpers/push-service.js';
import { transaction } from '../../db/database.js';
import {
  accountKey,
  areaKey,
  cellsToKeys,
  circleToCells,
  subscriberKeys,
} from '../../geo/targeting.js';
import { newId } from '../../ids.js';
import { getDeliveryFigures } from '../delivery/delivery.service.js';
import { replacePushSubscriptionKeys, upsertPushSubscription } from './push.repository.js';
import { pushTopic } from './push.service.js';
import type { PushFanoutInput } from './push.service.js';
import { enqueuePushFanout } from './push.service.js';

const MONAS = { lat: -6.1754, lng: 106.8272 };
const TARGET = [areaKey('31.71.01'), ...cellsToKeys(circleToCells(MONAS, 1000))];

/** Checks the VAPID JWT (RFC 8292) with the key it names, and returns its claims. */
function verifyVapid(
  authorization: string | undefined,
  expectedKey: string,
): { aud: string; sub: string; exp: number } {
  const match = /^vapid t=([^,]+), k=(.+)$/.exec(authorization ?? '');
  expect(match).not.toBeNull();
  const [, token, key] = match!;
  expect(key).toBe(expectedKey);
  const [header, claims, signature] = token!.split('.');
  const point = Buffer.from(key!, 'base64url');
  const publicKey = createPublicKey({
    format: 'jwk',
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33, 65).toString('base64url'),
    },
  });
  const signed = verify(
    'sha256',
    Buffer.from(`${header}.${claims}`),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature!, 'base64url'),
  );
  expect(signed).toBe(true);
  return JSON.parse(Buffer.from(claims!, 'base64url').toString('utf8')) as {
    aud: string;
    sub: string;
    exp: number;
  };
}

describe('web push', () => {
  let t: TestContext;
  let push: LocalPushService;
  let publicKey: string;
  const browsers = new Map<string, BrowserKeys>();

  beforeAll(async () => {
    t = await createTestContext();
    push = await startLocalPushService();
    publicKey = (await t.app.inject('/api/push/key')).json().publicKey;
  });
  afterAll(async () => {
    await push.close();
    await t.close();
  });
  beforeEach(async () => {
    await t.ctx.db.deleteFrom('push_subscription').execute();
    push.received.length = 0;
  });

  const subscribe = (path: string, extra: Record<string, unknown> = {}, cookie?: string) => {
    const browser = makeBrowserKeys();
    browsers.set(path, browser);
    return t.app.inject({
      method: 'POST',
      url: '/api/push/subscriptions',
      headers: cookie ? { cookie } : {},
      payload: { subscription: { endpoint: push.endpoint(path), keys: browser.json }, ...extra },
    });
  };
  const fanout = async (input: Partial<PushFanoutInput> = {}) => {
    await transaction(t.ctx.db, (tx) =>
      enqueuePushFanout(t.ctx, tx, {
        keys: TARGET,
        isDrill: false,
        category: 'banjir',
        isSevere: false,
        payload: { title: 'Banjir di Gambir', url: '/peringatan/1' },
        topic: newId(),
        ttlSeconds: 3600,
        sourceType: 'alert',
        sourceId: newId(),
        ...input,
      }),
    );
    await t.ctx.jobs.runDueJobs();
  };
  const paths = () => push.received.map((r) => r.path).sort();
  /** Stored directly: the subscribe route's rate limit is not what these tests are about. */
  const storeSubscriptions = async (count: number) => {
    const keys = subscriberKeys(['31.71.01.1001']);
    for (let i = 0; i < count; i += 1) {
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
  };
  const sendsPerPath = () => {
    const perPath = new Map<string, number>();
    for (const { path } of push.received) perPath.set(path, (perPath.get(path) ?? 0) + 1);
    return perPath;
  };
  const fanoutLeftovers = async () => [
    ...(await t.ctx.db.selectFrom('push_fanout_sent').selectAll().execute()),
    ...(await t.ctx.db.selectFrom('push_fanout_unit').selectAll().execute()),
  ];
  const countRows = async () =>
    (await t.ctx.db.selectFrom('push_subscription').select('id').execute()).length;

  it('hands out one VAPID public key, made once and kept', async () => {
    expect(Buffer.from(publicKey, 'base64url')).toHaveLength(65);
    expect((await t.app.inject('/api/push/key')).json()).toEqual({ publicKey });
    const stored = await t.ctx.db
      .selectFrom('setting')
      .select('value')
      .where('key', '=', 'push.vapid')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.value).publicKey).toBe(publicKey);
  });

  it.each([
    [{ endpoint: 'http://push.example.com/x' }, 'subscription.endpoint', 'push.endpoint_invalid'],
    [{ endpoint: 'https://192.168.1.10/x' }, 'subscription.endpoint', 'push.endpoint_invalid'],
    [{ endpoint: 'https://localhost/x' }, 'subscription.endpoint', 'push.endpoint_invalid'],
    [{ endpoint: 'https://[::1]/x' }, 'subscription.endpoint', 'push.endpoint_invalid'],
    [{ lat: -6.2 }, 'lng', 'validation.failed'],
    [{ areas: ['31.7'] }, 'areas.0', 'validation.failed'],
    [{ keys: { p256dh: 'short', auth: 'x' } }, 'subscription.keys.p256dh', 'validation.failed'],
    [{ colour: 'red' }, 'colour', 'validation.failed'],
    [
      { keys: { ...makeBrowserKeys().json, p256dh: offCurvePoint() } },
      'subscription.keys.p256dh',
      'push.key_invalid',
    ],
    [
      { keys: { ...makeBrowserKeys().json, p256dh: Buffer.alloc(65, 7).toString('base64url') } },
      'subscription.keys.p256dh',
      'push.key_invalid',
    ],
    [
      { keys: { ...makeBrowserKeys().json, auth: Buffer.alloc(17, 1).toString('base64url') } },
      'subscription.keys.auth',
      'push.key_invalid',
    ],
  ])('rejects %j naming %s and stores nothing', async (change, field, code) => {
    const browser = makeBrowserKeys();
    const { endpoint, keys, ...rest } = change as Record<string, unknown>;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/push/subscriptions',
      payload: {
        subscription: { endpoint: endpoint ?? push.endpoint('/bad'), keys: keys ?? browser.json },
        ...rest,
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(await countRows()).toBe(0);
  });

  it('accepts only public https push services outside tests', async () => {
    const production = await createTestContext({ env: { SIAGA_ENV: 'production' } });
    try {
      const res = await production.app.inject({
        method: 'POST',
        url: '/api/push/subscriptions',
        payload: { subscription: { endpoint: push.endpoint('/x'), keys: makeBrowserKeys().json } },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('push.endpoint_invalid');
    } finally {
      await production.close();
    }
  });

  it('upserts by endpoint, replacing the targeting keys, and unsubscribes', async () => {
    expect((await subscribe('/up', { areas: ['31.71.01.1001'] })).statusCode).toBe(200);
    const res = await subscribe('/up', { areas: ['32.01'], drills: true });
    expect(res.json()).toEqual({
      endpoint: push.endpoint('/up'),
      areas: ['32.01'],
      drills: true,
      mutedCategories: [],
    });
    expect(await countRows()).toBe(1);
    const keys = await t.ctx.db.selectFrom('push_subscription_key').select('key').execute();
    expect(keys.map((k) => k.key).sort()).toEqual(['a:32', 'a:32.01']);

    const gone = await t.app.inject({
      method: 'DELETE',
      url: '/api/push/subscriptions',
      payload: { endpoint: push.endpoint('/up') },
    });
    expect(gone.json()).toEqual({ ok: true });
    expect(await countRows()).toBe(0);
    expect(await t.ctx.db.selectFrom('push_subscription_key').selectAll().execute()).toEqual([]);
  });

  it("adds a logged-in citizen's own areas", async () => {
    const citizen = await buildCitizenAtHome(t);
    const res = await subscribe('/mine', { areas: ['32.01'] }, citizen.cookie);
    expect(res.json().areas).toEqual(['32.01', GAMBIR_VILLAGE]);
    await fanout();
    expect(paths()).toEqual(['/mine']);
  });

  it("reaches a signed-in device by its account's key, and nobody else's", async () => {
    const citizen = await buildAccount(t.ctx.db);
    await subscribe('/mine', {}, await sessionCookie(t, citizen.id));
    await subscribe('/guest', { areas: ['31.71.01.1001'] });
    await fanout({ keys: [accountKey(citizen.id)] });
    expect(paths()).toEqual(['/mine']);
  });

  it('pushes an encrypted notification to the subscriptions in the target only', async () => {
    await subscribe('/in', { areas: ['31.71.01.1001'] });
    await subscribe('/point', { lat: -6.1794, lng: 106.8302 });
    await subscribe('/out', { areas: ['32.01'], lat: -6.2054, lng: 106.8272 });
    await subscribe('/muted', { areas: ['31.71.01.1001'], mutedCategories: ['banjir'] });
    await subscribe('/drills', { areas: ['31.71.01.1001'], drills: true });
    const sourceId = newId();
    const topic = newId();
    await fanout({ sourceId, topic });

    expect(paths()).toEqual(['/drills', '/in', '/point']);
    for (const received of push.received) {
      const body = decryptPushBody(received.body, browsers.get(received.path)!);
      expect(JSON.parse(body)).toEqual({ title: 'Banjir di Gambir', url: '/peringatan/1' });
      expect(received.headers).toMatchObject({
        ttl: '3600',
        urgency: 'normal',
        topic: pushTopic(topic),
        'content-encoding': 'aes128gcm',
      });
      const claims = verifyVapid(received.headers.authorization, publicKey);
      expect(claims.aud).toBe(push.origin);
      expect(claims.sub).toBe('mailto:admin@localhost');
    }
    expect(pushTopic(topic)).toMatch(/^[A-Za-z0-9_-]{32}$/);

    const figures = await getDeliveryFigures(t.ctx, 'alert', sourceId);
    expect(figures.push).toMatchObject({ sent: 3, delivered: 3, failed: 0, opened: 0 });
    expect(figures.push.latencyP50Ms).not.toBeNull();
  });

  it('reaches muted categories when severe, with Urgency high; drills only the opted-in', async () => {
    await subscribe('/in', { areas: ['31.71.01.1001'] });
    await subscribe('/muted', { areas: ['31.71.01.1001'], mutedCategories: ['banjir'] });
    await subscribe('/drills', { areas: ['31.71.01.1001'], drills: true });
    await fanout({ isSevere: true });
    expect(paths()).toEqual(['/drills', '/in', '/muted']);
    expect(push.received.every((r) => r.headers.urgency === 'high')).toBe(true);

    push.received.length = 0;
    await fanout({ isDrill: true, category: 'latihan' });
    expect(paths()).toEqual(['/drills']);
  });

  it('deletes a subscription the push service says is gone (410)', async () => {
    await subscribe('/gone', { areas: ['31.71.01.1001'] });
    push.answer('/gone', { status: 410 });
    const sourceId = newId();
    await fanout({ sourceId });
    expect(paths()).toEqual(['/gone']);
    expect(await countRows()).toBe(0);
    expect((await getDeliveryFigures(t.ctx, 'alert', sourceId)).push).toMatchObject({
      sent: 1,
      delivered: 0,
      failed: 1,
    });
  });

  it('drops a stored subscription whose keys cannot encrypt at its first fan-out', async () => {
    await subscribe('/broken', { areas: ['31.71.01.1001'] });
    await subscribe('/fine', { areas: ['31.71.01.1001'] });
    // Stored before keys were checked on subscribe.
    await t.ctx.db
      .updateTable('push_subscription')
      .set({ p256dh: offCurvePoint() })
      .where('endpoint', '=', push.endpoint('/broken'))
      .execute();
    await fanout();
    expect(paths()).toEqual(['/fine']);
    expect(await countRows()).toBe(1);
    push.received.length = 0;
    await fanout();
    expect(paths()).toEqual(['/fine']);
  });

  it('retries a 503 after its Retry-After, then delivers', async () => {
    await subscribe('/busy', { areas: ['31.71.01.1001'] });
    push.answer('/busy', { status: 503, headers: { 'retry-after': '120' } }, { status: 201 });
    const sourceId = newId();
    await fanout({ sourceId });
    expect(push.received).toHaveLength(1);
    t.clock.advance(60_000);
    await t.ctx.jobs.runDueJobs();
    expect(push.received).toHaveLength(1);
    t.clock.advance(60_000);
    await t.ctx.jobs.runDueJobs();
    expect(push.received).toHaveLength(2);
    const [first, second] = push.received;
    // The retry is the same notification, freshly encrypted.
    const browser = browsers.get('/busy')!;
    expect(decryptPushBody(second!.body, browser)).toBe(decryptPushBody(first!.body, browser));
    expect(await countRows()).toBe(1);
    expect((await getDeliveryFigures(t.ctx, 'alert', sourceId)).push).toMatchObject({
      sent: 1,
      delivered: 1,
      failed: 0,
    });
  });

  it('finishes on another node a fan-out whose node died, repeating only the sends in flight', async () => {
    const subscriptions = 300;
    await storeSubscriptions(subscriptions);
    // The node that dies: a short lease, so its heartbeat soon finds the job taken over.
    const dying = await createTestContext({
      shared: t.shared,
      env: { SIAGA_JOB_LEASE_SECONDS: '1' },
    });
    const topic = newId();
    await transaction(dying.ctx.db, (tx) =>
      enqueuePushFanout(dying.ctx, tx, {
        keys: TARGET,
        isDrill: false,
        category: 'banjir',
        isSevere: false,
        payload: { title: 'Banjir' },
        topic,
        ttlSeconds: 3600,
        sourceType: 'alert',
        sourceId: newId(),
      }),
    );
    // 70 sends get through, then the push service stops answering the 50 in flight.
    push.hold({ after: 70, count: 50 });
    const dyingRun = dying.ctx.jobs.runDueJobs();
    await expect.poll(() => push.received.length).toBe(120);

    // Past the dying node's lease (its clock stands still), this node claims the job.
    t.clock.set(new Date(dying.clock.now().getTime() + 5_000));
    expect(await t.ctx.jobs.runDueJobs()).toBe(1);
    // Long enough for the dying node's heartbeat (every 333 ms) to see its claim is gone.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    push.release();
    await dyingRun;
    await dying.close();

    const perPath = sendsPerPath();
    expect(perPath.size).toBe(subscriptions);
    const repeated = [...perPath.values()].filter((count) => count > 1);
    expect(repeated.length).toBe(50);
    expect(Math.max(...repeated)).toBe(2);
    expect(new Set(push.received.map((r) => r.headers.topic))).toEqual(new Set([pushTopic(topic)]));
    expect(push.received).toHaveLength(subscriptions + 50);
    const job = await t.ctx.db
      .selectFrom('job')
      .selectAll()
      .where('name', '=', 'push.fanout-page')
      .orderBy('createdAt', 'desc')
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'done', attempts: 2 });
    expect(await fanoutLeftovers()).toEqual([]);
  }, 60_000);

  it('splits a fan-out into page jobs that the workers of two nodes run side by side', async () => {
    const subscriptions = 600;
    await storeSubscriptions(subscriptions);
    const env = { SIAGA_PUSH_PAGE_SIZE: '50' };
    const [first, second] = await Promise.all([
      createTestContext({ shared: t.shared, env }),
      createTestContext({ shared: t.shared, env }),
    ]);
    const sourceId = newId();
    await transaction(first.ctx.db, (tx) =>
      enqueuePushFanout(first.ctx, tx, {
        keys: TARGET,
        isDrill: false,
        category: 'banjir',
        isSevere: false,
        payload: { title: 'Banjir' },
        topic: newId(),
        ttlSeconds: 3600,
        sourceType: 'alert',
        sourceId,
      }),
    );
    // The first node plans 12 pages and takes 10 (its batch); one send of those hangs, so it
    // is still busy with them when the second node takes the other two.
    push.hold({ after: 0, count: 1 });
    const firstRun = first.ctx.jobs.runDueJobs();
    await expect.poll(() => push.received.length, { timeout: 20_000 }).toBe(500);
    expect(await second.ctx.jobs.runDueJobs()).toBe(2);
    expect(push.received).toHaveLength(subscriptions);
    push.release();
    expect(await firstRun).toBe(11);
    await Promise.all([first.close(), second.close()]);

    const perPath = sendsPerPath();
    expect(perPath.size).toBe(subscriptions);
    expect([...perPath.values()].every((count) => count === 1)).toBe(true);
    const pages = await t.ctx.db
      .selectFrom('job')
      .select(['status', 'payload'])
      .where('name', '=', 'push.fanout-page')
      .where('payload', 'like', `%${sourceId}%`)
      .execute();
    expect(pages).toHaveLength(12);
    expect(pages.every((page) => page.status === 'done')).toBe(true);
    expect((await getDeliveryFigures(t.ctx, 'alert', sourceId)).push).toMatchObject({
      sent: subscriptions,
      delivered: subscriptions,
      failed: 0,
    });
    expect(await fanoutLeftovers()).toEqual([]);
  }, 60_000);

  it('counts notifications opened from the service worker', async () => {
    const sourceId = newId();
    const opened = await t.app.inject({
      method: 'POST',
      url: '/api/push/opened',
      payload: { sourceType: 'alert', sourceId },
    });
    expect(opened.json()).toEqual({ ok: true });
    expect((await getDeliveryFigures(t.ctx, 'alert', sourceId)).push.opened).toBe(1);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/push/opened',
      payload: { sourceType: 'Alert!', sourceId },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('sourceType');
  });
});

/** 65 bytes that look like an uncompressed P-256 point but lie off the curve. */
function offCurvePoint(): string {
  const point = Buffer.from(makeBrowserKeys().json.p256dh, 'base64url');
  point[64] = point[64]! ^ 1;
  return point.toString('base64url');
}
