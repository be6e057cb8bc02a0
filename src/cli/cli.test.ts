import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliOn } from '../../test/helpers/cli.js';
import { createTestContext, type TestContext } from '../../test/helpers/context.js';
import { DEMO_PASSWORD } from './demo/demo-data.js';

let t: TestContext;
let firstImport: Awaited<ReturnType<typeof runCliOn>>;
const cli = (...argv: string[]) => runCliOn(t, argv);

const login = (email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: email, password } });
const countRows = async (table: 'station' | 'account' | 'audit_log') =>
  (await t.ctx.db.selectFrom(table).select('id').execute()).length;

// The national import takes seconds: once for the file.
beforeAll(async () => {
  t = await createTestContext();
  firstImport = await cli('areas', 'import');
}, 120_000);
afterAll(() => t.close());

describe('siaga help and mistakes', () => {
  it('lists every command', async () => {
    const run = await cli('--help');
    expect(run.code).toBe(0);
    for (const name of [
      'serve',
      'audit verify',
      'audit head',
      'user create',
      'station create',
      'areas import',
      'seed demo',
    ]) {
      expect(run.out).toContain(name);
    }
  });

  it('prints a command’s usage with --help', async () => {
    const run = await cli('user', 'create', '--help');
    expect(run.code).toBe(0);
    expect(run.out).toContain('--email');
  });

  it('exits 2 on an unknown command and 1 on an unknown option', async () => {
    expect((await cli('frobnicate')).code).toBe(2);
    const run = await cli('migrate', '--force');
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^Error: .*--force/);
  });
});

describe('siaga areas', () => {
  it('imports the areas once and says so the second time', async () => {
    expect(firstImport.code).toBe(0);
    expect(firstImport.out).toMatch(/^Imported \d{5,} areas \(.*\d+ village\) in [\d.]+ s\.$/);
    const again = await cli('areas', 'import');
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^Areas already imported .*nothing to do/);
  });

  it('imports boundaries and names the unknown codes', async () => {
    const file = path.join(os.tmpdir(), `siaga-boundaries-${process.pid}.geojson`);
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [106.79, -6.25],
          [106.81, -6.25],
          [106.81, -6.23],
          [106.79, -6.23],
          [106.79, -6.25],
        ],
      ],
    };
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { code: '3174071001' }, geometry: square },
          { type: 'Feature', properties: { code: '99.99.99.9999' }, geometry: square },
        ],
      }),
    );
    const run = await cli('areas', 'import-boundaries', file);
    expect(run.code).toBe(0);
    expect(run.out).toContain('Loaded 1 boundaries');
    expect(run.out).toContain(
      'Unknown area codes (run `siaga areas import` first?): 99.99.99.9999',
    );
    const located = await t.app.inject({ url: '/api/areas/locate?lat=-6.24&lng=106.8' });
    expect(located.json<{ code: string }>().code).toBe('31.74.07.1001');
  });

  it('refuses a missing or unreadable file', async () => {
    expect((await cli('areas', 'import-boundaries')).code).toBe(1);
    const run = await cli('areas', 'import-boundaries', '/nonexistent/x.geojson');
    expect(run.code).toBe(1);
    expect(run.err).toContain('Cannot read /nonexistent/x.geojson');
  });
});

describe('siaga station create', () => {
  it('creates a Polda and a Polres under it with a jurisdiction, audited as system', async () => {
    const polda = await cli(
      'station',
      'create',
      '--slug',
      'polda-uji',
      '--name',
      'Polda Uji',
      '--level',
      'polda',
      '--areas',
      '31',
    );
    expect(polda).toMatchObject({ code: 0 });
    const polres = await cli(
      'station',
      'create',
      '--slug',
      'polres-uji',
      '--name',
      'Polres Uji',
      '--level',
      'polres',
      '--parent',
      'polda-uji',
      '--areas',
      '31.74, 31.75',
      '--address',
      'Jl. Uji 1',
    );
    expect(polres.code).toBe(0);
    expect(polres.out).toContain('jurisdiction: 31.74, 31.75');
    const res = await t.app.inject({ url: '/api/stations/polres-uji' });
    expect(res.json()).toMatchObject({
      slug: 'polres-uji',
      isDemo: false,
      address: 'Jl. Uji 1',
      parent: { slug: 'polda-uji' },
    });
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('actorName')
      .where('action', '=', 'station.created')
      .execute();
    expect(audit.map((a) => a.actorName)).toEqual(['system', 'system']);
  });

  it('rejects bad input with the option named and writes nothing', async () => {
    const before = await countRows('station');
    const badSlug = await cli(
      'station',
      'create',
      '--slug',
      'Bad Slug',
      '--name',
      'Polres X',
      '--level',
      'polres',
      '--parent',
      'polda-uji',
    );
    expect(badSlug.code).toBe(1);
    expect(badSlug.err).toContain('--slug');
    const badLevel = await cli(
      'station',
      'create',
      '--slug',
      'polres-x',
      '--name',
      'Polres X',
      '--level',
      'polsek',
      '--parent',
      'polda-uji',
    );
    expect(badLevel.err).toMatch(/station\.invalid_level; fields level/);
    const outside = await cli(
      'station',
      'create',
      '--slug',
      'polres-x',
      '--name',
      'Polres X',
      '--level',
      'polres',
      '--parent',
      'polda-uji',
      '--areas',
      '32.01',
    );
    expect(outside.err).toMatch(/station\.outside_parent_jurisdiction; fields areaCodes\.0/);
    const noParent = await cli(
      'station',
      'create',
      '--slug',
      'polres-x',
      '--name',
      'Polres X',
      '--level',
      'polres',
      '--parent',
      'nowhere',
    );
    expect(noParent.err).toBe('Error: No station with slug "nowhere"');
    const missing = await cli('station', 'create', '--slug', 'polres-x', '--level', 'polres');
    expect(missing.err).toBe('Error: --name is required');
    expect(await countRows('station')).toBe(before);
  });
});

