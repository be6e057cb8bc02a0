import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDialect } from './helpers/context.js';
import {
  issueAlert,
  seedAlertingStation,
  startServeProcess,
  subscribeToVillage,
  type ServeProcess,
} from './helpers/serve-process.js';
import type { SseClient } from './helpers/sse.js';

/**
 * `siaga serve --workers 2` on SQLite without Redis: two worker processes behind one port, the
 * primary relaying their bus events over the cluster's IPC channel. Stream clients land on
 * both workers (the primary hands new connections out in turn), and alerts posted over fresh
 * connections, so through both workers, reach every client on both.
 */
const CLIENTS = 6;
const ALERTS = 4;

describe.skipIf(testDialect === 'postgres')('siaga serve --workers 2 on SQLite', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaga-workers-'));
  const env = {
    SIAGA_SECRET: 'serve-workers-secret-serve-workers-00000',
    SIAGA_ENV: 'test',
    SIAGA_LOG_LEVEL: 'warn',
    SIAGA_ADMIN_PASSWORD: 'Kuda-Lumping-Merah-2026!',
  };
  let server: ServeProcess | undefined;
  let officer = { cookie: '', stationId: '' };
  const clients: SseClient[] = [];

  beforeAll(async () => {
    officer = await seedAlertingStation(env, dataDir);
    server = await startServeProcess('workers', env, { args: ['--workers', '2'], dataDir });
    // /healthz answers once one worker listens; the primary says so once both do.
    await vi.waitFor(() => expect(server!.log.join('')).toContain('in 2 worker processes'), {
      timeout: 60_000,
      interval: 100,
    });
  }, 120_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    if (server && server.process.exitCode === null) {
      server.process.kill('SIGTERM');
      await server.exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('delivers an alert posted through either worker to the stream clients of both', async () => {
    const { base } = server!;
    for (let i = 0; i < CLIENTS; i += 1) clients.push(await subscribeToVillage(base));
    const issued: string[] = [];
    for (let i = 0; i < ALERTS; i += 1) {
      issued.push(await issueAlert(base, officer, `Peringatan banjir ${i + 1}`));
    }
    await vi.waitFor(
      () => {
        for (const client of clients) {
          const alerts = client.received.filter((e) => e.event === 'alert');
          expect(
            alerts.map((e) => (JSON.parse(e.data) as { data: { id: string } }).data.id),
          ).toEqual(issued);
        }
      },
      { timeout: 30_000, interval: 100 },
    );
    // Each alert was written to its clients by both processes (delivery counts per process).
    for (const id of issued) {
      await vi.waitFor(
        async () => {
          const response = await fetch(`${base}/api/alerts/${id}/delivery`, {
            headers: { cookie: officer.cookie },
          });
          const figures = (await response.json()) as {
            stream: { delivered: number; nodes: Array<{ delivered: number }> };
          };
          expect(figures.stream.nodes).toHaveLength(2);
          expect(figures.stream.delivered).toBe(CLIENTS);
        },
        { timeout: 20_000, interval: 200 },
      );
    }
  }, 90_000);

  it('stops every worker on SIGTERM', async () => {
    server!.process.kill('SIGTERM');
    await server!.exited;
    expect(server!.process.exitCode).toBe(0);
  }, 30_000);
});
