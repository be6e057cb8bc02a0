import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type {
  AccountExport,
  AccountView,
  LoginBody,
  OfficerCreateBody,
  OfficerCreated,
  OfficerView,
  PasswordResetBody,
  PasswordResetConfirmBody,
  RegisterBody,
  VerificationChannel,
  VerificationConfirmBody,
} from '../../../common/api/accounts.js';
import type { Role, StationRole } from '../../../common/domain/roles.js';
import { DEFAULT_LOCALE, LOCALES, translate, type Locale } from '../../../common/i18n/index.js';
import type { Actor } from '../../auth/actor.js';
import {
  assertStrongPassword,
  invalidField,
  normaliseEmail,
  normalisePhone,
} from '../../auth/credentials.js';
import { hashPassword, verifyPassword } from '../../auth/passwords.js';
import { assertCan, isStaff, requireAccount } from '../../auth/policy.js';
import { openSecret, sealSecret } from '../../auth/secret-box.js';
import {
  listGrantsOfAccount,
  listSessionsOfAccount,
  revokeSessionsOfAccount,
} from '../../auth/session.repository.js';
import { closeSession, openSession } from '../../auth/sessions.js';
import type { AppContext, PersonRef } from '../../context.js';
import { deleteOutboxMessagesTo } from '../../messaging/outbox.repository.js';
import { transaction, type Db, type Tx } from '../../db/database.js';
import { lockForUpdate } from '../../db/locking.js';
import { AppError, conflict, notFound, unauthorized } from '../../errors.js';
import { newId } from '../../ids.js';
import { listAccountAreaCodes } from '../areas/areas.service.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  getStationOrThrow,
  grantRole,
  hasAnyoneRole,
  hasRoleGrant,
  listRoleGrantsIn,
  listRoleGrantsOf,
  revokeRoleGrant,
} from '../stations/stations.service.js';
import {
  deleteAccountById,
  deleteThrottle,
  deleteThrottles,
  findAccountByEmail,
  findAccountById,
  findAccountByPhone,
  listAccountContacts,
  findLatestVerificationCode,
  findThrottle,
  insertAccount,
  insertVerificationCode,
  markVerificationCodeConsumed,
  listAccountNames,
  saveThrottle,
  spendVerificationAttempt,
  updateAccount,
} from './accounts.repository.js';
import type { AccountRow, VerificationCodeRow } from './accounts.table.js';
import { toAccountExport, toAccountView, toOfficerViews } from './accounts.presenter.js';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/** A view plus the new session token the route puts in the cookie. */
export interface SignedIn {
  view: AccountView;
  token: string;
  /** For the device cookie: this device logged in before and keeps access in a lockout. */
  deviceToken: string;
}

// ---------------------------------------------------------------------------------------------
// Account records

export interface NewAccountInput {
  email?: string | null | undefined;
  phone?: string | null | undefined;
  name: string;
  password: string;
  locale?: Locale;
  isDemo?: boolean;
  /** Only the system (demo seed) sets it: demo addresses cannot receive a code. */
  isEmailVerified?: boolean;
}

/**
 * Validates, hashes and inserts one account. Registration, officer creation and the CLI's
 * `user create` all come through here, so every account obeys the same rules.
 */
