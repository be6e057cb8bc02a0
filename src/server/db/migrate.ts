import { Migrator, PostgresAdapter, sql } from 'kysely';
import type { Db } from './database.js';
import { migrations } from './migrations/index.js';

/**
 * Applies every pending migration; throws with the failing migration's name. On PostgreSQL
 * pass the schema: Kysely otherwise finds its bookkeeping tables in any schema (another test
 * run's, say), skips creating its own, and fails.
 */
export async function migrateToLatest(db: Db, pgSchema?: string): Promise<string[]> {
  const migrator = new Migrator({
    db,
    ...(pgSchema ? { migrationTableSchema: pgSchema } : {}),
    provider: { getMigrations: () => Promise.resolve(migrations) },
    ...(await migrationTableSchema(db)),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((r) => r.status === 'Error');
  if (error) {
    const where = failed ? ` in ${failed.migrationName}` : '';
    const reason = error instanceof Error ? error.message : JSON.stringify(error);
    throw new Error(`Migration failed${where}: ${reason}`, { cause: error });
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Unless told a schema, Kysely takes its migration tables as present when ANY visible schema
 * has them, so a second Siaga schema in one PostgreSQL database (each test file, staging next
 * to production) never got its own and failed. Name the current schema explicitly.
 */
async function migrationTableSchema(db: Db): Promise<{ migrationTableSchema?: string }> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return {};
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0] ? { migrationTableSchema: rows[0].schema } : {};
}
