import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { TRACKING_ALPHABET } from '../../common/domain/reports.js';

/**
 * The handle an anonymous sender keeps (reports, hoax tips): a short code to read out or type
 * (`SGA-XXXX-XXXX`, no look-alike characters) and a long secret that proves it is theirs.
 * Only the secret's hash is stored, so a database dump cannot open anyone's tracking page.
 */
export function newTrackingCode(): string {
  const group = () =>
    Array.from({ length: 4 }, () => TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)]).join(
      '',
    );
  return `SGA-${group()}-${group()}`;
}

/** 128 random bits, base64url: too long to guess, short enough to copy from a screenshot. */
export function newTrackingSecret(): string {
  return randomBytes(16).toString('base64url');
}

export function hashTrackingSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time comparison of a presented secret with the stored hash. */
export function trackingSecretMatches(
  secret: string | undefined,
  storedHash: string | null,
): boolean {
  if (!secret || !storedHash) return false;
  const presented = Buffer.from(hashTrackingSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
