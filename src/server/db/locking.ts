import { sql } from 'kysely';
import type { Dialect, Tx } from './database.js';

/**
 * Serialises writers of one named resource until the transaction ends. SQLite already runs
 * one write transaction at a time; PostgreSQL takes a transaction-scoped advisory lock.
 */
export async function lockForUpdate(tx: Tx, dialect: Dialect, name: string): Promise<void> {
  if (dialect === 'postgres') {
    await sql`select pg_advisory_xact_lock(hashtext(${name}))`.execute(tx.db);
  }
}