export async function createAccountRecord(
  ctx: AppContext,
  tx: Tx,
  input: NewAccountInput,
): Promise<AccountRow> {
  const email = input.email == null ? null : normaliseEmail(input.email);
  if (email === undefined) throw invalidField('auth.email_invalid', 'email');
  const phone = input.phone == null ? null : normalisePhone(input.phone);
  if (phone === undefined) throw invalidField('auth.phone_invalid', 'phone');
  if (email === null && phone === null) throw invalidField('auth.contact_required', 'email');
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (name === '') throw invalidField('auth.name_required', 'name');
  assertStrongPassword(input.password, { email, name, phone });

  if (email !== null && (await findAccountByEmail(tx.db, email))) {
    throw conflict('auth.email_taken');
  }
  if (phone !== null && (await findAccountByPhone(tx.db, phone))) {
    throw conflict('auth.phone_taken');
  }
  const now = ctx.clock.now();
  const row: AccountRow = {
    id: newId(now.getTime()),
    email,
    phone,
    name,
    passwordHash: await hashPassword(input.password),
    isEmailVerified: input.isEmailVerified ? 1 : 0,
    isPhoneVerified: 0,
    totpSecret: null,
    isTotpEnabled: 0,
    locale: input.locale ?? DEFAULT_LOCALE,
    isDemo: input.isDemo ? 1 : 0,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await insertAccount(tx.db, row);
  return row;
}

export interface SystemAccountInput extends NewAccountInput {
  role: Role;
  /** Required for station roles; null for citizens and platform admins. */
  stationId: string | null;
}

/**
 * Creates an account with one role, audited as `system`: the CLI's `user create`, the start-up
 * admin bootstrap and the demo seed. No actor to authorise: whoever runs the CLI owns the server.
 */
export async function createAccountAsSystem(
  ctx: AppContext,
  input: SystemAccountInput,
): Promise<AccountRow> {
  const isStationRole = input.role !== 'citizen' && input.role !== 'platform_admin';
  if (isStationRole && input.stationId === null) {
    throw invalidField('accounts.station_required', 'stationId');
  }
  if (!isStationRole && input.stationId !== null) {
    throw invalidField('accounts.station_not_allowed', 'stationId');
  }
  const station = input.stationId ? await getStationOrThrow(ctx, input.stationId) : undefined;
  return transaction(ctx.db, async (tx) => {
    const account = await createAccountRecord(ctx, tx, input);
    if (input.role !== 'citizen') {
      await grantRole(ctx, tx, {
        accountId: account.id,
        stationId: station?.id ?? null,
        role: input.role,
      });
    }
    await recordAudit(ctx, tx, {
      actor: 'system',
      stationId: station?.id ?? null,
      action: 'account.created',
      target: { type: 'account', id: account.id },
      summary: { role: input.role, name: account.name, isDemo: input.isDemo === true },
    });
    return account;
  });
}

/** Whether the deployment has a platform admin yet (the start-up bootstrap creates the first). */
export async function hasPlatformAdmin(ctx: AppContext): Promise<boolean> {
  return hasAnyoneRole(ctx, 'platform_admin');
}

/** The id of the account with this email, if any (the demo seed skips what exists). */
export async function findAccountIdByEmail(
  ctx: AppContext,
  email: string,
): Promise<string | undefined> {
  const normalised = normaliseEmail(email);
  if (normalised === undefined) return undefined;
  return (await findAccountByEmail(ctx.db, normalised))?.id;
}

async function viewOf(db: Db, account: AccountRow): Promise<AccountView> {
  return toAccountView(account, await listGrantsOfAccount(db, account.id));
}

async function loadAccount(ctx: AppContext, actor: Actor): Promise<AccountRow> {
  const me = requireAccount(actor);
  const account = await findAccountById(ctx.db, me.accountId);
  // The session outlived its account (deleted in another request).
  if (!account) throw unauthorized();
  return account;
}

export async function registerAccount(
  ctx: AppContext,
  input: RegisterBody,
  client: ClientInfo & { locale: Locale },
): Promise<SignedIn> {
  const account = await transaction(ctx.db, (tx) =>
    createAccountRecord(ctx, tx, { ...input, locale: client.locale }),
  );
  const token = await openSession(ctx, account.id, client);
  const channel: VerificationChannel = account.email ? 'email' : 'phone';
  try {
    await sendVerificationCode(ctx, account, channel);
  } catch (err) {
    // The account exists either way; the citizen can ask for a new code.
    ctx.log.warn({ err, accountId: account.id }, 'verification code not sent at registration');
  }
  return {
    view: await viewOf(ctx.db, account),
    token,
    deviceToken: newDeviceToken(ctx, account.id),
  };
}

export async function getMe(ctx: AppContext, actor: Actor): Promise<AccountView> {
  return viewOf(ctx.db, await loadAccount(ctx, actor));
}

// ---------------------------------------------------------------------------------------------
// Login and its backoff

/** How many consecutive failures a throttle key absorbs before its lock starts doubling. */
interface ThrottleKey {
  key: string;
  freeFailures: number;
}

const FIRST_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;
/** A key's failures are forgotten after a quiet day, so a shared (CGNAT) address recovers. */
const FORGET_AFTER_MS = 24 * 60 * 60_000;

/**
 * Guessing from one address at one account backs off fast; one address across many accounts a
 * little later (many citizens share a carrier-grade NAT address); the account as a whole only at
 * a much higher ceiling, so a stranger's guesses cannot lock the owner out. A device that logged
 * in before answers only to its own counter.
 */
const PAIR_FREE_FAILURES = 5;
const ADDRESS_FREE_FAILURES = 20;
const ACCOUNT_FREE_FAILURES = 100;
const DEVICE_FREE_FAILURES = 5;

async function assertNotThrottled(ctx: AppContext, keys: ThrottleKey[]): Promise<void> {
  const now = ctx.clock.now().getTime();
  let waitMs = 0;
  for (const { key } of keys) {
    const row = await findThrottle(ctx.db, key);
    if (row?.lockedUntil) waitMs = Math.max(waitMs, Date.parse(row.lockedUntil) - now);
  }
  if (waitMs > 0) {
    throw new AppError('auth.too_many_attempts', 429, undefined, {
      retryAfterSeconds: Math.ceil(waitMs / 1000),
    });
  }
}

/** One more consecutive failure: past a key's free ones, a lock of 30 s that doubles to 15 min. */
async function recordFailure(ctx: AppContext, keys: ThrottleKey[]): Promise<void> {
  const now = ctx.clock.now();
  for (const { key, freeFailures } of keys) {
    await transaction(ctx.db, async (tx) => {
      await lockForUpdate(tx, ctx.database.dialect, `login_throttle:${key}`);
      const row = await findThrottle(tx.db, key);
      const isStale = row && now.getTime() - Date.parse(row.updatedAt) > FORGET_AFTER_MS;
      const failures = (row && !isStale ? row.failures : 0) + 1;
      const lockMs =
        failures >= freeFailures
          ? Math.min(FIRST_LOCK_MS * 2 ** (failures - freeFailures), MAX_LOCK_MS)
          : 0;
      await saveThrottle(tx.db, {
        key,
        failures,
        lockedUntil: lockMs > 0 ? new Date(now.getTime() + lockMs).toISOString() : null,
        updatedAt: now.toISOString(),
      });
    });
  }
}

// Unknown logins are checked against this hash so they take as long as wrong passwords.
let dummyHash: Promise<string> | undefined;

function normaliseLogin(login: string): string {
  const trimmed = login.trim();
  return trimmed.includes('@')
    ? (normaliseEmail(trimmed) ?? trimmed.toLowerCase())
    : (normalisePhone(trimmed) ?? trimmed);
}

async function findAccountByLogin(db: Db, login: string): Promise<AccountRow | undefined> {
  return login.includes('@') ? findAccountByEmail(db, login) : findAccountByPhone(db, login);
}

/** The throttle keys a login attempt counts against (see the ceilings above). */
function throttleKeysOf(login: string, client: ClientInfo, deviceId: string | undefined) {
  if (deviceId !== undefined) {
    return [{ key: `device:${deviceId}`, freeFailures: DEVICE_FREE_FAILURES }];
  }
  const keys: ThrottleKey[] = [{ key: `acct:${login}`, freeFailures: ACCOUNT_FREE_FAILURES }];
  if (client.ip) {
    keys.push(
      { key: `pair:${login}|${client.ip}`, freeFailures: PAIR_FREE_FAILURES },
      { key: `ip:${client.ip}`, freeFailures: ADDRESS_FREE_FAILURES },
    );
  }
  return keys;
}

function signDevice(ctx: AppContext, accountId: string, deviceId: string): string {
  return createHmac('sha256', ctx.secret)
    .update(`device:${accountId}:${deviceId}`)
    .digest('base64url');
}

/** A device token: a random id and its HMAC bound to the account, `<id>.<mac>`. */
function newDeviceToken(ctx: AppContext, accountId: string): string {
  const deviceId = randomBytes(16).toString('base64url');
  return `${deviceId}.${signDevice(ctx, accountId, deviceId)}`;
}

/** The device id when the token was issued to this account by this server. */
function knownDeviceOf(
  ctx: AppContext,
  accountId: string,
  token: string | undefined,
): string | undefined {
  const [deviceId, mac, ...rest] = token?.split('.') ?? [];
  if (!deviceId || !mac || rest.length > 0) return undefined;
  const expected = Buffer.from(signDevice(ctx, accountId, deviceId));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given)
    ? deviceId
    : undefined;
}

