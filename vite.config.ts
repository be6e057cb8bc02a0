import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import preact from '@preact/preset-vite';
import type { OutputBundle, OutputChunk } from 'rolldown';
import { build, defineConfig, type Plugin } from 'vite';

const SW_INPUT = 'sw';
const CATALOG_FILE = /common\/i18n\/(\w+)\/([\w-]+)\.json$/;
// Absolute, so the build gives the same output from any working directory.
const fromRoot = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/** Modules that only officers load: everything under a feature's console/ (the console itself too). */
const OFFICER_MODULE = /src\/web\/features\/\w+\/console\/[\w-]+\.tsx?$/;
/** Catalog chunks of console namespaces (`i18n-id-console-alerts-<hash>.js`). */
const OFFICER_CATALOG = /^assets\/i18n-\w+-console-/;

/**
 * The files only officers need: chunks reachable from an officer module that no citizen page
 * reaches without passing through one, their styles, and the console catalogs. A citizen's
 * service worker would otherwise download the console and the map on its first install.
 */
function officerOnlyFiles(bundle: OutputBundle): Set<string> {
  const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
  const isOfficerEntry = (chunk: OutputChunk) => OFFICER_MODULE.test(chunk.facadeModuleId ?? '');
  const reach = (starts: OutputChunk[], stopAt: (chunk: OutputChunk) => boolean) => {
    const seen = new Set<string>();
    const queue = [...starts];
    for (let chunk = queue.shift(); chunk; chunk = queue.shift()) {
      if (seen.has(chunk.fileName)) continue;
      seen.add(chunk.fileName);
      for (const name of [...chunk.imports, ...chunk.dynamicImports]) {
        const next = bundle[name];
        if (next?.type === 'chunk' && !stopAt(next)) queue.push(next);
      }
    }
    return seen;
  };
  const citizen = reach(
    chunks.filter((chunk) => chunk.isEntry && !isOfficerEntry(chunk)),
    isOfficerEntry,
  );
  const officer = reach(chunks.filter(isOfficerEntry), (chunk) => citizen.has(chunk.fileName));
  const citizenAssets = new Set(
    chunks
      .filter((chunk) => citizen.has(chunk.fileName))
      .flatMap((chunk) => [
        ...(chunk.viteMetadata?.importedCss ?? []),
        ...(chunk.viteMetadata?.importedAssets ?? []),
      ]),
  );
  const only = new Set<string>();
  for (const chunk of chunks) {
    if (OFFICER_CATALOG.test(chunk.fileName)) only.add(chunk.fileName);
    if (!officer.has(chunk.fileName)) continue;
    only.add(chunk.fileName);
    const assets = [
      ...(chunk.viteMetadata?.importedCss ?? []),
      ...(chunk.viteMetadata?.importedAssets ?? []),
    ];
    for (const asset of assets) if (!citizenAssets.has(asset)) only.add(asset);
  }
  return only;
}

/**
 * The service worker as one classic script: a worker registered without `type: 'module'` cannot
 * `import` the chunks it shares with the pages (the reports outbox), so it is bundled on its own.
 */
async function bundleWorker(precacheList: string): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    define: { __PRECACHE_URLS__: precacheList },
    build: {
      write: false,
      target: 'es2020',
      minify: true,
      rollupOptions: {
        input: fromRoot('src/web/sw.ts'),
        output: { format: 'iife', entryFileNames: 'sw.js' },
      },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const chunk = outputs
    .flatMap((output) => ('output' in output ? output.output : []))
    .find((file): file is OutputChunk => file.type === 'chunk');
  if (!chunk) throw new Error('the service worker bundle is empty');
  return chunk.code;
}

/**
 * Writes the list of built files a citizen needs into the service worker (its
 * `__PRECACHE_URLS__` stand-in) once every other file's hashed name is known, so a new build
 * installs a new worker. Officer-only files are fetched (and then cached) when first opened.
 */
function precacheList(): Plugin {
  return {
    name: 'siaga-precache-list',
    apply: 'build',
    async generateBundle(_options, bundle) {
      const sw = Object.values(bundle).find(
        (file) => file.type === 'chunk' && file.isEntry && file.name === SW_INPUT,
      );
      if (!sw || sw.type !== 'chunk') return;
      const officerOnly = officerOnlyFiles(bundle);
      const urls = Object.keys(bundle)
        .filter((name) => name !== sw.fileName && !name.startsWith('.vite/'))
        .filter((name) => !name.endsWith('.map') && !officerOnly.has(name))
        .map((name) => `/${name}`);
      const list = JSON.stringify(['/', '/manifest.webmanifest', '/icons/icon.svg', ...urls]);
      sw.code = await bundleWorker(list);
    },
  };
}

const COMPRESSIBLE = /\.(js|css|html|svg|json|webmanifest|txt)$/;
/** Below this a compressed copy saves less than its own headers cost. */
const COMPRESS_MIN_BYTES = 1024;

/**
 * Writes `.br` (quality 11) and `.gz` (level 9) beside every compressible built file, which
 * @fastify/static serves with `preCompressed` instead of compressing on every request.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'siaga-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      const files = (await readdir(outDir, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile() && COMPRESSIBLE.test(entry.name))
        .map((entry) => path.join(entry.parentPath, entry.name))
        .filter((file) => !file.includes(`${path.sep}.vite${path.sep}`));
      await Promise.all(
        files.map(async (file) => {
          const content = await readFile(file);
          if (content.length < COMPRESS_MIN_BYTES) return;
          await writeFile(
            `${file}.br`,
            brotliCompressSync(content, {
              params: {
                [zlibConstants.BROTLI_PARAM_QUALITY]: 11,
                [zlibConstants.BROTLI_PARAM_SIZE_HINT]: content.length,
              },
            }),
          );
          await writeFile(`${file}.gz`, gzipSync(content, { level: 9 }));
        }),
      );
    },
  };
}

export default defineConfig({
  root: fromRoot('src/web'),
  publicDir: 'public',
  plugins: [preact(), precacheList(), precompress()],
  build: {
    outDir: fromRoot('dist/web'),
    emptyOutDir: true,
    manifest: true,
    target: 'es2020',
    // Every browser that runs the PWA supports modulepreload; the polyfill would cost bytes.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        index: fromRoot('src/web/index.html'),
        [SW_INPUT]: fromRoot('src/web/sw.ts'),
      },
      output: {
        // The worker's URL must stay fixed (its scope is the site root), so it is not hashed.
        entryFileNames: (chunk) => (chunk.name === SW_INPUT ? 'sw.js' : 'assets/[name]-[hash].js'),
        // Catalog chunks carry their language and namespace: `i18n-id-web-<hash>.js`.
        chunkFileNames: (chunk) => {
          const catalog = CATALOG_FILE.exec(chunk.facadeModuleId ?? '');
          return catalog
            ? `assets/i18n-${catalog[1]}-${catalog[2]}-[hash].js`
            : 'assets/[name]-[hash].js';
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
