import { sql } from 'kysely';
import { BM25, filterSql, inverseDocumentFrequency, type SearchDialect } from './search-dialect.js';

/**
 * PostgreSQL: a generated `to_tsvector('simple', terms)` with a GIN index finds the matches;
 * the score is FTS5's bm25() computed in SQL, term frequencies read from the tsvector.
 */
export const postgresRanking: SearchDialect = {
  // The tsvector is a generated column: nothing to keep beside the row.
  async insertTerms() {},
  async deleteTerms() {},
  async rank(db, plan) {
    const stat = await db
      .selectFrom('search_stat')
      .select(['documentCount', 'termCount'])
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    const documentCount = Number(stat.documentCount);
    if (documentCount === 0) return [];
    const averageLength = Number(stat.termCount) / documentCount;
    // One row per (query word, alternative), as FTS5 scores one phrase per alternative.
    const weights = plan.groups.flatMap((group) =>
      group.map(
        (term) =>
          sql`(${term}::text, ${inverseDocumentFrequency(documentCount, plan.documentFrequency.get(term) ?? 0)}::float8)`,
      ),
    );
    const tsquery = plan.groups
      .map((group) => `(${group.join(' | ')})`)
      .join(plan.match === 'all' ? ' & ' : ' | ');
    const { k1, b } = BM25;
    const { rows } = await sql<{ id: string; score: number | string }>`
      with q ("term", "idf") as (values ${sql.join(weights)}),
      w as (
        select d."docKey", d."id", d."length", d."tsv" from search_document d
        where d."tsv" @@ to_tsquery('simple', ${tsquery}) and ${filterSql(plan.filter)}
        order by d."docKey" desc
        limit ${plan.window}
      )
      select w."id" as "id", round(sum(
        q."idf" * ((u."tf" * ${k1 + 1.0}::float8)
          / (u."tf" + ${k1}::float8 * (1 - ${b}::float8 + ${b}::float8 * w."length" / ${averageLength}::float8)))
      )::numeric, 6)::float8 as "score"
      from w
      cross join lateral (
        select "lexeme", array_length("positions", 1) as "tf" from unnest(w."tsv")
      ) u
      join q on q."term" = u."lexeme"
      group by w."docKey", w."id"
      order by "score" desc, w."id"
      limit ${plan.limit} offset ${plan.offset}`.execute(db);
    return rows.map((row) => ({ id: row.id, score: Number(row.score) }));
  },
};