export async function logIn(
  ctx: AppContext,
  input: LoginBody,
  client: ClientInfo & { deviceToken?: string | undefined },
): Promise<SignedIn> {
  const login = normaliseLogin(input.login);
  const account = await findAccountByLogin(ctx.db, login);
  const deviceId = account ? knownDeviceOf(ctx, account.id, client.deviceToken) : undefined;
  const keys = throttleKeysOf(login, client, deviceId);
  await assertNotThrottled(ctx, keys);

  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  const isPasswordRight = await verifyPassword(
    account?.passwordHash ?? (await dummyHash),
    input.password,
  );
  if (!account || !isPasswordRight) {
    await recordFailure(ctx, keys);
    throw new AppError('auth.invalid_credentials', 401);
  }
  if (account.isTotpEnabled === 1) {
    if (input.totp === undefined) throw new AppError('auth.totp_required', 401);
    if (!isTotpCodeRight(ctx, account.totpSecret, input.totp)) {
      await recordFailure(ctx, keys);
      throw new AppError('auth.totp_invalid', 401);
    }
  }
  // The address-wide counter stays: one right password must not buy more guesses elsewhere.
  for (const { key } of keys) if (!key.startsWith('ip:')) await deleteThrottle(ctx.db, key);
  const token = await openSession(ctx, account.id, client);
  return {
    view: await viewOf(ctx.db, account),
    token,
    deviceToken:
      client.deviceToken && deviceId ? client.deviceToken : newDeviceToken(ctx, account.id),
  };
}

