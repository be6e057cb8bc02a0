/**
 * The baseline of `npm run bench -- reports`: plain Fastify and better-sqlite3 (the app's
 * pragmas: WAL, synchronous=NORMAL) inserting a row like a report's, with a unique
 * idempotency key, through one prepared statement per request. Prints its port on stdout.
 *
 *   node --import tsx bench/reports/bare-server.ts <data dir>
 */
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import SqliteDatabase from 'better-sqlite3';
import Fastify from 'fastify';

const db = new SqliteDatabase(path.join(process.argv[2] ?? '.', 'bare.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`create table if not exists report (
  id text primary key, "trackingCode" text not null unique, "idempotencyKey" text unique,
  "stationId" text not null, "areaCode" text, category text, description text not null,
  "isAnonymous" integer not null, status text not null, "createdAt" text not null,
  "updatedAt" text not null)`);
const insert = db.prepare(
  `insert into report (id, "trackingCode", "idempotencyKey", "stationId", "areaCode", category,
   description, "isAnonymous", status, "createdAt", "updatedAt")
   values (?, ?, ?, 'bare-station', ?, ?, ?, 1, 'diterima', ?, ?)`,
);

const app = Fastify();
app.post<{
  Body: { areaCode: string; category: string; description: string; idempotencyKey: string };
}>('/bare', (request, reply) => {
  const { areaCode, category, description, idempotencyKey } = request.body;
  const id = randomUUID();
  const trackingCode = randomBytes(6).toString('hex');
  const now = new Date().toISOString();
  insert.run(id, trackingCode, idempotencyKey, areaCode, category, description, now, now);
  return reply.status(201).send({ id, trackingCode, status: 'diterima' });
});
await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`port ${(app.server.address() as AddressInfo).port}`);
