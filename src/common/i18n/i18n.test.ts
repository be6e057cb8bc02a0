import { describe, expect, it } from 'vitest';
import { catalogs, pickLocale, translate } from './index.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n catalogs', () => {
  it('has every Indonesian key in English, with the same placeholders', () => {
    const missing = Object.keys(catalogs.id).filter((key) => !(key in catalogs.en));
    expect(missing).toEqual([]);
    for (const [key, text] of Object.entries(catalogs.id)) {
      expect(placeholders(catalogs.en[key as keyof typeof catalogs.id] ?? ''), key).toEqual(
        placeholders(text),
      );
    }
  });

  it('has no English key that Indonesian lacks', () => {
    expect(Object.keys(catalogs.en).filter((key) => !(key in catalogs.id))).toEqual([]);
  });

  it('picks the best supported language from Accept-Language', () => {
    expect(pickLocale(undefined)).toBe('id');
    expect(pickLocale('en-GB,en;q=0.9')).toBe('en');
    expect(pickLocale('fr-FR, en;q=0.5, id;q=0.8')).toBe('id');
    expect(pickLocale('de')).toBe('id');
  });

  it('fills placeholders', () => {
    expect(translate('en', 'error.validation.failed', { fields: 'email' })).toBe(
      'The data sent is not valid: email.',
    );
  });
});
