import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';

const SW_INPUT = 'sw';
const CATALOG_FILE = /common\/i18n\/(\w+)\/([\w-]+)\.json$/;
// Absolute, so the build gives the same output from any working directory.
const fromRoot = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/**
 * Writes the list of built files into the service worker (its `__PRECACHE_URLS__` stand-in)
 * once every other file's hashed name is known, so a new build installs a new worker.
 */
function precacheList(): Plugin {
  return {
    name: 'siaga-precache-list',
    apply: 'build',
    generateBundle(_options, bundle) {
      const sw = Object.values(bundle).find(
        (file) => file.type === 'chunk' && file.isEntry && file.name === SW_INPUT,
      );
      if (!sw || sw.type !== 'chunk') return;
      const urls = Object.keys(bundle)
        .filter((name) => name !== sw.fileName && !name.startsWith('.vite/'))
        .filter((name) => !name.endsWith('.map'))
        .map((name) => `/${name}`);
      const list = JSON.stringify(['/', '/manifest.webmanifest', '/icons/icon.svg', ...urls]);
      sw.code = sw.code.replace('__PRECACHE_URLS__', list);
    },
  };
}

export default defineConfig({
  root: fromRoot('src/web'),
  publicDir: 'public',
  plugins: [preact(), precacheList()],
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
