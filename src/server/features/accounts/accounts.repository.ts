import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type {
  AccountRow,
  AccountUpdate,
  NewAccountRow,
  VerificationCodeRow,
} from './accounts.table.js';

export async function findAccountById(db: Db, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('account').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findAccountByEmail(db: Db, email: string): Promise<AccountRow | undefined> {
  return db.selectFrom('account').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findAccountByPhone(db: Db, phone: string): Promise<AccountRow | undefined> {
  return db.selectFrom('account').selectAll().where('phone', '=', phone).executeTakeFirst();
}

export async function insertAccount(db: Db, row: NewAccountRow): Promise<void> {
  await db.insertInto('account').values(row).execute();
}

export async function updateAccount(db: Db, id: string, patch: AccountUpdate): Promise<void> {
  await db.updateTable('account').set(patch).where('id', '=', id).execute();
}

export async function deleteAccountById(db: Db, id: string): Promise<void> {
  await db.deleteFrom('account').where('id', '=', id).execute();
}

// Login backoff counters, keyed `acct:<login>` / `ip:<address>`.

export async function findThrottle(db: Db, key: string) {
  return db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function saveThrottle(
  db: Db,
  row: { key: string; failures: number; lockedUntil: string | null; updatedAt: string },
): Promise<void> {
  await db
    .insertInto('login_throttle')
    .values(row)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: row.failures,
        lockedUntil: row.lockedUntil,
        updatedAt: row.updatedAt,
      }),
    )
    .execute();
}

export async function deleteThrottle(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

export async function deleteThrottles(
  db: Db,
  which: { keys: string[]; prefixes: string[] },
): Promise<void> {
  await db
    .deleteFrom('login_throttle')
    .where((eb) =>
      eb.or([
        ...(which.keys.length > 0 ? [eb('key', 'in', which.keys)] : []),
        // substr, not LIKE: logins may hold `_` and the two databases escape LIKE differently.
        ...which.prefixes.map((prefix) =>
          eb(sql<string>`substr(${eb.ref('key')}, 1, ${prefix.length})`, '=', prefix),
        ),
      ]),
    )
    .execute();
}

export async function insertVerificationCode(db: Db, row: VerificationCodeRow): Promise<void> {
  await db.insertInto('verification_code').values(row).execute();
}

export async function findLatestVerificationCode(
  db: Db,
  accountId: string,
  channel: string,
): Promise<VerificationCodeRow | undefined> {
  return db
    .selectFrom('verification_code')
    .selectAll()
    .where('accountId', '=', accountId)
    .where('channel', '=', channel)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Spends one attempt on a code; false when none are left (safe against parallel guesses). */
export async function spendVerificationAttempt(
  db: Db,
  id: string,
  maxAttempts: number,
): Promise<boolean> {
  const result = await db
    .updateTable('verification_code')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('attempts', '<', maxAttempts)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function markVerificationCodeConsumed(
  db: Db,
  id: string,
  consumedAt: string,
): Promise<void> {
  await db.updateTable('verification_code').set({ consumedAt }).where('id', '=', id).execute();
}

/** Name and contact of the accounts, in name order (officer lists are sorted by name). */
export async function listAccountContacts(
  db: Db,
  ids: string[],
): Promise<Array<{ id: string; name: string; email: string | null; phone: string | null }>> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('account')
    .select(['id', 'name', 'email', 'phone'])
    .where('id', 'in', ids)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function listAccountNames(
  db: Db,
  ids: string[],
): Promise<Array<{ id: string; name: string }>> {
  if (ids.length === 0) return [];
  return db.selectFrom('account').select(['id', 'name']).where('id', 'in', ids).execute();
}
