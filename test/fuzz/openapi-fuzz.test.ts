import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, testDialect, type TestContext } from '../helpers/context.js';
import { buildAccount, grantRole, sessionCookie } from '../helpers/factories.js';
import { buildStationWorld } from '../helpers/station-world.js';

/**
 * Every route of the OpenAPI document, sent malformed values of each declared type, huge
 * numbers, unicode, NUL bytes, deep JSON and extra fields, anonymously and as a platform
 * admin: no answer may be a 5xx, and no 4xx may change a row.
 */

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  const?: unknown;
  minLength?: number;
  pattern?: string;
}
interface Operation {
  parameters?: Array<{ in: 'path' | 'query'; name: string; schema?: JsonSchema }>;
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

const STRINGS = [
  '',
  '\u0000',
  'a\u0000b',
  '🚓'.repeat(40),
  'ＮＡＲＫＯＢＡ\u202e',
  "' or 1=1 --",
  '../../etc/passwd',
  '%00',
  'x'.repeat(3000),
];
const NUMBERS = ['1e309', '-1e309', 'NaN', 'Infinity', '9'.repeat(400), '-1', '1.5', 'abc', '0x10'];
const OTHERS = ['maybe', '[]', '{}', 'null'];

function fuzzValuesFor(schema: JsonSchema | undefined): string[] {
  const type = Array.isArray(schema?.type) ? schema.type[0] : schema?.type;
  if (type === 'integer' || type === 'number') return [...NUMBERS, ...STRINGS.slice(0, 3)];
  if (type === 'string') return STRINGS;
  return [...OTHERS, ...STRINGS.slice(0, 4), ...NUMBERS.slice(0, 2)];
}

/** The smallest value the schema may accept, so that mutations reach the later checks. */
function plausible(schema: JsonSchema | undefined): unknown {
  if (!schema) return 'a';
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf?.[0]) return plausible(schema.anyOf[0]);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'boolean') return true;
  if (type === 'array') return [];
  if (type === 'object') {
    const body: Record<string, unknown> = {};
    for (const name of schema.required ?? []) body[name] = plausible(schema.properties?.[name]);
    return body;
  }
  return 'a'.repeat(Math.max(schema.minLength ?? 1, 1));
}

