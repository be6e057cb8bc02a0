import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestContext, testDialect, type TestContext } from '../../../test/helpers/context.js';
import { buildCitizenAtHome } from '../../../test/helpers/station-world.js';
import { requireInCI } from '../../../test/helpers/ci.js';
import { openSse, type SseClient } from '../../../test/helpers/sse.js';
import { transaction } from '../db/database.js';
import { getDeliveryFigures } from '../features/delivery/delivery.service.js';
import { areaKey, cellsToKeys, circleToCells } from '../geo/targeting.js';
import { createMemoryBus } from './bus.js';
import { STREAM_EVENT_ID_PATTERN } from '../../common/api/stream.js';
import type { StreamEvent } from './stream-events.js';
import { listMissedStreamEvents, publishStreamEvent } from './stream.service.js';
import { formatStreamFrame, StreamHub } from './stream-hub.js';

// The hub carries any module's events: these tests publish one of their own.
declare module './stream-events.js' {
  interface StreamEventTypes {
    'test.notice': unknown;
  }
}

const MONAS = { lat: -6.1754, lng: 106.8272 };
/** Kelurahan Gambir's district and a 1 km circle around Monas. */
const TARGET = [areaKey('31.71.01'), ...cellsToKeys(circleToCells(MONAS, 1000))];

async function listen(t: TestContext): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

function publish(
  t: TestContext,
  input: {
    keys: string[];
    isDrill?: boolean;
    data?: unknown;
    source?: { type: string; id: string };
  },
): Promise<StreamEvent> {
  return transaction(t.ctx.db, (tx) =>
    publishStreamEvent(t.ctx, tx, {
      type: 'test.notice',
      data: input.data ?? { title: 'Banjir' },
      ...input,
    }),
  );
}

const parsed = (event: { data: string }): unknown => JSON.parse(event.data);

