import { describe, expect, it } from 'vitest';
import { TRACKING_CODE_PATTERN } from '../../common/domain/reports.js';
import {
  hashTrackingSecret,
  newTrackingCode,
  newTrackingSecret,
  trackingSecretMatches,
} from './tracking-codes.js';

describe('tracking codes', () => {
  it('makes codes in the published pattern, and they differ', () => {
    const codes = new Set(Array.from({ length: 500 }, newTrackingCode));
    for (const code of codes) expect(code).toMatch(new RegExp(TRACKING_CODE_PATTERN));
    expect(codes.size).toBe(500);
  });

  it('accepts the right secret and refuses a wrong, missing or unset one', () => {
    const secret = newTrackingSecret();
    expect(secret.length).toBeGreaterThanOrEqual(22);
    const stored = hashTrackingSecret(secret);
    expect(stored).not.toContain(secret);
    expect(trackingSecretMatches(secret, stored)).toBe(true);
    expect(trackingSecretMatches(newTrackingSecret(), stored)).toBe(false);
    expect(trackingSecretMatches(undefined, stored)).toBe(false);
    expect(trackingSecretMatches(secret, null)).toBe(false);
  });
});
