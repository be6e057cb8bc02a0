import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has working defaults: SQLite under ./data on port 8080', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir.endsWith('/data')).toBe(true);
    expect(config.publicUrl).toBe('http://localhost:8080');
    expect(config.environment).toBe('production');
  });

  it('reports every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({
        SIAGA_PORT: '99999',
        SIAGA_DATABASE_URL: 'mysql://x',
        SIAGA_REDIS_URL: 'http://redis',
        SIAGA_SECRET: 'short',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('SIAGA_PORT');
    expect(problems).toContain('SIAGA_DATABASE_URL');
    expect(problems).toContain('SIAGA_REDIS_URL');
    expect(problems).toContain('SIAGA_SECRET');
  });

  it('selects PostgreSQL with a postgres:// URL and trims a trailing slash off the public URL', () => {
    const config = loadConfig({
      SIAGA_DATABASE_URL: 'postgres://u@db/siaga',
      SIAGA_PUBLIC_URL: 'https://siaga.polri.example/',
    });
    expect(config.databaseUrl).toBe('postgres://u@db/siaga');
    expect(config.publicUrl).toBe('https://siaga.polri.example');
  });

  it('reads the map tile template and derives its CSP source', () => {
    expect(loadConfig({}).mapTileSource).toBe('https://tile.openstreetmap.org');
    const config = loadConfig({
      SIAGA_MAP_TILE_URL: 'https://{s}.tiles.example.id/peta/{z}/{x}/{y}.png',
    });
    expect(config.mapTileUrl).toBe('https://{s}.tiles.example.id/peta/{z}/{x}/{y}.png');
    expect(config.mapTileSource).toBe('https://*.tiles.example.id');
    for (const bad of ['ftp://tiles.example.id/{z}/{x}/{y}.png', 'https://tiles.example.id/{z}']) {
      expect(() => loadConfig({ SIAGA_MAP_TILE_URL: bad })).toThrow(/SIAGA_MAP_TILE_URL/);
    }
  });

  it('keeps media under the data dir unless SIAGA_MEDIA_DIR names a shared volume', () => {
    const defaults = loadConfig({ SIAGA_DATA_DIR: '/srv/siaga' });
    expect(defaults.mediaDir).toBe('/srv/siaga/media');
    expect(defaults.mediaOrphanGraceMs).toBe(24 * 3_600_000);
    const shared = loadConfig({
      SIAGA_MEDIA_DIR: '/mnt/siaga-media',
      SIAGA_MEDIA_ORPHAN_GRACE_HOURS: '6',
    });
    expect(shared.mediaDir).toBe('/mnt/siaga-media');
    expect(shared.mediaOrphanGraceMs).toBe(6 * 3_600_000);
    expect(() => loadConfig({ SIAGA_MEDIA_ORPHAN_GRACE_HOURS: '0' })).toThrow(
      /SIAGA_MEDIA_ORPHAN_GRACE_HOURS/,
    );
  });

  it('leases jobs for 30 s unless SIAGA_JOB_LEASE_SECONDS says otherwise', () => {
    expect(loadConfig({}).jobLeaseMs).toBe(30_000);
    expect(loadConfig({ SIAGA_JOB_LEASE_SECONDS: '10' }).jobLeaseMs).toBe(10_000);
    expect(() => loadConfig({ SIAGA_JOB_LEASE_SECONDS: '0' })).toThrow(/SIAGA_JOB_LEASE_SECONDS/);
  });
});
