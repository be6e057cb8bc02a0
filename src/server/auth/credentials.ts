import { dictionary } from '@zxcvbn-ts/language-common';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { AppError } from '../errors.js';

export const PASSWORD_MIN_LENGTH = 10;

/** A 400 that names the offending field, like the schema errors do. */
export function invalidField(code: string, field: string): AppError {
  return new AppError(code, 400, undefined, { field });
}

// Loaded once: ~49k entries, compared lower-cased.
let commonPasswords: Set<string> | undefined;
function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common'].map((word) => word.toLowerCase()));
  return commonPasswords.has(password.toLowerCase());
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** Trimmed and lower-cased; undefined when it is not an email address. */
export function normaliseEmail(input: string): string | undefined {
  const email = input.trim().toLowerCase();
  return email.length <= 254 && EMAIL_PATTERN.test(email) ? email : undefined;
}

/**
 * E.164 (+62…) for an Indonesian mobile number in any common form (0812-…, 62812…, +62 812…);
 * undefined for anything else, landlines included (codes go out by SMS).
 */
export function normalisePhone(input: string): string | undefined {
  const parsed = parsePhoneNumberFromString(input.trim(), 'ID');
  if (!parsed?.isValid() || parsed.country !== 'ID') return undefined;
  const type = parsed.getType();
  return type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE' ? parsed.number : undefined;
}

/** Throws 400 unless the password is long enough and not guessable from the account itself. */
export function assertStrongPassword(
  password: string,
  personal: { email?: string | null; name?: string; phone?: string | null },
): void {
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    throw invalidField('auth.password_too_short', 'password');
  }
  const lower = password.toLowerCase();
  // Fragments shorter than 4 characters would forbid too much ("budi" stays, "al" does not).
  const fragments = [
    personal.email?.split('@')[0],
    personal.name?.toLowerCase().replace(/\s+/g, ''),
    ...(personal.name?.toLowerCase().split(/\s+/) ?? []),
    personal.phone?.replace(/^\+62/, ''),
  ].filter((fragment): fragment is string => fragment !== undefined && fragment.length >= 4);
  if (isCommonPassword(password) || fragments.some((fragment) => lower.includes(fragment))) {
    throw invalidField('auth.password_weak', 'password');
  }
}
