import { render } from 'preact';
import { App } from './app.js';
import { loadCatalogs } from './i18n/catalogs.js';
import { SHELL_NAMESPACES } from './i18n/i18n.js';
import { getLocale } from './i18n/locale.js';
import { shellNamespaces, startups } from './feature-registry.js';

const locale = getLocale();
document.documentElement.lang = locale;

/** The shell's strings come first, so the header never paints as raw keys. */
async function start() {
  await loadCatalogs(locale, [...SHELL_NAMESPACES, ...shellNamespaces]);
  const root = document.getElementById('app')!; // index.html has #app
  root.textContent = ''; // the boot placeholder; Preact would otherwise keep it
  render(<App />, root);
}
void start();
for (const onStart of startups) void onStart();

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  // After load, so installing the worker never competes with the first page.
  addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