export async function logOut(ctx: AppContext, actor: Actor): Promise<void> {
  if (actor.kind === 'account') await closeSession(ctx, actor.sessionId);
}

/**
 * Re-checks the password before a destructive change, with the same backoff as login so a
 * borrowed session cannot be used to guess it.
 */
async function confirmPassword(ctx: AppContext, account: AccountRow, password: string) {
  const keys = [{ key: `confirm:${account.id}`, freeFailures: PAIR_FREE_FAILURES }];
  await assertNotThrottled(ctx, keys);
  if (!(await verifyPassword(account.passwordHash, password))) {
    await recordFailure(ctx, keys);
    throw new AppError('auth.password_incorrect', 403, undefined, { field: 'password' });
  }
  await deleteThrottle(ctx.db, keys[0]!.key);
}

// ---------------------------------------------------------------------------------------------
// Email / phone verification

const CODE_TTL_MS = 10 * 60_000;
const RESEND_AFTER_MS = 60_000;
const CODE_ATTEMPTS = 5;

/** Keyed with the instance secret and bound to the code's row: a database dump reveals nothing. */
function hashCode(ctx: AppContext, codeId: string, code: string): string {
  return createHmac('sha256', ctx.secret).update(`${codeId}:${code}`).digest('hex');
}

function destinationOf(account: AccountRow, channel: VerificationChannel): string | null {
  return channel === 'email' ? account.email : account.phone;
}

