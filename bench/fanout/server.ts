import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { buildApp } from '../../src/server/app.js';
import { openSession, SESSION_COOKIE } from '../../src/server/auth/sessions.js';
import { loadConfig } from '../../src/server/config.js';
import { createContext } from '../../src/server/compose.js';
import type { StreamEvent } from '../../src/server/realtime/stream-events.js';
import { formatStreamFrame } from '../../src/server/realtime/stream-hub.js';
import { buildAccount, buildAreas, buildStation, grantRole } from '../../test/helpers/factories.js';
import { SOUTH_JAKARTA_AREAS } from '../../test/helpers/station-world.js';
import {
  TARGET_VILLAGE,
  preciseNow,
  type FromServer,
  type ServerKind,
  type ToServer,
} from './protocol.js';

/** A village in the officer's district that no bench client holds: the warm-up alert's target. */
const WARM_UP_VILLAGE = '31.74.07.1002';

const send = (message: FromServer) => process.send!(message);

interface Published {
  at: number;
  busAt: number;
  frameBytes: number;
}

interface Server {
  port: number;
  connections(): number;
  publish(warmUp: boolean): Promise<Published>;
  stop(): Promise<void>;
}

const alertBody = (overrides: { areas: string[]; stationId: string }) => ({
  stationId: overrides.stationId,
  title: 'Peringatan banjir: Kali Ciliwung meluap',
  body: 'Warga di bantaran Kali Ciliwung diminta mengungsi ke posko terdekat. Hindari jalan yang tergenang dan ikuti arahan petugas di lapangan.',
  instruction: 'Matikan listrik, bawa dokumen penting, menuju posko di kantor kelurahan.',
  category: 'banjir',
  severity: 'Severe',
  urgency: 'Immediate',
  certainty: 'Observed',
  target: { areas: overrides.areas },
});

/** The real app on SQLite with one Polsek and one officer, who issues every alert over HTTP. */
async function startSiaga(): Promise<Server> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaga-bench-'));
  const config = loadConfig({
    SIAGA_DATA_DIR: dataDir,
    SIAGA_LOG_LEVEL: 'silent',
    SIAGA_SECRET: 'bench-secret-bench-secret-bench-secret-00',
    SIAGA_PUBLIC_URL: 'http://127.0.0.1',
  });
  const ctx = await createContext(config, { log: pino({ level: 'silent' }) });
  await buildAreas(ctx.db, SOUTH_JAKARTA_AREAS);
  const station = await buildStation(ctx.db, {
    slug: 'polsek-tebet',
    name: 'Polsek Tebet',
    level: 'polsek',
    areaCodes: ['31.74.07'],
  });
  const officer = await buildAccount(ctx.db, { name: 'Bripka Sari' });
  await grantRole(ctx.db, officer.id, station.id, 'officer');
  const cookie = `${SESSION_COOKIE}=${await openSession(ctx, officer.id, { ip: null, userAgent: null })}`;

  // The second clock: when the committed alert is handed to the bus (the hub hears it next).
  let lastPublished: { at: number; event: StreamEvent } | undefined;
  const publishOnBus = ctx.bus.publish.bind(ctx.bus);
  ctx.bus.publish = (topic, payload) => {
    if (topic === 'stream.published')
      lastPublished = { at: preciseNow(), event: payload as StreamEvent };
    publishOnBus(topic, payload);
  };

  const app = await buildApp(ctx);
  await app.listen({ port: 0, host: '127.0.0.1', backlog: 4096 });
  const port = (app.server.address() as AddressInfo).port;
  return {
    port,
    connections: () => ctx.hub.size,
    publish: async (warmUp) => {
      const at = preciseNow();
      const response = await fetch(`http://127.0.0.1:${port}/api/alerts`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify(
          alertBody({ stationId: station.id, areas: [warmUp ? WARM_UP_VILLAGE : TARGET_VILLAGE] }),
        ),
      });
      if (response.status !== 201) {
        throw new Error(`POST /api/alerts: ${response.status} ${await response.text()}`);
      }
      if (!lastPublished) throw new Error('the alert was not published on the bus');
      const { at: busAt, event } = lastPublished;
      lastPublished = undefined;
      return { at, busAt, frameBytes: formatStreamFrame(event).length };
    },
    stop: async () => {
      await app.close();
      await ctx.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A stream frame of `bytes` bytes shaped like Siaga's, so the baselines write the same amount. */
function baselineFrame(sequence: number, bytes: number): Buffer {
  const id = `01a2c0de-0000-7000-8000-${String(sequence).padStart(12, '0')}`;
  const head = `id: ${id}\nevent: alert\ndata: {"id":"${id}","type":"alert","data":"`;
  const tail = '"}\n\n';
  return Buffer.from(head + 'x'.repeat(Math.max(0, bytes - head.length - tail.length)) + tail);
}

/** The least a server can do: hold the responses and write the same bytes to each of them. */
async function startBaseline(kind: 'http' | 'raw', frameBytes: number): Promise<Server> {
  const responses = new Set<http.ServerResponse>();
  const server = http.createServer((_request, response) => {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
    });
    response.socket?.setNoDelay(true);
    responses.add(response);
    response.once('close', () => responses.delete(response));
    response.write('retry: 5000\n\n');
  });
  await new Promise<void>((resolve) =>
    server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve),
  );
  let sequence = 0;
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => responses.size,
    publish: (warmUp) => {
      sequence += 1;
      const at = preciseNow();
      if (!warmUp) {
        const frame = baselineFrame(sequence, frameBytes);
        if (kind === 'http') {
          for (const response of responses) response.write(frame);
        } else {
          // One HTTP/1.1 chunk, encoded once.
          const chunk = Buffer.concat([
            Buffer.from(`${frame.length.toString(16)}\r\n`),
            frame,
            Buffer.from('\r\n'),
          ]);
          for (const response of responses) response.socket?.write(chunk);
        }
      }
      return Promise.resolve({ at, busAt: at, frameBytes });
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function memory(server: Server): FromServer {
  // Run with --expose-gc: measure live memory, not garbage.
  globalThis.gc?.();
  globalThis.gc?.();
  const usage = process.memoryUsage();
  return {
    type: 'memory',
    rss: usage.rss,
    heapUsed: usage.heapUsed,
    connections: server.connections(),
  };
}

const kind = process.argv[2] as ServerKind;
const frameBytes = Number(process.argv[3] ?? 1024);
const server = kind === 'siaga' ? await startSiaga() : await startBaseline(kind, frameBytes);
process.on('message', (message: ToServer) => {
  void (async () => {
    switch (message.type) {
      case 'memory':
        send(memory(server));
        break;
      case 'cpu': {
        const { user, system } = process.cpuUsage();
        send({ type: 'cpu', userMicros: user, systemMicros: system });
        break;
      }
      case 'publish':
        send({ type: 'published', ...(await server.publish(message.warmUp)) });
        break;
      case 'stop':
        await server.stop();
        process.exit(0);
    }
  })();
});
send({ type: 'ready', port: server.port });
