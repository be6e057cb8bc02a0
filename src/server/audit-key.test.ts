import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAuditKey } from './audit-key.js';
import { ConfigError, loadConfig } from './config.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaga-audit-key-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const SECRET = 'instance-secret-instance-secret-0123456';
const KEY = 'audit-key-audit-key-audit-key-0123456';

describe('the audit key', () => {
  it('comes from SIAGA_AUDIT_KEY first, then the key file, then SIAGA_SECRET', () => {
    const file = path.join(dir, 'chosen.key');
    const all = { SIAGA_AUDIT_KEY: KEY, SIAGA_AUDIT_KEY_FILE: file, SIAGA_SECRET: SECRET };
    expect(loadConfig(all).auditKey).toEqual({ from: 'env', key: KEY });
    expect(loadConfig({ ...all, SIAGA_AUDIT_KEY: '' }).auditKey).toEqual({
      from: 'file',
      path: file,
    });
    expect(loadConfig({ SIAGA_SECRET: SECRET }).auditKey).toEqual({
      from: 'secret',
      secret: SECRET,
    });
    expect(loadAuditKey({ from: 'env', key: KEY }).toString()).toBe(KEY);
  });

  it('falls back to a file beside the data directory, not inside it', () => {
    const dataDir = path.join(dir, 'data');
    expect(loadConfig({ SIAGA_DATA_DIR: dataDir }).auditKey).toEqual({
      from: 'file',
      path: `${dataDir}.audit-key`,
    });
  });

  it('refuses a SIAGA_AUDIT_KEY shorter than 32 characters', () => {
    expect(() => loadConfig({ SIAGA_AUDIT_KEY: 'short' })).toThrow(ConfigError);
    expect(() => loadConfig({ SIAGA_AUDIT_KEY: 'short' })).toThrow(/SIAGA_AUDIT_KEY must be/);
  });

  it('derives a key from SIAGA_SECRET that is not the secret itself and stays the same', () => {
    const derived = loadAuditKey({ from: 'secret', secret: SECRET });
    expect(derived).toHaveLength(32);
    expect(derived.toString('utf8')).not.toContain(SECRET.slice(0, 8));
    expect(loadAuditKey({ from: 'secret', secret: SECRET })).toEqual(derived);
    expect(loadAuditKey({ from: 'secret', secret: `${SECRET}x` })).not.toEqual(derived);
  });

  it('creates a missing key file readable by its owner only, and reads it back unchanged', () => {
    const file = path.join(dir, 'nested', 'siaga.audit-key');
    const created = loadAuditKey({ from: 'file', path: file });
    expect(created.toString()).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadAuditKey({ from: 'file', path: file })).toEqual(created);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['siaga.audit-key']);
  });

  it('refuses a key file that is too short, or cannot be created', () => {
    const short = path.join(dir, 'short.key');
    fs.writeFileSync(short, 'tiny\n');
    expect(() => loadAuditKey({ from: 'file', path: short })).toThrow(/at least 32 characters/);
    const blocked = path.join(short, 'inside.key');
    expect(() => loadAuditKey({ from: 'file', path: blocked })).toThrow(
      /Cannot create the audit key file .*SIAGA_AUDIT_KEY/,
    );
  });
});
