import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../server/main.js';
import { testDialect } from '../../test/helpers/context.js';
import { processIo } from './commands/command.js';
import { runCli } from './run.js';

const run = promisify(execFile);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'siaga-cli-'));
// Without SIAGA_SECRET or an audit key in the environment, the key file goes beside the data dir.
const auditKeyFile = `${dataDir}.audit-key`;
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(auditKeyFile, { force: true });
});

/** The same environment a real deployment gives: configuration from SIAGA_* variables. */
const env = {
  SIAGA_DATA_DIR: dataDir,
  SIAGA_PORT: '0',
  SIAGA_HOST: '127.0.0.1',
  SIAGA_LOG_LEVEL: 'silent',
  SIAGA_PUBLIC_URL: 'https://siaga.example.id',
};

describe('bin/siaga.js as a real process', () => {
  it('prints the help and exits 0', async () => {
    const { stdout } = await run(process.execPath, ['bin/siaga.js', '--help']);
    expect(stdout).toContain('Usage: siaga <command>');
    expect(stdout).toContain('seed demo');
  }, 60_000);

  it('exits 2 on an unknown command, with the help on stderr', async () => {
    const failure = await run(process.execPath, ['bin/siaga.js', 'nonsense']).catch(
      (err: { code: number; stderr: string }) => err,
    );
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown command') });
  }, 60_000);

  it('reports invalid configuration and exits 1', async () => {
    const failure = await run(process.execPath, ['bin/siaga.js', 'migrate'], {
      env: { ...process.env, SIAGA_PORT: 'eighty' },
    }).catch((err: { code: number; stderr: string }) => err);
    expect(failure).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('SIAGA_PORT must be a whole number'),
    });
  }, 60_000);
});

// The database comes from the environment here, SQLite either way: once is enough.
describe.skipIf(testDialect === 'postgres')('configured from the environment', () => {
  const cli = async (argv: string[], onServing?: (server: RunningServer) => void) => {
    const out: string[] = [];
    const code = await runCli(argv, {
      ...processIo(),
      env,
      out: (text) => out.push(text),
      err: (text) => out.push(text),
      ...(onServing ? { onServing } : {}),
    });
    return { code, out: out.join('\n') };
  };

  it('serve: first start imports areas and prints a one-time admin password; second start adds nothing', async () => {
    let server: RunningServer | undefined;
    const first = await cli(['serve', '--workers', '1'], (s) => (server = s));
    expect(first.code).toBe(-1);
    expect(first.out).toMatch(/Imported \d{5,} areas in [\d.]+ s\./);
    const password = /one-time password (\S+)/.exec(first.out)?.[1];
    expect(password).toBeDefined();
    const login = await server!.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'admin@siaga.example.id', password },
    });
    expect(login.statusCode).toBe(200);
    expect((await server!.app.inject({ url: '/healthz' })).statusCode).toBe(200);
    await server!.stop();

    expect(statSync(auditKeyFile).mode & 0o777).toBe(0o600);

    const second = await cli(['serve', '--workers', '1'], (s) => (server = s));
    expect(second.out).toBe('Siaga is running at https://siaga.example.id');
    await server!.stop();
    const verified = await cli(['audit', 'verify']);
    expect(verified).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^Audit log intact: \d+ entries verified\.$/),
    });
  }, 120_000);

  it('migrate and backup work on the configured data dir', async () => {
    expect(await cli(['migrate'])).toEqual({ code: 0, out: 'Database is up to date (sqlite).' });
    const target = path.join(dataDir, 'backup.db');
    const backup = await cli(['backup', '--to', target]);
    expect(backup.code).toBe(0);
    expect(existsSync(target)).toBe(true);
    expect((await cli(['backup'])).out).toBe('Error: --to is required');
  });
});
