import { PostgresAdapter, sql, type Kysely } from 'kysely';

// The search index's postings: one row per (term, document) with the term's count in it, the
// same table on both dialects, so that one SQL finds the newest matches by walking the
// postings of the query's terms newest first and scores them with BM25. It replaces FTS5 and
// the tsvector (their doclists made every query cost the whole document frequency).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await sql`
    create table search_posting (
      "term" text${isPostgres ? sql` collate "C"` : sql``} not null,
      "docKey" ${isPostgres ? sql`bigint` : sql`integer`} not null,
      "tf" integer not null,
      primary key ("term", "docKey")${isPostgres ? sql` include ("tf")` : sql``}
    )${isPostgres ? sql`` : sql` without rowid`}`.execute(db);
  let after = 0;
  for (;;) {
    const documents: { docKey: number | string; terms: string }[] = await db
      .selectFrom('search_document')
      .select(['docKey', 'terms'])
      .where('docKey', '>', after)
      .orderBy('docKey')
      .limit(200)
      .execute();
    if (documents.length === 0) break;
    for (const document of documents) {
      const counts = new Map<string, number>();
      for (const term of document.terms.split(' ').filter(Boolean)) {
        counts.set(term, (counts.get(term) ?? 0) + 1);
      }
      if (counts.size === 0) continue;
      await db
        .insertInto('search_posting')
        .values([...counts].map(([term, tf]) => ({ term, docKey: document.docKey, tf })))
        .execute();
    }
    after = Number(documents.at(-1)!.docKey);
  }
  if (isPostgres) {
    await sql`alter table search_document drop column "tsv"`.execute(db);
  } else {
    await sql`drop table search_fts`.execute(db);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
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
    await sql`insert into search_fts (search_fts) values ('rebuild')`.execute(db);
  }
  await db.schema.dropTable('search_posting').execute();
}
