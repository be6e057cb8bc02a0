import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import type { AlertView } from '../../src/common/api/alerts.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { createContext } from '../../src/server/compose.js';
import { transaction } from '../../src/server/db/database.js';
import { areaKey } from '../../src/server/geo/targeting.js';
import { publishStreamEvent } from '../../src/server/realtime/stream.service.js';
import { preciseNow, type FromServer, type ServerKind, type ToServer } from './protocol.js';

/** The event both servers send: an alert view of a realistic size. */
const ALERT = {
  id: '01a2c0de-0000-7000-8000-000000000001',
  title: 'Peringatan banjir: Kali Ciliwung meluap',
  body: 'Warga di bantaran Kali Ciliwung diminta mengungsi ke posko terdekat. Hindari jalan yang tergenang.',
  severity: 'severe',
  category: 'banjir',
  stationName: 'Polsek Gambir',
  issuedAt: new Date().toISOString(),
};

const send = (message: FromServer) => process.send!(message);

interface Server {
  port: number;
  connections(): number;
  publish(areas: string[]): Promise<void>;
  stop(): Promise<void>;
}

async function startSiaga(): Promise<Server> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaga-bench-'));
  const config = loadConfig({
    SIAGA_DATA_DIR: dataDir,
    SIAGA_LOG_LEVEL: 'silent',
    SIAGA_SECRET: 'bench-secret-bench-secret-bench-secret-00',
    SIAGA_PUBLIC_URL: 'http://127.0.0.1',
  });
  const ctx = await createContext(config, { log: pino({ level: 'silent' }) });
  const app = await buildApp(ctx);
  await app.listen({ port: 0, host: '127.0.0.1', backlog: 4096 });
  return {
    port: (app.server.address() as AddressInfo).port,
    connections: () => ctx.hub.size,
    publish: async (areas) => {
      await transaction(ctx.db, (tx) =>
        publishStreamEvent(ctx, tx, {
          type: 'alert',
          // The hub serialises the data without reading it: an alert-sized stand-in will do.
          data: ALERT as unknown as AlertView,
          keys: areas.map(areaKey),
        }),
      );
    },
    stop: async () => {
      await app.close();
      await ctx.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The least a server can do: index responses by area and write the same bytes to them. */
async function startBaseline(): Promise<Server> {
  const byArea = new Map<string, Set<http.ServerResponse>>();
  let count = 0;
  const server = http.createServer((request, response) => {
    const area = new URL(request.url ?? '/', 'http://x').searchParams.get('areas') ?? '';
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    let set = byArea.get(area);
    if (!set) byArea.set(area, (set = new Set()));
    set.add(response);
    count += 1;
    response.once('close', () => {
      set.delete(response);
      count -= 1;
    });
    response.write('retry: 5000\n\n');
  });
  await new Promise<void>((resolve) =>
    server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve),
  );
  let sequence = 0;
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => count,
    publish: (areas) => {
      sequence += 1;
      const id = `01a2c0de-0000-7000-8000-${String(sequence).padStart(12, '0')}`;
      const now = new Date().toISOString();
      const data = JSON.stringify({
        id,
        type: 'alert',
        isDrill: false,
        createdAt: now,
        data: ALERT,
      });
      const frame = Buffer.from(`id: ${id}\nevent: alert\ndata: ${data}\n\n`);
      for (const area of areas)
        for (const response of byArea.get(area) ?? []) response.write(frame);
      return Promise.resolve();
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
const server = kind === 'siaga' ? await startSiaga() : await startBaseline();
process.on('message', (message: ToServer) => {
  void (async () => {
    switch (message.type) {
      case 'memory':
        send(memory(server));
        break;
      case 'publish': {
        const at = preciseNow();
        await server.publish(message.areas);
        send({ type: 'published', at });
        break;
      }
      case 'stop':
        await server.stop();
        process.exit(0);
    }
  })();
});
send({ type: 'ready', port: server.port });
