import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AlertDelivery } from '../../../common/api/alerts.js';
import { createTestContext, type TestContext } from '../../../../test/helpers/context.js';
import {
  buildAccount,
  grantRole,
  sessionCookie,
  type TestStation,
} from '../../../../test/helpers/factories.js';
import { buildPeople, buildSouthJakartaWorld } from '../../../../test/helpers/station-world.js';
import {
  decryptPushBody,
  makeBrowserKeys,
  startLocalPushService,
  type BrowserKeys,
  type LocalPushService,
} from '../../../../test/helpers/push-service.js';
import { openSse, type SseClient } from '../../../../test/helpers/sse.js';
import { pushTopic } from '../push/push.service.js';

const VILLAGE = '31.74.07.1001';
const OTHER_VILLAGE = '31.74.08.1001';

/** Alerts reaching residents: Web Push fan-out, reach preview and delivery figures. */
describe('alert delivery', () => {
  let t: TestContext;
  let push: LocalPushService;
  let base: string;
  let polsek: TestStation;
  const cookies: Record<string, string> = {};
  const browsers = new Map<string, BrowserKeys>();
  const streams: SseClient[] = [];

  beforeAll(async () => {
    t = await createTestContext();
    push = await startLocalPushService();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    base = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
    const world = await buildSouthJakartaWorld(t);
    polsek = world.polsek;
    const people = await buildPeople(t, {
      officer: { stationId: polsek.id, role: 'officer' },
      otherOfficer: { stationId: world.sibling.id, role: 'officer' },
      citizen: null,
    });
    for (const [key, person] of Object.entries(people)) cookies[key] = person.cookie;
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await push.close();
    await t.close();
  });
  beforeEach(async () => {
    await t.ctx.db.deleteFrom('push_subscription').execute();
    push.received.length = 0;
  });

  const subscribe = async (path: string, areas: string[]) => {
    const browser = makeBrowserKeys();
    browsers.set(path, browser);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/push/subscriptions',
      payload: { subscription: { endpoint: push.endpoint(path), keys: browser.json }, areas },
    });
    expect(res.statusCode).toBe(200);
  };
  const post = (url: string, payload: object, who = 'officer') =>
    t.app.inject({ method: 'POST', url, headers: { cookie: cookies[who]! }, payload });
  const alert = (overrides: Record<string, unknown> = {}) => ({
    stationId: polsek.id,
    title: 'Banjir di Tebet Barat',
    body: 'Air naik di sekitar kali. '.repeat(10).trim(),
    category: 'banjir',
    severity: 'Severe',
    urgency: 'Immediate',
    certainty: 'Observed',
    target: { areas: [VILLAGE] },
    ...overrides,
  });
  const received = (path: string) =>
    push.received
      .filter((r) => r.path === path)
      .map((r) => ({
        headers: r.headers,
        payload: JSON.parse(decryptPushBody(r.body, browsers.get(path)!)) as Record<
          string,
          unknown
        >,
      }));

  it('pushes an issued alert to subscriptions in the target, and its cancel too', async () => {
    await subscribe('/inside', [VILLAGE]);
    await subscribe('/outside', [OTHER_VILLAGE]);
    const issued = await post('/api/alerts', alert());
    expect(issued.statusCode).toBe(201);
    const id: string = issued.json().id;
    // Nothing leaves before the job runs.
    expect(push.received).toHaveLength(0);
    await t.ctx.jobs.runDueJobs();

    expect(received('/outside')).toHaveLength(0);
    const [first] = received('/inside');
    expect(first?.payload).toEqual({
      id,
      msgType: 'Alert',
      title: 'Banjir di Tebet Barat',
      body: expect.stringMatching(/^Air naik di sekitar kali\..*…$/),
      category: 'banjir',
      severity: 'Severe',
      url: `/peringatan/${id}`,
      tag: id,
    });
    expect((first?.payload.body as string).length).toBeLessThanOrEqual(140);
    expect(first?.headers.topic).toBe(pushTopic(id));
    expect(first?.headers.urgency).toBe('high');
    // Default lifetime is far beyond a day: capped at 24 h.
    expect(first?.headers.ttl).toBe(String(24 * 60 * 60));

    const cancelled = await post(`/api/alerts/${id}/cancel`, { reason: 'Air sudah surut' });
    expect(cancelled.statusCode).toBe(201);
    await t.ctx.jobs.runDueJobs();
    const messages = received('/inside');
    expect(messages.map((m) => m.payload.msgType)).toEqual(['Alert', 'Cancel']);
    // Same topic: the cancel replaces the alert if that is still waiting at the push service.
    expect(messages[1]?.headers.topic).toBe(pushTopic(id));
    expect(messages[1]?.payload.tag).toBe(id);
    expect(received('/outside')).toHaveLength(0);
  });

  it('pushes a moderate alert with normal urgency and a TTL until expiry', async () => {
    await subscribe('/moderate', [VILLAGE]);
    const expiresAt = new Date(t.clock.now().getTime() + 30 * 60_000).toISOString();
    const res = await post('/api/alerts', alert({ severity: 'Moderate', expiresAt }));
    expect(res.statusCode).toBe(201);
    await t.ctx.jobs.runDueJobs();
    const [message] = received('/moderate');
    expect(message?.headers.urgency).toBe('normal');
    expect(message?.headers.ttl).toBe(String(30 * 60));
  });

  it('pushes a suspect alert only once a second officer approves it', async () => {
    await subscribe('/suspect', [VILLAGE]);
    const second = await buildAccount(t.ctx.db, { name: 'Uji kedua' });
    await grantRole(t.ctx.db, second.id, polsek.id, 'officer');
    cookies.second = await sessionCookie(t, second.id);
    const issued = await post('/api/alerts', alert({ describesSuspect: true }));
    expect(issued.json().state).toBe('pending_approval');
    await t.ctx.jobs.runDueJobs();
    expect(received('/suspect')).toHaveLength(0);

    expect((await post(`/api/alerts/${issued.json().id}/approve`, {}, 'second')).statusCode).toBe(
      200,
    );
    await t.ctx.jobs.runDueJobs();
    expect(received('/suspect').map((m) => m.payload.id)).toEqual([issued.json().id]);
  });

  it('previews the reach: devices and live connections the target meets', async () => {
    await subscribe('/a', [VILLAGE]);
    await subscribe('/b', ['31.74.07']);
    await subscribe('/c', [OTHER_VILLAGE]);
    for (const areas of [VILLAGE, VILLAGE, OTHER_VILLAGE]) {
      streams.push(await openSse(`${base}/api/stream?areas=${areas}`));
    }
    const res = await post('/api/alerts/preview', {
      stationId: polsek.id,
      target: { areas: [VILLAGE] },
    });
    expect(res.statusCode).toBe(200);
    // Only the village's subscription: one to the whole district is not reached by a village.
    expect(res.json().reach).toEqual({ devices: 1, liveConnections: 2 });

    const district = await post('/api/alerts/preview', {
      stationId: polsek.id,
      target: { areas: ['31.74.07'] },
    });
    // An alert to the district reaches its villages' subscribers too, not Setiabudi's.
    expect(district.json().reach).toEqual({ devices: 2, liveConnections: 2 });
  });

  it('gives the station officers per-channel delivery figures, and nobody else', async () => {
    await subscribe('/figures-1', [VILLAGE]);
    await subscribe('/figures-2', [VILLAGE]);
    push.answer('/figures-2', { status: 400 });
    const stream = await openSse(`${base}/api/stream?areas=${VILLAGE}`);
    streams.push(stream);
    const issued = await post('/api/alerts', alert({ severity: 'Minor' }));
    const id: string = issued.json().id;
    await stream.next();
    await t.ctx.jobs.runDueJobs();

    const figures = await t.app.inject({
      url: `/api/alerts/${id}/delivery`,
      headers: { cookie: cookies.officer! },
    });
    expect(figures.statusCode).toBe(200);
    const body = figures.json();
    expect(body.push).toMatchObject({ sent: 2, delivered: 1, failed: 1, opened: 0 });
    expect(body.push.latencyP50Ms).toEqual(expect.any(Number));
    expect(body.push.latencyP99Ms).toEqual(expect.any(Number));
    // The hub records its figures after writing, without holding the event up.
    await expect
      .poll(
        async () => {
          const res = await t.app.inject({
            url: `/api/alerts/${id}/delivery`,
            headers: { cookie: cookies.officer! },
          });
          return res.json<AlertDelivery>().stream.delivered;
        },
        // Generous: on a loaded machine (and over the Redis bus) recording may take a while.
        { timeout: 15_000 },
      )
      .toBeGreaterThanOrEqual(1);

    for (const [who, status] of [
      ['otherOfficer', 403],
      ['citizen', 403],
    ] as const) {
      const res = await t.app.inject({
        url: `/api/alerts/${id}/delivery`,
        headers: { cookie: cookies[who]! },
      });
      expect(res.statusCode).toBe(status);
    }
    expect((await t.app.inject({ url: `/api/alerts/${id}/delivery` })).statusCode).toBe(401);
    const missing = await t.app.inject({
      url: '/api/alerts/nope/delivery',
      headers: { cookie: cookies.officer! },
    });
    expect(missing.statusCode).toBe(404);
  });
});
