import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pickLocale, translate } from './index.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const dir = (locale: string) => new URL(`./${locale}/`, import.meta.url);
const namespaces = fs.readdirSync(dir('id')).map((file) => file.replace(/\.json$/, ''));
const read = (locale: string, namespace: string): Record<string, string> =>
  JSON.parse(fs.readFileSync(new URL(`${namespace}.json`, dir(locale)), 'utf8')) as Record<
    string,
    string
  >;

describe('i18n catalogs', () => {
  it('has every namespace in both languages', () => {
    expect(fs.readdirSync(dir('en')).sort()).toEqual(fs.readdirSync(dir('id')).sort());
  });

  it.each(namespaces)('%s: same keys in English, with the same placeholders', (namespace) => {
    const id = read('id', namespace);
    const en = read('en', namespace);
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const [key, text] of Object.entries(id)) {
      expect(placeholders(en[key] ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('picks the best supported language from Accept-Language', () => {
    expect(pickLocale(undefined)).toBe('id');
    expect(pickLocale('en-GB,en;q=0.9')).toBe('en');
    expect(pickLocale('fr-FR, en;q=0.5, id;q=0.8')).toBe('id');
    expect(pickLocale('de')).toBe('id');
  });

  it('fills placeholders', () => {
    expect(translate('en', 'error.field.min_length', { limit: 6 })).toBe('At least 6 characters.');
  });
});