describe('GET /api/stream', () => {
  let t: TestContext;
  let base: string;
  const open: SseClient[] = [];
  const connect = async (path: string, headers?: Record<string, string>) => {
    const client = await openSse(`${base}${path}`, headers);
    open.push(client);
    return client;
  };

  beforeAll(async () => {
    t = await createTestContext();
    base = await listen(t);
  });
  afterAll(async () => {
    for (const client of open) client.close();
    await t.close();
  });

  it('answers with stream headers and a retry line', async () => {
    const client = await connect('/api/stream?areas=31.71.01.1001');
    expect(client.status).toBe(200);
    expect(client.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(client.headers['cache-control']).toContain('no-cache');
    expect(client.headers['x-accel-buffering']).toBe('no');
    expect(client.retry).toBe(5000);
    client.close();
  });

  it('delivers to clients in the area or the circle, not outside, drills only to opted-in', async () => {
    const inside = await connect('/api/stream?areas=31.71.01.1001');
    const atPoint = await connect('/api/stream?lat=-6.1794&lng=106.8302');
    const outside = await connect('/api/stream?areas=32.01,31.72.01.1001&lat=-6.2054&lng=106.8272');
    const drills = await connect('/api/stream?areas=31.71.01.1001&drills=1');

    const alert = await publish(t, { keys: TARGET, data: { title: 'Banjir di Gambir' } });
    const drill = await publish(t, { keys: TARGET, isDrill: true });
    const everyone = await publish(t, { keys: [] });

    const first = await inside.next();
    expect(first).toMatchObject({ id: alert.id, event: 'test.notice' });
    expect(parsed(first)).toEqual({
      id: alert.id,
      type: 'test.notice',
      isDrill: false,
      createdAt: alert.createdAt,
      data: { title: 'Banjir di Gambir' },
    });
    // The drill was skipped: the next event on this connection is the one for everyone.
    expect((await inside.next()).id).toBe(everyone.id);
    expect((await atPoint.next()).id).toBe(alert.id);
    expect((await atPoint.next()).id).toBe(everyone.id);
    // Events arrive in order on a connection: reaching the broadcast proves the alert never came.
    expect((await outside.next()).id).toBe(everyone.id);
    expect((await drills.next()).id).toBe(alert.id);
    expect((await drills.next()).id).toBe(drill.id);
    expect((await drills.next()).id).toBe(everyone.id);
  });

  it("subscribes a logged-in citizen to the account's own areas", async () => {
    const resident = await buildCitizenAtHome(t);
    const citizen = await connect('/api/stream', { cookie: resident.cookie });
    expect(citizen.status).toBe(200);
    const anonymous = await connect('/api/stream');
    const alert = await publish(t, { keys: TARGET });
    const everyone = await publish(t, { keys: [] });
    expect((await citizen.next()).id).toBe(alert.id);
    expect((await anonymous.next()).id).toBe(everyone.id);
  });

  it('replays missed events after Last-Event-ID, then live ones, without duplicates', async () => {
    const first = await connect('/api/stream?areas=31.71.01.1001');
    const seen = await publish(t, { keys: TARGET });
    expect((await first.next()).id).toBe(seen.id);
    first.close();

    const missed1 = await publish(t, { keys: TARGET });
    await publish(t, { keys: [areaKey('32.01')] });
    const missed2 = await publish(t, { keys: [] });
    await publish(t, { keys: TARGET, isDrill: true });

    const again = await connect('/api/stream?areas=31.71.01.1001', { 'last-event-id': seen.id });
    expect((await again.next()).id).toBe(missed1.id);
    expect((await again.next()).id).toBe(missed2.id);
    const live = await publish(t, { keys: TARGET });
    expect((await again.next()).id).toBe(live.id);
    expect(again.received.map((e) => e.id)).toEqual([missed1.id, missed2.id, live.id]);

    // EventSource polyfills pass it in the query instead.
    const polyfill = await connect(`/api/stream?areas=31.71.01.1001&lastEventId=${missed2.id}`);
    expect((await polyfill.next()).id).toBe(live.id);
  });

  it('forgets a connection when the client goes away', async () => {
    for (const client of open) client.close();
    await vi.waitFor(() => expect(t.ctx.hub.size).toBe(0));
    const client = await connect('/api/stream?areas=31.71.01.1001');
    expect(t.ctx.hub.size).toBe(1);
    client.close();
    await vi.waitFor(() => expect(t.ctx.hub.size).toBe(0));
  });

  it('counts stream deliveries per node for the delivery figures', async () => {
    const a = await connect('/api/stream?areas=31.71.01.1001');
    const b = await connect('/api/stream?lat=-6.1794&lng=106.8302');
    const event = await publish(t, { keys: TARGET, source: { type: 'alert', id: 'alert-1' } });
    await a.next();
    await b.next();
    await vi.waitFor(async () => {
      const figures = await getDeliveryFigures(t.ctx, 'alert', 'alert-1');
      expect(figures.stream.delivered).toBe(2);
      expect(figures.stream.nodes).toEqual([{ nodeId: t.ctx.nodeId, delivered: 2 }]);
      expect(figures.stream.latencyP50Ms).not.toBeNull();
    });
    expect(event.source).toEqual({ type: 'alert', id: 'alert-1' });
  });

  it.each([
    ['?lat=100&lng=106', 'querystring.lat'],
    ['?lat=-6.2', 'lng'],
    ['?areas=31.7', 'querystring.areas'],
    ['?areas=31.71;drop', 'querystring.areas'],
    ['?drills=yes', 'querystring.drills'],
    ['?lastEventId=nope', 'querystring.lastEventId'],
    ['?colour=red', 'querystring.colour'],
  ])('rejects %s naming %s', async (query, field) => {
    const res = await t.app.inject(`/api/stream${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation.failed');
    expect(res.json().error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
  });
});

describe('stream hub', () => {
  it('sends heartbeat comments to idle connections', async () => {
    const hub = new StreamHub({ bus: createMemoryBus(), heartbeatMs: 20 });
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      hub.add({ response: res, keys: [], wantsDrills: false, replaying: false });
      res.write('retry: 1000\n\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const client = await openSse(`http://127.0.0.1:${port}/`);
    await vi.waitFor(() => expect(client.comments).toBeGreaterThanOrEqual(2));
    expect(client.received).toEqual([]);
    client.close();
    hub.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('writes bare frames, without chunk size lines, to an HTTP/1.0 client', async () => {
    const hub = new StreamHub({ bus: createMemoryBus() });
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      hub.add({ response: res, keys: ['a:31'], wantsDrills: false, replaying: false });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    socket.write(`GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n`);
    await vi.waitFor(() => expect(hub.size).toBe(1));
    const event: StreamEvent = {
      id: 'e1',
      type: 'test.notice',
      data: { n: 1 },
      keys: ['a:31'],
      isDrill: false,
      createdAt: new Date().toISOString(),
    };
    hub.deliver(event);
    const body = () => received.slice(received.indexOf('\r\n\r\n') + 4);
    await vi.waitFor(() => expect(body()).toBe(formatStreamFrame(event).toString()));
    socket.destroy();
    hub.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('drops a client whose socket stays full instead of buffering without end', async () => {
    const hub = new StreamHub({ bus: createMemoryBus(), maxBufferedBytes: 256 * 1024 });
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      hub.add({ response: res, keys: ['a:31'], wantsDrills: false, replaying: false });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    // A client that sends its request and then never reads.
    const socket = net.connect(port, '127.0.0.1');
    socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    socket.pause();
    await vi.waitFor(() => expect(hub.size).toBe(1));

    const big = 'x'.repeat(64 * 1024);
    for (let i = 0; i < 1000 && hub.droppedTotal === 0; i += 1) {
      hub.deliver({
        id: `e${i}`,
        type: 'test.notice',
        data: { big },
        keys: ['a:31'],
        isDrill: false,
        createdAt: new Date().toISOString(),
      });
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(hub.droppedTotal).toBe(1);
    expect(hub.size).toBe(0);
    socket.destroy();
    hub.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});

/** A bare server whose every request becomes a hub connection for everyone; its responses, in order. */
async function hubServer(hub: StreamHub) {
  const responses: http.ServerResponse[] = [];
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    hub.add({ response: res, keys: [], wantsDrills: false, replaying: false });
    responses.push(res);
    res.write('retry: 1000\n\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const clients: SseClient[] = [];
  const connect = async (count: number) => {
    for (let i = 0; i < count; i += 1) clients.push(await openSse(`http://127.0.0.1:${port}/`));
    await vi.waitFor(() => expect(responses).toHaveLength(clients.length));
  };
  /** How many responses had bytes handed to their socket since `before`. */
  const written = (before: number[]) =>
    responses.filter((res, i) => (res.socket?.bytesWritten ?? 0) > before[i]!).length;
  const bytesNow = () => responses.map((res) => res.socket?.bytesWritten ?? 0);
  /** Counts the writes to every connection's socket from now on. */
  const countSocketWrites = () => {
    let count = 0;
    for (const res of responses) {
      const socket = res.socket!;
      const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
      socket.write = (...args: unknown[]) => {
        count += 1;
        return write(...args);
      };
    }
    return () => count;
  };
  const close = async () => {
    for (const client of clients) client.close();
    hub.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { clients, connect, written, bytesNow, countSocketWrites, close };
}

const notice = (id: string): StreamEvent => ({
  id,
  type: 'test.notice',
  data: { title: id },
  keys: [],
  isDrill: false,
  createdAt: new Date().toISOString(),
});

describe('stream hub fan-out', () => {
  it('writes a large fan-out in slices, the first at once, and keeps events in order', async () => {
    const reports: number[] = [];
    const hub = new StreamHub({
      bus: createMemoryBus(),
      sliceSize: 2,
      onDelivered: (report) => reports.push(report.delivered),
    });
    const world = await hubServer(hub);
    await world.connect(5);

    const before = world.bytesNow();
    hub.deliver(notice('e1'));
    hub.deliver(notice('e2'));
    // The first slice of the first event goes out before the hub yields.
    expect(world.written(before)).toBe(2);
    expect(reports).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(world.written(before)).toBe(4);

    for (const client of world.clients) {
      await vi.waitFor(() => expect(client.received).toHaveLength(2));
      expect(client.received.map((event) => event.id)).toEqual(['e1', 'e2']);
    }
    // One report per event, once its last slice is written.
    expect(reports).toEqual([5, 5]);
    await world.close();
  });

  it('sends a connection the events queued for it in one write when the hub falls behind', async () => {
    const hub = new StreamHub({ bus: createMemoryBus(), sliceSize: 1 });
    const world = await hubServer(hub);
    await world.connect(3);
    const writes = world.countSocketWrites();

    // Three events arrive before the hub has had a turn: one write each for the first
    // slice, then each connection's backlog in one write.
    for (const id of ['b1', 'b2', 'b3']) hub.deliver(notice(id));
    for (const client of world.clients) {
      await vi.waitFor(() => expect(client.received).toHaveLength(3));
      expect(client.received.map((event) => event.id)).toEqual(['b1', 'b2', 'b3']);
    }
    expect(writes()).toBeLessThanOrEqual(4);
    await world.close();
  });

  it('spreads heartbeats over the period instead of beating every connection at once', async () => {
    vi.useFakeTimers({ toFake: ['setInterval'] });
    try {
      const hub = new StreamHub({ bus: createMemoryBus(), heartbeatMs: 400, heartbeatSlots: 4 });
      const world = await hubServer(hub);
      await world.connect(4);

      const before = world.bytesNow();
      vi.advanceTimersByTime(100);
      expect(world.written(before)).toBe(1);
      vi.advanceTimersByTime(300);
      expect(world.written(before)).toBe(4);
      // Back on the real clock: waitFor would otherwise advance the fake one and beat again.
      vi.useRealTimers();
      for (const client of world.clients) {
        await vi.waitFor(() => expect(client.comments).toBe(1));
      }
      await world.close();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('stream event ids across nodes on one database', () => {
  let nodeA: TestContext;
  let nodeB: TestContext;
  beforeAll(async () => {
    nodeA = await createTestContext();
    nodeB = await createTestContext({ shared: nodeA.shared });
  });
  afterAll(async () => {
    await nodeB.close();
    await nodeA.close();
  });

  const missedAfter = (id: string) =>
    listMissedStreamEvents(nodeA.ctx, { lastEventId: id, keys: new Set(), wantsDrills: false });

  it("orders ids by commit even when the later node's clock is behind", async () => {
    nodeB.clock.set(new Date(nodeA.clock.now().getTime() - 60_000));
    const first = await publish(nodeA, { keys: [] });
    const second = await publish(nodeB, { keys: [] });
    const third = await publish(nodeB, { keys: [] });
    expect(second.id > first.id).toBe(true);
    expect(third.id > second.id).toBe(true);
    expect(second.id).toMatch(new RegExp(STREAM_EVENT_ID_PATTERN));
    // A client that last saw node A's event gets node B's on reconnecting.
    expect((await missedAfter(first.id)).map((e) => e.id)).toEqual([second.id, third.id]);
  });

  // Two PostgreSQL connections wait for each other's lock; two SQLite connections in one
  // process would block its event loop instead (across processes SQLite waits likewise).
  it.skipIf(testDialect !== 'postgres')(
    'gives concurrent publishers on two nodes ids in commit order, and replay misses none',
    async () => {
      nodeB.clock.set(new Date(nodeA.clock.now().getTime() - 60_000));
      const committed: string[] = [];
      const publishSlowly = (node: TestContext) =>
        transaction(node.ctx.db, async (tx) => {
          const event = await publishStreamEvent(node.ctx, tx, {
            type: 'test.notice',
            data: {},
            keys: [],
          });
          // Hold the transaction open so the other node's publisher has to wait.
          await new Promise((resolve) => setTimeout(resolve, 5));
          tx.onCommit(() => committed.push(event.id));
          return event;
        });
      const before = await publish(nodeA, { keys: [] });
      const events = await Promise.all(
        Array.from({ length: 20 }, (_, i) => publishSlowly(i % 2 === 0 ? nodeA : nodeB)),
      );
      expect(committed).toHaveLength(20);
      expect(committed).toEqual([...committed].sort());
      expect(new Set(committed).size).toBe(20);
      const replayed = (await missedAfter(before.id)).map((e) => e.id);
      expect(replayed).toEqual(committed);
      expect(events.map((e) => e.id).sort()).toEqual(committed);
    },
  );
});

// The postgres project runs it; on CI both servers must be there for that.
const hasTwoNodeSetup =
  requireInCI(
    Boolean(process.env.SIAGA_TEST_PG_URL && process.env.SIAGA_TEST_REDIS_URL),
    'PostgreSQL and Redis for the two-node test (SIAGA_TEST_PG_URL, SIAGA_TEST_REDIS_URL)',
  ) && testDialect === 'postgres';

describe.skipIf(!hasTwoNodeSetup)(
  'two nodes on one database and Redis (runs in the postgres project with SIAGA_TEST_REDIS_URL set; skipped otherwise)',
  () => {
    let nodeA: TestContext;
    let nodeB: TestContext;
    let baseB: string;
    const clients: SseClient[] = [];

    beforeAll(async () => {
      nodeA = await createTestContext();
      nodeB = await createTestContext({ shared: nodeA.shared });
      baseB = await listen(nodeB);
    });
    afterAll(async () => {
      for (const client of clients) client.close();
      await nodeB.close();
      await nodeA.close();
    });

    it('delivers an event published on node A to a client connected to node B', async () => {
      const onB = await openSse(`${baseB}/api/stream?areas=31.71.01.1001`);
      const outsideOnB = await openSse(`${baseB}/api/stream?areas=32.01`);
      clients.push(onB, outsideOnB);
      const alert = await publish(nodeA, {
        keys: TARGET,
        source: { type: 'alert', id: 'two-node' },
      });
      const everyone = await publish(nodeA, { keys: [] });
      expect((await onB.next()).id).toBe(alert.id);
      expect((await outsideOnB.next()).id).toBe(everyone.id);
      // Node B counted its own deliveries.
      await vi.waitFor(async () => {
        const figures = await getDeliveryFigures(nodeA.ctx, 'alert', 'two-node');
        expect(figures.stream.nodes).toEqual([{ nodeId: nodeB.ctx.nodeId, delivered: 1 }]);
      });
    });

    it('replays on node B what node A published while the client was away', async () => {
      const first = await openSse(`${baseB}/api/stream?areas=31.71.01.1001`);
      clients.push(first);
      const seen = await publish(nodeA, { keys: TARGET });
      expect((await first.next()).id).toBe(seen.id);
      first.close();
      const missed = await publish(nodeA, { keys: TARGET });
      const back = await openSse(`${baseB}/api/stream?areas=31.71.01.1001`, {
        'last-event-id': seen.id,
      });
      clients.push(back);
      const later = await publish(nodeA, { keys: TARGET });
      expect((await back.next()).id).toBe(missed.id);
      expect((await back.next()).id).toBe(later.id);
    });
  },
);
