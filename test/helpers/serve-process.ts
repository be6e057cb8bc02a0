import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { expect, vi } from 'vitest';
import { openSession, SESSION_COOKIE } from '../../src/server/auth/sessions.js';
import { loadConfig } from '../../src/server/config.js';
import { createContext } from '../../src/server/compose.js';
import { buildAccount, buildAreas, buildStation, grantRole } from './factories.js';
import { openSse, type SseClient } from './sse.js';
import { SOUTH_JAKARTA_AREAS } from './station-world.js';

/** A `siaga serve` OS process (bin/siaga.js) on its own port. */
export interface ServeProcess {
  name: string;
  base: string;
  process: ChildProcess;
  exited: Promise<void>;
  log: string[];
  dataDir: string;
}

const STARTUP_MS = 90_000;
/** The village the seeded Polsek alerts and the stream clients subscribe to. */
export const TARGET_VILLAGE = '31.74.07.1001';

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

/** Starts `siaga serve [args]` and resolves once /healthz answers (migrated, bootstrapped). */
export async function startServeProcess(
  name: string,
  env: Record<string, string>,
  options: { args?: string[]; dataDir?: string } = {},
): Promise<ServeProcess> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), `siaga-${name}-`));
  const child = spawn(process.execPath, ['bin/siaga.js', 'serve', ...(options.args ?? [])], {
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
  await vi.waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`${name} exited:\n${log.join('')}`);
      const response = await fetch(`${base}/healthz`).catch(() => undefined);
      expect(response?.status, `${name} is not up yet`).toBe(200);
    },
    { timeout: STARTUP_MS, interval: 250 },
  );
  return { name, base, process: child, exited, log, dataDir };
}

/**
 * Seeds the database that `env` names before any server starts: migrations, the South Jakarta
 * areas, a platform admin (so no server imports the national list or races another for the
 * first admin), one Polsek and its officer, whose session cookie it returns.
 */
export async function seedAlertingStation(
  env: Record<string, string>,
  dataDir: string,
): Promise<{ cookie: string; stationId: string }> {
  const seeding = await createContext(loadConfig({ ...env, SIAGA_DATA_DIR: dataDir }), {
    log: pino({ level: 'silent' }),
  });
  try {
    await buildAreas(seeding.db, SOUTH_JAKARTA_AREAS);
    const admin = await buildAccount(seeding.db, { email: 'admin@serve-process.test' });
    await grantRole(seeding.db, admin.id, null, 'platform_admin');
    const station = await buildStation(seeding.db, {
      slug: 'polsek-tebet',
      name: 'Polsek Tebet',
      level: 'polsek',
      areaCodes: ['31.74.07'],
    });
    const officer = await buildAccount(seeding.db, { name: 'Bripka Sari' });
    await grantRole(seeding.db, officer.id, station.id, 'officer');
    const token = await openSession(seeding, officer.id, { ip: null, userAgent: null });
    return { cookie: `${SESSION_COOKIE}=${token}`, stationId: station.id };
  } finally {
    await seeding.close();
  }
}

/** The officer issues an alert to TARGET_VILLAGE through `base`; returns its id. */
export async function issueAlert(
  base: string,
  officer: { cookie: string; stationId: string },
  title: string,
): Promise<string> {
  const response = await fetch(`${base}/api/alerts`, {
    method: 'POST',
    headers: { cookie: officer.cookie, 'content-type': 'application/json', connection: 'close' },
    body: JSON.stringify({
      stationId: officer.stationId,
      title,
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
  return ((await response.json()) as { id: string }).id;
}

/** A stream client of TARGET_VILLAGE on `base`, registered once it resolves. */
export async function subscribeToVillage(base: string, lastEventId?: string): Promise<SseClient> {
  const client = await openSse(
    `${base}/api/stream?areas=${TARGET_VILLAGE}`,
    lastEventId ? { 'last-event-id': lastEventId } : {},
  );
  expect(client.status).toBe(200);
  return client;
}
