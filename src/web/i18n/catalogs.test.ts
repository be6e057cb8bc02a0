import { describe, expect, it } from 'vitest';
import { loadCatalogs, loadedNamespaces, translate } from './catalogs.js';

describe('web catalogs', () => {
  it('loads only the namespaces and the language asked for', async () => {
    await loadCatalogs('en', ['console-alerts']);
    expect(translate('en', 'consoleAlerts.new')).toBe('New alert');
    expect(translate('en', 'web.home.title')).toBe('web.home.title');
    expect(translate('id', 'consoleAlerts.new')).toBe('consoleAlerts.new');
    expect(loadedNamespaces()).toEqual(['console-alerts']);
    expect(loadCatalogs('en', ['console-alerts'])).toBeUndefined();
  });

  it('picks English plural forms by count and fills the other placeholders', async () => {
    await loadCatalogs('en', ['console-alerts']);
    await loadCatalogs('id', ['console-alerts']);
    const circles = (locale: 'id' | 'en', count: number) =>
      translate(locale, 'consoleAlerts.target.circles', { count });
    expect([circles('en', 1), circles('en', 0), circles('en', 2)]).toEqual([
      '1 circle',
      '0 circles',
      '2 circles',
    ]);
    expect([circles('id', 1), circles('id', 2)]).toEqual(['1 lingkaran', '2 lingkaran']);
    expect(translate('en', 'consoleAlerts.target.remove', { name: 'Ardimulyo' })).toBe(
      'Remove Ardimulyo',
    );
  });

  it('refuses a namespace that has no catalog file', async () => {
    await expect(loadCatalogs('id', ['no-such-namespace'])).rejects.toThrow(
      'no catalog id/no-such-namespace',
    );
  });
});
