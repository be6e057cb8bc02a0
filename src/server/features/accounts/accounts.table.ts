import type { Insertable, Selectable, Updateable } from 'kysely';

export interface AccountTable {
  id: string;
  email: string | null;
  /** E.164, always +62… */
  phone: string | null;
  name: string;
  passwordHash: string;
  isEmailVerified: number;
  isPhoneVerified: number;
  totpSecret: string | null;
  isTotpEnabled: number;
  locale: string;
  isDemo: number;
  createdAt: string;
  updatedAt: string;
}
export type AccountRow = Selectable<AccountTable>;
export type NewAccountRow = Insertable<AccountTable>;
export type AccountUpdate = Updateable<AccountTable>;

export interface SessionTable {
  id: string;
  accountId: string;
  tokenHash: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
  revokedAt: string | null;
  ip: string | null;
  userAgent: string | null;
}
export type SessionRow = Selectable<SessionTable>;

export interface VerificationCodeTable {
  id: string;
  accountId: string;
  channel: string;
  destination: string;
  codeHash: string;
  attempts: number;
  expiresAt: string;
  consumedAt: string | null;
  createdAt: string;
}
export type VerificationCodeRow = Selectable<VerificationCodeTable>;

export interface LoginThrottleTable {
  key: string;
  failures: number;
  lockedUntil: string | null;
  updatedAt: string;
}

declare module '../../db/schema.js' {
  interface DatabaseSchema {
    account: AccountTable;
    session: SessionTable;
    verification_code: VerificationCodeTable;
    login_throttle: LoginThrottleTable;
  }
}