function isVerifiedOn(account: AccountRow, channel: VerificationChannel): boolean {
  return (channel === 'email' ? account.isEmailVerified : account.isPhoneVerified) === 1;
}

function localeOf(account: AccountRow): Locale {
  return LOCALES.find((locale) => locale === account.locale) ?? DEFAULT_LOCALE;
}

async function sendVerificationCode(
  ctx: AppContext,
  account: AccountRow,
  channel: VerificationChannel,
): Promise<{ channel: VerificationChannel; expiresAt: string }> {
  const destination = destinationOf(account, channel);
  if (destination === null) throw invalidField('auth.verification_no_destination', 'channel');
  if (isVerifiedOn(account, channel)) throw conflict('auth.already_verified');
  const now = ctx.clock.now();
  const last = await findLatestVerificationCode(ctx.db, account.id, channel);
  const waitMs = last ? Date.parse(last.createdAt) + RESEND_AFTER_MS - now.getTime() : 0;
  if (waitMs > 0) {
    throw new AppError('auth.verification_too_soon', 429, undefined, {
      retryAfterSeconds: Math.ceil(waitMs / 1000),
    });
  }
  const { expiresAt } = await issueCode(ctx, account, {
    purpose: channel,
    destination,
    message: 'verification',
  });
  return { channel, expiresAt };
}

/** Stores a fresh 6-digit code (hashed) for the purpose and sends it to the destination. */
async function issueCode(
  ctx: AppContext,
  account: AccountRow,
  input: { purpose: string; destination: string; message: 'verification' | 'reset' },
): Promise<{ expiresAt: string }> {
  const now = ctx.clock.now();
  const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
  const id = newId(now.getTime());
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS).toISOString();
  await insertVerificationCode(ctx.db, {
    id,
    accountId: account.id,
    channel: input.purpose,
    destination: input.destination,
    codeHash: hashCode(ctx, id, code),
    attempts: 0,
    expiresAt,
    consumedAt: null,
    createdAt: now.toISOString(),
  });
  const locale = localeOf(account);
  await ctx.messenger.send({
    channel: input.destination.includes('@') ? 'email' : 'sms',
    to: input.destination,
    subject: translate(locale, `accounts.${input.message}.subject`),
    text: translate(locale, `accounts.${input.message}.text`, {
      code,
      minutes: CODE_TTL_MS / 60_000,
    }),
  });
  return { expiresAt };
}

/**
 * Spends one attempt on the latest live code of the purpose and compares it; false when it is
 * wrong, expired, used, sent elsewhere or out of attempts.
 */
async function isCodeRight(
  ctx: AppContext,
  account: AccountRow,
  input: { purpose: string; destination: string | null; code: string },
): Promise<VerificationCodeRow | undefined> {
  const row = await findLatestVerificationCode(ctx.db, account.id, input.purpose);
  const isLive =
    row !== undefined &&
    row.consumedAt === null &&
    Date.parse(row.expiresAt) > ctx.clock.now().getTime() &&
    row.destination === input.destination;
  if (!isLive || !(await spendVerificationAttempt(ctx.db, row.id, CODE_ATTEMPTS))) {
    return undefined;
  }
  const expected = Buffer.from(row.codeHash, 'hex');
  const given = Buffer.from(hashCode(ctx, row.id, input.code), 'hex');
  return timingSafeEqual(expected, given) ? row : undefined;
}

export async function requestVerification(
  ctx: AppContext,
  actor: Actor,
  channel: VerificationChannel,
): Promise<{ channel: VerificationChannel; expiresAt: string }> {
  return sendVerificationCode(ctx, await loadAccount(ctx, actor), channel);
}

