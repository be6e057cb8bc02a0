import { render } from 'preact';
import { App } from './app.js';
import { getLocale } from './i18n/locale.js';

document.documentElement.lang = getLocale();
render(<App />, document.getElementById('app')!); // index.html has #app

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  // After load, so installing the worker never competes with the first page.
  addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
