import { describe, expect, it } from 'vitest';
import { requireInCI } from './ci.js';

describe('requireInCI', () => {
  it('lets a check skip locally when what it needs is missing', () => {
    expect(requireInCI(false, 'xmllint', {})).toBe(false);
    expect(requireInCI(true, 'xmllint', {})).toBe(true);
  });

  it('fails on CI instead of skipping, naming what is missing', () => {
    expect(() => requireInCI(false, 'xmllint', { CI: 'true' })).toThrow(
      'CI must run this check, but xmllint is missing',
    );
    expect(requireInCI(true, 'xmllint', { CI: 'true' })).toBe(true);
  });
});
