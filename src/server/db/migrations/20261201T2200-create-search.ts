import { PostgresAdapter, sql, type Kysely } from 'kysely';

// The search index (src/server/text/). Both dialects keep the same rows; SQLite adds an FTS5
// table over the terms, PostgreSQL a generated tsvector with a GIN index. Text columns that
// are compared or sorted use the C collation on PostgreSQL so that they order like SQLite.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const ordered = isPostgres ? sql` collate "C"` : sql``;
  await sql`
    create table search_document (
      "docKey" ${isPostgres ? sql`bigserial` : sql`integer`} primary key,
      "type" text${ordered} not null,
      "id" text${ordered} not null,
      "stationPath" text${ordered},
      "kind" text${ordered},
      "date" text${ordered},
      "terms" text not null,
      "length" integer not null,
      unique ("type", "id")
    )`.execute(db);
  if (isPostgres) {
    await sql`alter table search_document
      add column "tsv" tsvector generated always as (to_tsvector('simple', "terms")) stored`.execute(
      db,
    );
    await sql`create index search_document_tsv_idx on search_document using gin ("tsv")`.execute(
      db,
    );
  } else {
    await sql`create virtual table search_fts using fts5(
      terms, content='search_document', content_rowid='docKey', tokenize='unicode61'
    )`.execute(db);
  }
  await sql`create table search_term ("term" text${ordered} primary key, "df" integer not null)`.execute(
    db,
  );
  await sql`
    create table search_trigram (
      "trigram" text${ordered} not null,
      "term" text${ordered} not null,
      primary key ("trigram", "term")
    )`.execute(db);
  await sql`create index search_trigram_term_idx on search_trigram ("term")`.execute(db);
  await db.schema
    .createTable('search_stat')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('documentCount', 'bigint', (c) => c.notNull())
    .addColumn('termCount', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('search_stat').values({ id: 1, documentCount: 0, termCount: 0 }).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    await sql`drop table search_fts`.execute(db);
  }
  for (const table of ['search_stat', 'search_trigram', 'search_term', 'search_document']) {
    await db.schema.dropTable(table).execute();
  }
}
