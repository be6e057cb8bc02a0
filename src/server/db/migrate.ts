import { Migrator, PostgresAdapter, sql, type Migration } from 'kysely';
import type { Db } from './database.js';

/**
 * Applies every pending migration (run in name order); throws with the failing one's name.
 * The composition root hands in the kernel's list merged with the feature modules'.
 */
export async function migrateToLatest(
  db: Db,
  migrations: Readonly<Record<string, Migration>>,
): Promise<string[]> {
  const migrator = new Migrator({
    db,
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
