#!/usr/bin/env node
// The `siaga` command: runs the compiled CLI when built (production), else the TypeScript
// sources through tsx (a development checkout).
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}
