import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { DatabaseSchema } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

/** A database handle or an open transaction: repositories accept either. */
export type Db = Kysely<DatabaseSchema>;

export interface Database {
  db: Db;
  dialect: Dialect;
  close(): Promise<void>;
  /** SQLite only: the file path, for online backups. */
  sqliteFile?: string;
}

export interface DatabaseOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  /** PostgreSQL schema to use (tests use one per file). */
  pgSchema?: string;
  /** SQLite file name inside dataDir. */
  sqliteFileName?: string;
}

export function createDatabase(options: DatabaseOptions): Database {
  if (options.databaseUrl) return createPostgres(options.databaseUrl, options.pgSchema);
  return createSqlite(path.join(options.dataDir, options.sqliteFileName ?? 'siaga.db'));
}

function createSqlite(file: string): Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  // NORMAL is durable across application crashes in WAL mode and ~60x faster on writes.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB of page cache instead of 2: search walks thousands of index entries a query.
  sqlite.pragma('cache_size = -65536');
  const db = new Kysely<DatabaseSchema>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return { db, dialect: 'sqlite', sqliteFile: file, close: () => db.destroy() };
}

const STATEMENT_CACHE_SIZE = 500;
/** Bulk inserts are long and seldom the same twice: not worth a place in the cache. */
const CACHED_SQL_MAX_LENGTH = 4_000;

/**
 * Kysely prepares every query anew, and compiling a statement costs SQLite more than running
 * a small one: the compiled statements are kept by their text (the least recently used
 * dropped past the bound). Safe because Kysely's SQLite dialect runs one query at a time on
 * its single connection; SQLite recompiles a kept statement itself after a schema change.
 */
function withStatementCache(sqlite: SqliteDatabase.Database) {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sqlText: string) {
      const kept = statements.get(sqlText);
      if (kept) {
        statements.delete(sqlText);
        statements.set(sqlText, kept);
        return kept;
      }
      const statement = sqlite.prepare(sqlText);
      if (sqlText.length <= CACHED_SQL_MAX_LENGTH) {
        statements.set(sqlText, statement);
        if (statements.size > STATEMENT_CACHE_SIZE) {
          statements.delete(statements.keys().next().value!);
        }
      }
      return statement;
    },
  };
}

function createPostgres(url: string, schema: string | undefined): Database {
  // Timestamps are ISO text columns, so no type parsers are needed; COUNT(*) is int8 → parse.
  pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

type CommitHook = () => void;

/** An open transaction plus hooks that run only once it has committed. */
export interface Tx {
  db: Transaction<DatabaseSchema>;
  onCommit(hook: CommitHook): void;
}

/**
 * Runs `work` in one transaction. Side effects registered with `tx.onCommit` (bus events,
 * SSE) run after the commit, so nobody ever sees data that was rolled back.
 */
export async function transaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  const hooks: CommitHook[] = [];
  const result = await db
    .transaction()
    .execute((trx) => work({ db: trx, onCommit: (hook) => hooks.push(hook) }));
  for (const hook of hooks) hook();
  return result;
}

/**
 * Copies a live SQLite database to `destination` with SQLite's online backup (consistent while
 * the server keeps writing). PostgreSQL deployments use pg_dump instead.
 */
export async function backupSqlite(sqliteFile: string, destination: string): Promise<void> {
  const source = new SqliteDatabase(sqliteFile, { readonly: true, fileMustExist: true });
  try {
    fs.mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
    await source.backup(destination);
  } finally {
    source.close();
  }
}
