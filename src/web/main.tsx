import { render } from 'preact';
import { App } from './app.js';
import { getLocale } from './i18n/locale.js';
import { startReportQueue } from './report-queue.js';

document.documentElement.lang = getLocale();
const root = document.getElementById('app')!; // index.html has #app
root.textContent = ''; // the boot placeholder; Preact would otherwise keep it
render(<App />, root);
startReportQueue();

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  // After load, so installing the worker never competes with the first page.
  addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
