import { sql } from 'kysely';
import { filterSql, type SearchDialect, type SearchHit } from './search-dialect.js';

/**
 * SQLite: an external-content FTS5 table over `search_document.terms`, ranked by FTS5's own
 * bm25() (each alternative term is one phrase, as PostgreSQL's ranking counts it).
 */
export const sqliteRanking: SearchDialect = {
  async insertTerms(db, docKey, terms) {
    await sql`insert into search_fts (rowid, terms) values (${docKey}, ${terms})`.execute(db);
  },
  async deleteTerms(db, docKey, terms) {
    await sql`insert into search_fts (search_fts, rowid, terms) values ('delete', ${docKey}, ${terms})`.execute(
      db,
    );
  },
  async rank(db, plan) {
    const query = plan.groups
      .map((group) => `(${group.map((term) => `"${term}"`).join(' OR ')})`)
      .join(plan.match === 'all' ? ' AND ' : ' OR ');
    // FTS5 walks the matches newest first and stops at the window: only those are scored.
    const { rows } = await sql<SearchHit>`
      select "id", round(-"bm25", 6) as "score" from (
        select d."id" as "id", bm25(search_fts) as "bm25"
        from search_fts join search_document d on d."docKey" = search_fts.rowid
        where search_fts match ${query} and ${filterSql(plan.filter)}
        order by search_fts.rowid desc
        limit ${plan.window}
      )
      order by "score" desc, "id"
      limit ${plan.limit} offset ${plan.offset}`.execute(db);
    return rows;
  },
};
