import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Every variable the configuration reads is explained where operators look. */
describe('settings are documented', () => {
  const read = (file: string) => fs.readFileSync(file, 'utf8');
  const variables = [...new Set(read('src/server/config.ts').match(/SIAGA_[A-Z0-9_]+/g))];

  it('finds the settings in config.ts', () => {
    expect(variables).toEqual(expect.arrayContaining(['SIAGA_PORT', 'SIAGA_TRUST_PROXY']));
  });

  it.each(['.env.example', 'docs/operations.md'])('%s names every one', (file) => {
    const text = read(file);
    expect(variables.filter((name) => !text.includes(name))).toEqual([]);
  });
});
