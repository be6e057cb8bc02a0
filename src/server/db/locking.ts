import { sql } from 'kysely';
import type { Dialect, Tx } from './database.js';

/**
 * Serialises writers of one named resource until the transaction ends. PostgreSQL takes a
 * transaction-scoped advisory lock. SQLite has one write lock for the whole database, but a
 * deferred transaction takes it only at its first write; a write that changes no row takes it
 * now, so what the caller reads next no other process can change before it commits.
 */
export async function lockForUpdate(tx: Tx, dialect: Dialect, name: string): Promise<void> {
  if (dialect === 'postgres') {
    await sql`select pg_advisory_xact_lock(hashtext(${name}))`.execute(tx.db);
  } else {
    await sql`update setting set key = key where 0`.execute(tx.db);
  }
}
