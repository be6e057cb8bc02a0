import type { Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { DatabaseSchema } from '../db/schema.js';
import type { Grant } from './actor.js';

export interface SessionWithAccount {
  sessionId: string;
  accountId: string;
  name: string;
  expiresAt: string;
  lastSeenAt: string;
  isVerified: boolean;
}

export async function findLiveSessionByTokenHash(
  db: Db,
  tokenHash: string,
  nowIso: string,
): Promise<SessionWithAccount | undefined> {
  const row = await db
    .selectFrom('session')
    .innerJoin('account', 'account.id', 'session.accountId')
    .select([
      'session.id as sessionId',
      'session.accountId',
      'session.expiresAt',
      'session.lastSeenAt',
      'account.name',
      'account.isEmailVerified',
      'account.isPhoneVerified',
    ])
    .where('session.tokenHash', '=', tokenHash)
    .where('session.revokedAt', 'is', null)
    .where('session.expiresAt', '>', nowIso)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    sessionId: row.sessionId,
    accountId: row.accountId,
    name: row.name,
    expiresAt: row.expiresAt,
    lastSeenAt: row.lastSeenAt,
    isVerified: row.isEmailVerified === 1 || row.isPhoneVerified === 1,
  };
}

export async function listGrantsOfAccount(db: Db, accountId: string): Promise<Grant[]> {
  const rows = await db
    .selectFrom('role_grant')
    .leftJoin('station', 'station.id', 'role_grant.stationId')
    .select(['role_grant.role', 'role_grant.stationId', 'station.path as stationPath'])
    .where('role_grant.accountId', '=', accountId)
    .execute();
  return rows.map((r) => ({ role: r.role, stationId: r.stationId, stationPath: r.stationPath }));
}

export async function insertSession(
  db: Db,
  row: {
    id: string;
    accountId: string;
    tokenHash: string;
    createdAt: string;
    expiresAt: string;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await db
    .insertInto('session')
    .values({ ...row, lastSeenAt: row.createdAt, revokedAt: null })
    .execute();
}

export async function touchSession(
  db: Db,
  sessionId: string,
  lastSeenAt: string,
  expiresAt: string,
): Promise<void> {
  await db
    .updateTable('session')
    .set({ lastSeenAt, expiresAt })
    .where('id', '=', sessionId)
    .execute();
}

export async function revokeSession(db: Db, sessionId: string, revokedAt: string): Promise<void> {
  await db.updateTable('session').set({ revokedAt }).where('id', '=', sessionId).execute();
}

export async function revokeSessionsOfAccount(
  db: Db,
  accountId: string,
  revokedAt: string,
): Promise<void> {
  await db
    .updateTable('session')
    .set({ revokedAt })
    .where('accountId', '=', accountId)
    .where('revokedAt', 'is', null)
    .execute();
}

export type StoredSession = Selectable<DatabaseSchema['session']>;

/** Every session of the account, newest first (the UU PDP export lists them). */
export async function listSessionsOfAccount(db: Db, accountId: string): Promise<StoredSession[]> {
  return db
    .selectFrom('session')
    .selectAll()
    .where('accountId', '=', accountId)
    .orderBy('createdAt', 'desc')
    .execute();
}
