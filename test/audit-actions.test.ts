import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SERVER = path.resolve('src/server');
const CATALOGS = path.resolve('src/common/i18n');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/**
 * Every action name the server can write to the audit log: the literals handed to
 * `recordAudit({ action: … })` or to a feature's audit wrapper (`audit(ctx, …, 'x.y')`,
 * `moderate(ctx, …, 'x.y')`).
 */
function recordedActions(): string[] {
  const actions = new Set<string>();
  const site = /action: |audit\(ctx|moderate\(ctx/;
  for (const file of sourceFiles(SERVER)) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      // `action: 'a.read' | 'a.update'` is a type (policy actions), not a record.
      if (!site.test(line) || /'\s*\|/.test(line)) continue;
      for (const match of line.matchAll(/'([a-z]+\.[a-z_]+)'/g)) actions.add(match[1]!);
    }
  }
  return [...actions].sort();
}

function catalogKeys(locale: 'id' | 'en'): Set<string> {
  const dir = path.join(CATALOGS, locale);
  return new Set(
    fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .flatMap((name) => Object.keys(JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')))),
  );
}

describe('the audit log speaks the reader’s language', () => {
  const actions = recordedActions();

  it('finds the actions the server records', () => {
    // A scan that finds nothing would pass the check below vacuously.
    expect(actions).toEqual(expect.arrayContaining(['alert.issued', 'station.updated']));
    expect(actions.length).toBeGreaterThan(20);
  });

  it.each(['id', 'en'] as const)('every recorded action has a label in %s', (locale) => {
    const keys = catalogKeys(locale);
    expect(actions.filter((action) => !keys.has(`web.audit.action.${action}`))).toEqual([]);
  });
});
