import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BUILT = path.join(ROOT, 'dist', 'web', 'index.html');
const SOURCES = [path.join(ROOT, 'src', 'web'), path.join(ROOT, 'src', 'common')];

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the PWA when dist/web is missing or older than its sources, so tests see the code. */
export default function setup(): void {
  const builtAt = fs.existsSync(BUILT) ? fs.statSync(BUILT).mtimeMs : 0;
  if (builtAt > Math.max(...SOURCES.map(newestChange))) return;
  // A separate process: vitest sets NODE_ENV=test, which would make a development build
  // (no service worker registration).
  execFileSync('npm', ['run', 'build:web'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
