#!/usr/bin/env node
// `npm run demo`: build what is missing or stale, seed the demo data into ./data, and serve it
// with SIAGA_ENV=development (the local outbox is readable at /api/dev/outbox). The demo's
// passwords are published, so it listens on 127.0.0.1 unless SIAGA_HOST says otherwise, and it
// logs warnings only (SIAGA_LOG_LEVEL overrides) so request lines do not bury the login table.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The newest modification time of the files under `dir` (0 when it does not exist). */
function newestMtime(dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

function mtimeOf(file) {
  return existsSync(file) ? statSync(file).mtimeMs : 0;
}

function npmRun(script) {
  console.log(`> npm run ${script}`);
  return spawnSync(npm, ['run', script], { cwd: root, stdio: 'inherit' }).status === 0;
}

const serverSources = Math.max(
  ...['src/server', 'src/common', 'src/cli'].map((dir) => newestMtime(path.join(root, dir))),
  mtimeOf(path.join(root, 'tsconfig.build.json')),
);
if (mtimeOf(path.join(root, 'dist/cli/main.js')) < serverSources) {
  if (!npmRun('build:server')) {
    console.error('The server build failed; see the errors above.');
    process.exit(1);
  }
} else {
  console.log('Server build is up to date.');
}

if (!existsSync(path.join(root, 'vite.config.ts'))) {
  console.log('No vite.config.ts yet: skipping the web build (the API still runs).');
} else if (
  mtimeOf(path.join(root, 'dist/web/index.html')) < newestMtime(path.join(root, 'src/web'))
) {
  // The API is usable without the web client, so a failed web build does not stop the demo.
  if (!npmRun('build:web')) console.warn('The web build failed: serving the API only.');
} else {
  console.log('Web build is up to date.');
}

const env = {
  ...process.env,
  SIAGA_ENV: 'development',
  SIAGA_DATA_DIR: process.env.SIAGA_DATA_DIR ?? path.join(root, 'data'),
  SIAGA_HOST: process.env.SIAGA_HOST ?? '127.0.0.1',
  SIAGA_LOG_LEVEL: process.env.SIAGA_LOG_LEVEL ?? 'warn',
};
const siaga = path.join(root, 'bin/siaga.js');

const seeded = spawnSync(process.execPath, [siaga, 'seed', 'demo'], {
  cwd: root,
  env,
  stdio: 'inherit',
});
if (seeded.status !== 0) process.exit(seeded.status ?? 1);
console.log(
  env.SIAGA_HOST === '127.0.0.1'
    ? '\nListening on 127.0.0.1 only: the demo passwords above are public. SIAGA_HOST=0.0.0.0 opens it to your network.'
    : `\nListening on ${env.SIAGA_HOST}: anyone who can reach it can log in with the public demo passwords.`,
);
console.log(
  'The composer map loads its tiles from the internet; offline it shows the shapes alone.\n',
);

const server = spawn(process.execPath, [siaga, 'serve'], { cwd: root, env, stdio: 'inherit' });
// Ctrl-C reaches the server through the terminal's process group; a plain SIGTERM to this
// script is passed on so the server shuts down gracefully either way.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