export async function confirmVerification(
  ctx: AppContext,
  actor: Actor,
  input: VerificationConfirmBody,
): Promise<AccountView> {
  const account = await loadAccount(ctx, actor);
  const row = await findLatestVerificationCode(ctx.db, account.id, input.channel);
  const now = ctx.clock.now();
  const isLive =
    row !== undefined &&
    row.consumedAt === null &&
    Date.parse(row.expiresAt) > now.getTime() &&
    row.destination === destinationOf(account, input.channel);
  if (!isLive) throw invalidField('auth.verification_expired', 'code');
  // The attempt is spent before comparing, so parallel guesses cannot exceed the limit.
  if (!(await spendVerificationAttempt(ctx.db, row.id, CODE_ATTEMPTS))) {
    throw invalidField('auth.verification_attempts_exceeded', 'code');
  }
  const expected = Buffer.from(row.codeHash, 'hex');
  const given = Buffer.from(hashCode(ctx, row.id, input.code), 'hex');
  if (!timingSafeEqual(expected, given)) throw invalidField('auth.verification_invalid', 'code');

  return transaction(ctx.db, async (tx) => {
    await markVerificationCodeConsumed(tx.db, row.id, now.toISOString());
    const patch = input.channel === 'email' ? { isEmailVerified: 1 } : { isPhoneVerified: 1 };
    await updateAccount(tx.db, account.id, { ...patch, updatedAt: now.toISOString() });
    return viewOf(tx.db, { ...account, ...patch });
  });
}

// ---------------------------------------------------------------------------------------------
// Password reset ("Lupa kata sandi")

const RESET_PURPOSE = 'password_reset';

/**
 * Sends a reset code to the login (email or phone) when it names an account. The answer is
 * the same either way, and a code already sent in the last minute is not sent again.
 */
export async function requestPasswordReset(ctx: AppContext, input: PasswordResetBody) {
  const login = normaliseLogin(input.login);
  const account = await findAccountByLogin(ctx.db, login);
  if (!account) return;
  const last = await findLatestVerificationCode(ctx.db, account.id, RESET_PURPOSE);
  if (last && Date.parse(last.createdAt) + RESEND_AFTER_MS > ctx.clock.now().getTime()) return;
  await issueCode(ctx, account, { purpose: RESET_PURPOSE, destination: login, message: 'reset' });
}

/** Sets the new password with the code and ends every session of the account. */
export async function confirmPasswordReset(
  ctx: AppContext,
  input: PasswordResetConfirmBody,
): Promise<void> {
  const login = normaliseLogin(input.login);
  const account = await findAccountByLogin(ctx.db, login);
  const invalid = invalidField('auth.reset_code_invalid', 'code');
  if (!account) throw invalid;
  assertStrongPassword(input.password, account);
  const row = await isCodeRight(ctx, account, {
    purpose: RESET_PURPOSE,
    destination: login,
    code: input.code,
  });
  if (!row) throw invalid;
  const now = ctx.clock.now().toISOString();
  const passwordHash = await hashPassword(input.password);
  // Receiving the code proves the address, as a verification code would.
  const verified = login.includes('@') ? { isEmailVerified: 1 } : { isPhoneVerified: 1 };
  await transaction(ctx.db, async (tx) => {
    await markVerificationCodeConsumed(tx.db, row.id, now);
    await updateAccount(tx.db, account.id, { passwordHash, ...verified, updatedAt: now });
    await revokeSessionsOfAccount(tx.db, account.id, now);
  });
  await deleteThrottles(ctx.db, throttleKeysNaming(account));
}

// ---------------------------------------------------------------------------------------------
// TOTP (second factor, mostly for officers)

const TOTP_PURPOSE = 'totp';

function totpFor(account: AccountRow, secret: Secret): TOTP {
  return new TOTP({
    issuer: 'Siaga',
    label: account.email ?? account.phone ?? account.name,
    secret,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  });
}

function isTotpCodeRight(ctx: AppContext, sealed: string | null, code: string): boolean {
  const base32 = sealed === null ? undefined : openSecret(ctx.secret, TOTP_PURPOSE, sealed);
  if (base32 === undefined) return false;
  // One step either side absorbs phone clocks that drift by up to 30 s.
  const delta = TOTP.validate({
    token: code,
    secret: Secret.fromBase32(base32),
    timestamp: ctx.clock.now().getTime(),
    window: 1,
  });
  return delta !== null;
}