function deepJson(levels: number): string {
  return `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

/** Raw JSON bodies: each property of the plausible body mutated, then whole-body oddities. */
function fuzzBodies(schema: JsonSchema): string[] {
  const base = plausible(schema);
  const bodies: string[] = [];
  if (base && typeof base === 'object' && !Array.isArray(base)) {
    for (const name of Object.keys(schema.properties ?? {})) {
      for (const value of [
        12345,
        { nested: true },
        [1, 2],
        null,
        '\u0000',
        'é'.repeat(20_000),
        true,
      ]) {
        bodies.push(JSON.stringify({ ...base, [name]: value }));
      }
      // Numbers JSON can carry but JavaScript cannot: they parse to ±Infinity.
      bodies.push(JSON.stringify({ ...base, [name]: 0 }).replace(/:0([,}])/, ':1e400$1'));
      bodies.push(JSON.stringify({ ...base, [name]: 0 }).replace(/:0([,}])/, ':-1e400$1'));
    }
    bodies.push(JSON.stringify({ ...base, extraField: 'x' }));
    bodies.push(JSON.stringify({ ...base, constructor: { prototype: { polluted: true } } }));
    bodies.push(JSON.stringify(base).replace(/^\{/, '{"__proto__":{"polluted":true},'));
  }
  bodies.push(deepJson(5000), '[]', 'null', '"text"', '{"unterminated', '\u0000', '');
  return bodies;
}

interface FuzzRequest {
  method: string;
  url: string;
  payload?: string;
}

function fuzzRequests(path: string, method: string, operation: Operation): FuzzRequest[] {
  const params = operation.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const fill = (override?: { name: string; value: string }) =>
    path.replace(/\{(\w+)\}/g, (_all, name: string) =>
      encodeURIComponent(override?.name === name ? override.value : 'abc'),
    );
  const requests: FuzzRequest[] = [];
  for (const param of pathParams) {
    for (const value of fuzzValuesFor(param.schema)) {
      requests.push({ method, url: fill({ name: param.name, value }) });
    }
  }
  for (const param of params.filter((p) => p.in === 'query')) {
    for (const value of fuzzValuesFor(param.schema)) {
      requests.push({ method, url: `${fill()}?${param.name}=${encodeURIComponent(value)}` });
    }
    requests.push({ method, url: `${fill()}?${param.name}=a&${param.name}=b&${param.name}[x]=c` });
  }
  requests.push({ method, url: `${fill()}?unknownParameter=%00` });
  const schema = operation.requestBody?.content['application/json']?.schema;
  if (schema) {
    for (const payload of fuzzBodies(schema)) requests.push({ method, url: fill(), payload });
  }
  return requests;
}

/** Tables a refused request may write on purpose. */
const WRITTEN_BY_REFUSALS = new Set([
  // Failed logins count towards the backoff: that is the brake on guessing.
  'login_throttle',
]);

async function fingerprint(t: TestContext): Promise<string> {
  const tables = (
    testDialect === 'postgres'
      ? (
          await sql<{ name: string }>`select table_name as name from information_schema.tables
            where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`.execute(
            t.ctx.db,
          )
        ).rows
      : (
          await sql<{ name: string }>`select name from sqlite_master
            where type = 'table' and name not like 'sqlite_%' order by 1`.execute(t.ctx.db)
        ).rows
  )
    .map((row) => row.name)
    .filter(
      (name) => !WRITTEN_BY_REFUSALS.has(name) && name !== 'area' && name !== 'kysely_migration',
    );
  const hash = createHash('sha256');
  if (testDialect === 'postgres') {
    // One round trip instead of one per table: PostgreSQL hashes each table's rows itself.
    const perTable = tables.map(
      (name) =>
        sql`select ${name} as name, md5(coalesce(string_agg(r::text, '|' order by r::text), '')) as digest from ${sql.table(name)} r`,
    );
    const rows = await sql<{
      name: string;
      digest: string;
    }>`${sql.join(perTable, sql` union all `)}`.execute(t.ctx.db);
    for (const row of rows.rows) hash.update(`${row.name}:${row.digest}`);
    return hash.digest('hex');
  }
  for (const name of tables) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(
      t.ctx.db,
    );
    hash.update(name);
    for (const row of rows.rows.map((r) => JSON.stringify(r)).sort()) hash.update(row);
  }
  return hash.digest('hex');
}

describe('fuzzing every route of the OpenAPI document', () => {
  let t: TestContext;
  let adminCookie: string;
  let operations: Array<[string, string, Operation]> = [];

  beforeAll(async () => {
    t = await createTestContext({ env: { SIAGA_ENV: 'production' } });
    await buildStationWorld(t);
    const admin = await buildAccount(t.ctx.db, { name: 'Admin Fuzz' });
    await grantRole(t.ctx.db, admin.id, null, 'platform_admin');
    adminCookie = await sessionCookie(t, admin.id);
    const doc = t.app.swagger() as { paths: Record<string, Record<string, Operation>> };
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]): [string, string, Operation] => [
        path,
        method.toUpperCase(),
        op,
      ]),
    );
  });
  afterAll(() => t.close());

  it('answers no 5xx and writes nothing on a 4xx', { timeout: 480_000 }, async () => {
    expect(operations.length).toBeGreaterThan(40);
    const failures: string[] = [];
    let sent = 0;
    let refused = 0;
    // What the database holds now: refreshed only after a request that was let through.
    let state = await fingerprint(t);
    for (const [path, method, operation] of operations) {
      // The live stream never ends; its parameters are checked in stream.test.ts.
      if (path === '/api/stream') continue;
      for (const [index, request] of fuzzRequests(path, method, operation).entries()) {
        // Alternately anonymous and as a platform admin, who passes every permission check.
        const cookie = index % 2 === 0 ? undefined : adminCookie;
        const res = await t.app.inject({
          method: request.method as 'GET',
          url: request.url,
          headers: {
            ...(request.payload !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(cookie ? { cookie } : {}),
          },
          ...(request.payload !== undefined ? { payload: request.payload } : {}),
        });
        sent += 1;
        const label = `${request.method} ${request.url.slice(0, 120)} ${request.payload?.slice(0, 80) ?? ''}`;
        if (res.statusCode >= 500) failures.push(`${res.statusCode} ${label}`);
        if (res.statusCode >= 400 && res.statusCode < 500) {
          refused += 1;
          const body = res.json<{ error?: { code?: string; message?: string } }>();
          if (!body.error?.code || !body.error.message) failures.push(`no envelope: ${label}`);
          const after = await fingerprint(t);
          if (after !== state) failures.push(`wrote on ${res.statusCode}: ${label}`);
          state = after;
        } else {
          state = await fingerprint(t);
        }
      }
    }
    console.info(`fuzz: ${sent} requests, ${refused} refused, ${failures.length} failures`);
    expect(failures).toEqual([]);
    expect(refused).toBeGreaterThan(sent / 2);
  });
});