describe('siaga user create', () => {
  it('creates an officer in a station who can log in', async () => {
    const run = await cli(
      'user',
      'create',
      '--email',
      'Bripka.Uji@Example.id',
      '--password',
      'kopi-tubruk-pagi-2026',
      '--name',
      'Bripka Uji',
      '--role',
      'officer',
      '--station',
      'polres-uji',
      '--phone',
      '0812-3456-7890',
    );
    expect(run.code).toBe(0);
    expect(run.out).toContain('Created officer bripka.uji@example.id in polres-uji');
    const res = await login('bripka.uji@example.id', 'kopi-tubruk-pagi-2026');
    expect(res.statusCode).toBe(200);
    expect(res.json<{ roles: Array<{ role: string }> }>().roles).toMatchObject([
      { role: 'officer' },
    ]);
  });

  it('creates a platform admin and a citizen without a station', async () => {
    for (const role of ['platform_admin', 'citizen']) {
      const run = await cli(
        'user',
        'create',
        '--email',
        `${role}@example.id`,
        '--password',
        'kopi-tubruk-pagi-2026',
        '--name',
        `Uji ${role}`,
        '--role',
        role,
      );
      expect(run.code).toBe(0);
    }
    const res = await login('citizen@example.id', 'kopi-tubruk-pagi-2026');
    expect(res.json<{ roles: unknown[] }>().roles).toEqual([]);
  });

  it('rejects bad input and writes nothing', async () => {
    const before = { accounts: await countRows('account'), audit: await countRows('audit_log') };
    const base = ['user', 'create', '--email', 'x@example.id', '--name', 'Petugas X'];
    const strong = ['--password', 'kopi-tubruk-pagi-2026'];
    expect((await cli(...base, ...strong, '--role', 'officer')).err).toBe(
      'Error: --station is required for officer',
    );
    expect(
      (await cli(...base, ...strong, '--role', 'citizen', '--station', 'polres-uji')).err,
    ).toBe('Error: --station does not apply to citizen');
    expect(
      (await cli(...base, ...strong, '--role', 'chief', '--station', 'polres-uji')).err,
    ).toMatch(/--role must be one of citizen, officer/);
    expect((await cli(...base, '--password', 'short', '--role', 'citizen')).err).toMatch(
      /auth\.password_too_short; field password/,
    );
    expect((await cli(...base, ...strong, '--role', 'officer', '--station', 'nowhere')).err).toBe(
      'Error: No station with slug "nowhere"',
    );
    const taken = await cli(
      'user',
      'create',
      '--email',
      'citizen@example.id',
      ...strong,
      '--name',
      'Lagi',
      '--role',
      'citizen',
    );
    expect(taken.code).toBe(1);
    expect(taken.err).toMatch(/auth\.email_taken/);
    expect(await countRows('account')).toBe(before.accounts);
    expect(await countRows('audit_log')).toBe(before.audit);
  });
});

describe('siaga seed demo', () => {
  let first: Awaited<ReturnType<typeof runCliOn>>;
  beforeAll(async () => {
    first = await cli('seed', 'demo');
  }, 60_000);

  it('creates the demo world and prints the logins', () => {
    expect(first.code).toBe(0);
    // 14 of the 15 demo squares: 31.74.07.1001 kept the outline imported above.
    expect(first.out).toContain(
      'Demo data created: 7 stations, 9 officers, 3 citizens, 5 liaisons, 14 boundaries.',
    );
    expect(first.out).toContain('Open http://localhost:8080');
    expect(first.out).toMatch(
      /bhabin\.melawai@demo\.siaga\.id +officer +polsek-kebayoran-baru-demo +siaga-demo-2026/,
    );
  });

  it('marks the demo stations as demo in the API', async () => {
    const res = await t.app.inject({ url: '/api/stations' });
    const items = res.json<{ items: Array<{ slug: string; isDemo: boolean }> }>().items;
    const demo = items.filter((s) => s.isDemo).map((s) => s.slug);
    expect(demo).toHaveLength(7);
    expect(demo.every((slug) => slug.endsWith('-demo'))).toBe(true);
    expect(items.find((s) => s.slug === 'polda-uji')?.isDemo).toBe(false);
  });

  it('lets a demo officer log in with the demo password', async () => {
    const res = await login('admin.jaksel@demo.siaga.id', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ isVerified: true, roles: [{ role: 'station_admin' }] });
  });

  it('gives the demo citizen a home village with its liaison officer', async () => {
    const signedIn = await login('warga.melawai@demo.siaga.id', DEMO_PASSWORD);
    const cookie = String(signedIn.headers['set-cookie']).split(';')[0]!;
    const res = await t.app.inject({ url: '/api/me/areas', headers: { cookie } });
    expect(res.json()).toMatchObject({
      areas: [
        {
          code: '31.74.07.1001',
          kind: 'home',
          station: { slug: 'polsek-kebayoran-baru-demo' },
          liaison: { name: 'Aiptu Joko Prasetyo' },
        },
      ],
    });
  });

  it('changes nothing on a second run and says so', async () => {
    const before = { accounts: await countRows('account'), audit: await countRows('audit_log') };
    const again = await cli('seed', 'demo');
    expect(again.code).toBe(0);
    expect(again.out).toContain('Demo data already present: nothing changed.');
    expect(await countRows('account')).toBe(before.accounts);
    expect(await countRows('audit_log')).toBe(before.audit);
  });

  it('leaves an intact audit log', async () => {
    const run = await cli('audit', 'verify');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^Audit log intact: \d+ entries verified\.$/);
  });
});
