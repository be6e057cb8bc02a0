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
import type { AppContext } from '../../src/server/context.js';
import { newId } from '../../src/server/ids.js';
import { preciseNow } from '../fanout/protocol.js';
import type { FromServer, ServerKind, ToServer } from './protocol.js';

const send = (message: FromServer) => process.send!(message);

interface Server {
  port: number;
  path: string;
  /** Casts one vote from voter `index`; resolves to the count it produced. */
  vote(index: number): Promise<number>;
  stored(): Promise<number>;
  stop(): Promise<void>;
}

async function insertVoters(
  ctx: AppContext,
  count: number,
): Promise<Array<{ id: string; cookie: string }>> {
  const now = new Date().toISOString();
  const ids = Array.from({ length: count }, () => newId());
  for (let i = 0; i < ids.length; i += 500) {
    await ctx.db
      .insertInto('account')
      .values(
        ids.slice(i, i + 500).map((id) => ({
          id,
          email: `pemilih-${id}@bench.example`,
          phone: null,
          name: 'Pemilih',
          // Nobody logs in with a password here; sessions are opened directly.
          passwordHash: 'x',
          isEmailVerified: 1,
          isPhoneVerified: 0,
          totpSecret: null,
          isTotpEnabled: 0,
          locale: 'id',
          isDemo: 0,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .execute();
  }
  const voters: Array<{ id: string; cookie: string }> = [];
  for (const id of ids) {
    const token = await openSession(ctx, id, { ip: null, userAgent: null });
    voters.push({ id, cookie: `${SESSION_COOKIE}=${token}` });
  }
  return voters;
}

async function startSiaga(voters: number): Promise<Server> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaga-bench-qa-'));
  const config = loadConfig({
    SIAGA_DATA_DIR: dataDir,
    SIAGA_LOG_LEVEL: 'silent',
    SIAGA_SECRET: 'bench-secret-bench-secret-bench-secret-00',
    SIAGA_PUBLIC_URL: 'http://127.0.0.1',
  });
  const ctx = await createContext(config, { log: pino({ level: 'silent' }) });
  const app = await buildApp(ctx);
  const now = new Date().toISOString();
  const stationId = newId();
  await ctx.db
    .insertInto('station')
    .values({
      id: stationId,
      slug: 'polres-bench',
      name: 'Polres Bench',
      level: 'polres',
      parentId: null,
      path: `/${stationId}/`,
      address: 'Jl. Uji',
      phones: '[]',
      socialLinks: '{}',
      timezone: 'Asia/Jakarta',
      isDemo: 0,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  const [officerAccount, ...accounts] = await insertVoters(ctx, voters + 1);
  const officer = officerAccount!.cookie;
  const cookies = accounts.map((account) => account.cookie);
  await ctx.db
    .insertInto('role_grant')
    .values({
      id: newId(),
      accountId: officerAccount!.id,
      stationId,
      role: 'officer',
      createdAt: now,
    })
    .execute();
  const inject = (method: 'POST' | 'PUT', url: string, cookie: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const session = await inject('POST', '/api/qa/sessions', officer, {
    stationId,
    kind: 'board',
    title: 'Papan pertanyaan',
    moderation: 'post',
  });
  const sessionId = session.json<{ id: string }>().id;
  const asked = await inject('POST', `/api/qa/sessions/${sessionId}/questions`, officer, {
    text: 'Kapan patroli malam di lingkungan kami?',
  });
  const questionId = asked.json<{ id: string }>().id;
  await app.listen({ port: 0, host: '127.0.0.1', backlog: 4096 });
  return {
    port: (app.server.address() as AddressInfo).port,
    path: `/api/stream?qa=${sessionId}`,
    vote: async (index) => {
      const response = await inject('PUT', `/api/qa/questions/${questionId}/vote`, cookies[index]!);
      return response.json<{ votes: number }>().votes;
    },
    stored: async () =>
      (
        await ctx.db
          .selectFrom('qa_question')
          .select('votes')
          .where('id', '=', questionId)
          .executeTakeFirstOrThrow()
      ).votes,
    stop: async () => {
      await app.close();
      await ctx.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The alerts bench's baseline: a bare node:http server writing the same frame to everyone. */
async function startBaseline(): Promise<Server> {
  const all = new Set<http.ServerResponse>();
  const server = http.createServer((_request, response) => {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
    });
    all.add(response);
    response.once('close', () => all.delete(response));
    response.write('retry: 5000\n\n');
  });
  await new Promise<void>((resolve) =>
    server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve),
  );
  let votes = 0;
  return {
    port: (server.address() as AddressInfo).port,
    path: '/api/stream',
    vote: () => {
      votes += 1;
      const id = newId();
      const data = JSON.stringify({
        id,
        type: 'qa.votes',
        isDrill: false,
        createdAt: new Date().toISOString(),
        data: { questionId: '01a2c0de-0000-7000-8000-000000000001', votes },
      });
      const frame = Buffer.from(`id: ${id}\nevent: qa.votes\ndata: ${data}\n\n`);
      for (const response of all) response.write(frame);
      return Promise.resolve(votes);
    },
    stored: () => Promise.resolve(votes),
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Votes from distinct accounts at a steady rate; each vote's send time by the count it made. */
async function runVotes(server: Server, rate: number, seconds: number): Promise<void> {
  const total = rate * seconds;
  const sentAt: number[] = new Array<number>(total).fill(NaN);
  const started = preciseNow();
  const pending: Array<Promise<void>> = [];
  for (let i = 0; i < total; i += 1) {
    const due = started + (i * 1000) / rate;
    const wait = due - preciseNow();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const at = preciseNow();
    pending.push(
      server.vote(i).then((count) => {
        sentAt[count - 1] = at;
      }),
    );
  }
  await Promise.all(pending);
  send({ type: 'voted', sentAt, cast: total, stored: await server.stored() });
}

const kind = process.argv[2] as ServerKind;
const voters = Number(process.argv[3]);
const server = kind === 'siaga' ? await startSiaga(voters) : await startBaseline();
process.on('message', (message: ToServer) => {
  void (async () => {
    switch (message.type) {
      case 'vote':
        await runVotes(server, message.rate, message.seconds);
        break;
      case 'stop':
        await server.stop();
        process.exit(0);
    }
  })();
});
send({ type: 'ready', port: server.port, path: server.path });
