// Prints the gzipped size of the JavaScript a first visit downloads (the HTML entry chunk and
// its static imports; lazy routes excluded) and fails when it is over budget.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 100;
const outDir = path.resolve(import.meta.dirname, '..', 'dist', 'web');
const manifest = JSON.parse(fs.readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8'));

const entries = Object.entries(manifest).filter(
  ([key, chunk]) => chunk.isEntry && key.endsWith('.html'),
);
if (entries.length === 0) {
  console.error('no HTML entry in dist/web/.vite/manifest.json');
  process.exit(1);
}

const seen = new Set();
const visit = (key) => {
  if (seen.has(key)) return;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) visit(dep);
};
for (const [key] of entries) visit(key);

let bytes = 0;
for (const key of seen) {
  const file = manifest[key].file;
  if (!file.endsWith('.js')) continue;
  bytes += gzipSync(fs.readFileSync(path.join(outDir, file)), { level: 9 }).length;
}
const kb = bytes / 1000;
console.log(`initial JS: ${kb.toFixed(1)} kB gzipped (budget ${BUDGET_KB} kB)`);
if (kb > BUDGET_KB) process.exit(1);