export async function setUpTotp(
  ctx: AppContext,
  actor: Actor,
): Promise<{ secret: string; otpauthUri: string }> {
  const account = await loadAccount(ctx, actor);
  if (account.isTotpEnabled === 1) throw conflict('auth.totp_already_enabled');
  const secret = new Secret({ size: 20 });
  await updateAccount(ctx.db, account.id, {
    totpSecret: sealSecret(ctx.secret, TOTP_PURPOSE, secret.base32),
    updatedAt: ctx.clock.now().toISOString(),
  });
  return { secret: secret.base32, otpauthUri: totpFor(account, secret).toString() };
}

export async function enableTotp(
  ctx: AppContext,
  actor: Actor,
  code: string,
): Promise<AccountView> {
  const account = await loadAccount(ctx, actor);
  if (account.isTotpEnabled === 1) throw conflict('auth.totp_already_enabled');
  if (account.totpSecret === null) throw invalidField('auth.totp_not_set_up', 'code');
  if (!isTotpCodeRight(ctx, account.totpSecret, code)) {
    throw invalidField('auth.totp_invalid', 'code');
  }
  await updateAccount(ctx.db, account.id, {
    isTotpEnabled: 1,
    updatedAt: ctx.clock.now().toISOString(),
  });
  return viewOf(ctx.db, { ...account, isTotpEnabled: 1 });
}

export async function disableTotp(
  ctx: AppContext,
  actor: Actor,
  password: string,
): Promise<AccountView> {
  const account = await loadAccount(ctx, actor);
  await confirmPassword(ctx, account, password);
  const patch = { isTotpEnabled: 0, totpSecret: null };
  await updateAccount(ctx.db, account.id, { ...patch, updatedAt: ctx.clock.now().toISOString() });
  return viewOf(ctx.db, { ...account, ...patch });
}

// ---------------------------------------------------------------------------------------------
// UU PDP: export and erasure

export async function exportAccount(ctx: AppContext, actor: Actor): Promise<AccountExport> {
  const account = await loadAccount(ctx, actor);
  return toAccountExport({
    account,
    sessions: await listSessionsOfAccount(ctx.db, account.id),
    areas: await listAccountAreaCodes(ctx, account.id),
    grants: await listRoleGrantsOf(ctx, account.id),
    kept: await ctx.features.exportPersonalData(personOf(account)),
    exportedAt: ctx.clock.now().toISOString(),
  });
}

function personOf(account: AccountRow): PersonRef {
  return { accountId: account.id, email: account.email, phone: account.phone };
}

/** The throttle keys that name the person (address-only and device keys do not). */
function throttleKeysNaming(account: AccountRow): { keys: string[]; prefixes: string[] } {
  const logins = [account.email, account.phone].flatMap((login) => (login ? [login] : []));
  return {
    keys: [`confirm:${account.id}`, ...logins.map((login) => `acct:${login}`)],
    prefixes: logins.map((login) => `pair:${login}|`),
  };
}

/**
 * Deletes the account; sessions, codes, areas and grants go with it (FK cascades). What names
 * the person elsewhere goes too: messages sent to them, throttle counters keyed by their login,
 * and whatever the modules keep (reports are detached, push subscriptions dropped).
 */
export async function deleteAccount(
  ctx: AppContext,
  actor: Actor,
  password: string,
): Promise<void> {
  const account = await loadAccount(ctx, actor);
  await confirmPassword(ctx, account, password);
  await transaction(ctx.db, async (tx) => {
    if (isStaff(actor) && actor.kind === 'account') {
      // Officers' departures stay traceable in the audit log, which keeps no foreign keys.
      await recordAudit(ctx, tx, {
        actor,
        stationId: null,
        action: 'account.deleted',
        target: { type: 'account', id: account.id },
        summary: { roles: actor.grants.map((g) => g.role) },
      });
    }
    await ctx.features.erasePersonalData(tx, personOf(account));
    await deleteOutboxMessagesTo(
      tx.db,
      [account.email, account.phone].flatMap((to) => (to ? [to] : [])),
    );
    await deleteThrottles(tx.db, throttleKeysNaming(account));
    await deleteAccountById(tx.db, account.id);
  });
}

