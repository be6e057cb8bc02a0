#!/usr/bin/env node
// `npm run bench -- <name> [args]` runs bench/<name>.ts with tsx; each benchmark prints its
// figure beside a baseline measured in the same run.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const [name, ...args] = process.argv.slice(2);
const benchDir = fileURLToPath(new URL('../bench/', import.meta.url));
const available = fs
  .readdirSync(benchDir)
  // Helpers of a benchmark live in bench/<name>/; only top-level files are benchmarks.
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.slice(0, -3));

if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <${available.join('|')}> [args]`);
  process.exit(2);
}

const child = spawn(process.execPath, ['--import', 'tsx', `${benchDir}${name}.ts`, ...args], {
  stdio: 'inherit',
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