// ---------------------------------------------------------------------------------------------
// Officer management (officers are never self-registered)

/** The accounts holding a role in the station, by name, each with its roles there. */
async function listOfficersOf(db: Db, stationId: string): Promise<OfficerView[]> {
  const grants = await listRoleGrantsIn(db, stationId);
  const accounts = await listAccountContacts(db, [...new Set(grants.map((g) => g.accountId))]);
  return toOfficerViews(accounts, grants);
}

async function officerInStation(db: Db, stationId: string, accountId: string) {
  const officer = (await listOfficersOf(db, stationId)).find((o) => o.id === accountId);
  if (!officer) throw notFound('accounts.not_found');
  return officer;
}

export async function createOfficer(
  ctx: AppContext,
  actor: Actor,
  stationId: string,
  input: OfficerCreateBody,
): Promise<OfficerCreated> {
  const station = await getStationOrThrow(ctx, stationId);
  const admin = assertCan(actor, 'station.manage_officers', station);
  const email = normaliseEmail(input.email);
  if (email === undefined) throw invalidField('auth.email_invalid', 'email');
  // 16 random base64url characters: 96 bits, handed over once.
  const oneTimePassword =
    input.password === undefined ? randomBytes(12).toString('base64url') : undefined;

  return transaction(ctx.db, async (tx) => {
    const existing = await findAccountByEmail(tx.db, email);
    const account =
      existing ??
      (await createAccountRecord(ctx, tx, {
        email,
        phone: input.phone,
        name: input.name,
        password: input.password ?? oneTimePassword ?? '',
      }));
    const grant = { accountId: account.id, stationId: station.id, role: input.role };
    if (existing && (await hasRoleGrant(tx.db, grant))) {
      throw conflict('accounts.role_already_granted');
    }
    await grantRole(ctx, tx, grant);
    await recordAudit(ctx, tx, {
      actor: admin,
      stationId: station.id,
      action: existing ? 'officer.role_granted' : 'officer.created',
      target: { type: 'account', id: account.id },
      summary: { role: input.role, name: account.name },
    });
    return {
      officer: await officerInStation(tx.db, station.id, account.id),
      isNewAccount: !existing,
      ...(!existing && oneTimePassword ? { oneTimePassword } : {}),
    };
  });
}

export async function listOfficers(
  ctx: AppContext,
  actor: Actor,
  stationId: string,
): Promise<OfficerView[]> {
  const station = await getStationOrThrow(ctx, stationId);
  assertCan(actor, 'station.manage_officers', station);
  return listOfficersOf(ctx.db, station.id);
}

export async function revokeOfficerRole(
  ctx: AppContext,
  actor: Actor,
  target: { stationId: string; accountId: string; role: StationRole },
): Promise<void> {
  const station = await getStationOrThrow(ctx, target.stationId);
  const admin = assertCan(actor, 'station.manage_officers', station);
  await transaction(ctx.db, async (tx) => {
    if (!(await revokeRoleGrant(tx, { ...target, stationId: station.id }))) {
      throw notFound('accounts.grant_not_found');
    }
    await recordAudit(ctx, tx, {
      actor: admin,
      stationId: station.id,
      action: 'officer.role_revoked',
      target: { type: 'account', id: target.accountId },
      summary: { role: target.role },
    });
  });
}

/** Display names of accounts, keyed by id (missing: deleted). */
export async function findAccountNames(
  ctx: AppContext,
  ids: string[],
): Promise<Map<string, string>> {
  const rows = await listAccountNames(ctx.db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** When an account was made (contests refuse votes from accounts younger than they ask). */
export async function findAccountCreatedAt(
  ctx: AppContext,
  id: string,
): Promise<string | undefined> {
  return (await findAccountById(ctx.db, id))?.createdAt;
}
