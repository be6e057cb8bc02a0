import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/database.js';

export interface SearchHit {
  id: string;
  /** BM25 (FTS5's formula), rounded to 6 decimals so both dialects order alike. */
  score: number;
}

export interface SearchFilter {
  type: string;
  /** Only documents of this station and the stations under it. */
  stationPath?: string;
  kind?: string | readonly string[];
  /** Inclusive ISO-8601 bounds, compared as text. */
  dateFrom?: string;
  dateTo?: string;
}

/** What a query asks to rank: alternatives per query word, with their df. */
export interface RankingPlan {
  groups: string[][];
  match: 'all' | 'any';
  filter: SearchFilter;
  documentFrequency: ReadonlyMap<string, number>;
  limit: number;
  offset: number;
  /** Only the most recently indexed this-many matches are ranked (see RANK_WINDOW). */
  window: number;
}

/** The one dialect-specific part of ranking: rounding a float the same way. */
export interface SearchDialect {
  roundScore(score: RawBuilder<number>): RawBuilder<number>;
}

export const sqliteDialect: SearchDialect = {
  roundScore: (score) => sql<number>`round(${score}, 6)`,
};

export const postgresDialect: SearchDialect = {
  roundScore: (score) => sql<number>`round((${score})::numeric, 6)::float8`,
};

/**
 * BM25 must score every match, so a word found in 20,000 documents costs 20,000 scores. Ranking
 * stops at the most recently indexed 2,000 matches that pass the filters (the same ones on
 * both dialects: `docKey` grows with each insert on both), which keeps a query within a few
 * milliseconds however common its words are; idf still counts every document.
 */
export const RANK_WINDOW = 2000;

/** BM25 as FTS5 computes it (k1 1.2, b 0.75). */
export const BM25 = { k1: 1.2, b: 0.75 } as const;

/** FTS5's idf: ln((N − n + 0.5) / (n + 0.5)), floored at 1e-6 for very common terms. */
export function inverseDocumentFrequency(documentCount: number, df: number): number {
  const idf = Math.log((documentCount - df + 0.5) / (df + 0.5));
  return idf <= 0 ? 1e-6 : idf;
}

/** The filters as SQL both dialects read alike, over `search_document` aliased `d`. */
export function filterSql(filter: SearchFilter): RawBuilder<unknown> {
  const conditions = [sql`d."type" = ${filter.type}`];
  if (filter.stationPath !== undefined) {
    conditions.push(
      sql`substr(d."stationPath", 1, ${filter.stationPath.length}) = ${filter.stationPath}`,
    );
  }
  if (filter.kind !== undefined) {
    const kinds = typeof filter.kind === 'string' ? [filter.kind] : [...filter.kind];
    conditions.push(kinds.length > 0 ? sql`d."kind" in (${sql.join(kinds)})` : sql`1 = 0`);
  }
  if (filter.dateFrom !== undefined) conditions.push(sql`d."date" >= ${filter.dateFrom}`);
  if (filter.dateTo !== undefined) conditions.push(sql`d."date" <= ${filter.dateTo}`);
  return sql.join(conditions, sql` and `);
}

const real = (value: number) => sql<number>`cast(${value} as double precision)`;

/**
 * The window, then BM25 over it, in one SQL that both dialects run alike. The window walks
 * the postings of each term of one query word newest first (the word whose terms are rarest,
 * when every word must match; every term, when any may), keeps the documents that pass the
 * filters and contain every other word, and stops at `window` of them: a common word costs a
 * `window`-long index walk, not its whole document frequency. The walk carries each document's
 * id and length, and the cross joins make SQLite look each window document's postings up by
 * (term, docKey) rather than scan every posting of a common term. Each (word, term) pair
 * scores as one FTS5 phrase.
 */
export async function rankMatches(
  db: Db,
  dialect: SearchDialect,
  plan: RankingPlan,
): Promise<SearchHit[]> {
  const stat = await db
    .selectFrom('search_stat')
    .select(['documentCount', 'termCount'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  const documentCount = Number(stat.documentCount);
  if (documentCount === 0) return [];
  const averageLength = Number(stat.termCount) / documentCount;
  const df = (term: string) => plan.documentFrequency.get(term) ?? 0;
  const weights = plan.groups.flatMap((group) =>
    group.map(
      (term) =>
        sql`(cast(${term} as text), ${real(inverseDocumentFrequency(documentCount, df(term)))})`,
    ),
  );

  let walked: string[];
  let required: string[][];
  if (plan.match === 'all') {
    const total = (group: string[]) => group.reduce((sum, term) => sum + df(term), 0);
    const rarest = plan.groups.reduce((best, group) => (total(group) < total(best) ? group : best));
    walked = rarest;
    required = plan.groups.filter((group) => group !== rarest);
  } else {
    walked = [...new Set(plan.groups.flat())].sort();
    required = [];
  }
  const branches = walked.map(
    (term, index) => sql`select "docKey", "id", "length" from (
      select p."docKey", d."id", d."length" from search_posting p
      join search_document d on d."docKey" = p."docKey"
      where p."term" = ${term} and ${filterSql(plan.filter)}${sql.join(
        required.map(
          (group) => sql` and exists (
            select 1 from search_posting o
            where o."term" in (${sql.join(group)}) and o."docKey" = p."docKey")`,
        ),
        sql``,
      )}
      order by p."docKey" desc
      limit ${plan.window}
    ) as ${sql.ref(`walk${index}`)}`,
  );
  const { k1, b } = BM25;
  const score = sql<number>`sum(q."idf" * ((p."tf" * ${real(k1 + 1)})
    / (p."tf" + ${real(k1)} * (${real(1 - b)} + ${real(b)} * w."length" / ${real(averageLength)}))))`;
  const { rows } = await sql<SearchHit>`
    with q ("term", "idf") as (values ${sql.join(weights)}),
    w as (
      select "docKey", "id", "length" from (${sql.join(branches, sql` union `)}) as matches
      order by "docKey" desc
      limit ${plan.window}
    )
    select w."id" as "id", ${dialect.roundScore(score)} as "score"
    from w
    cross join q
    cross join search_posting p
    where p."term" = q."term" and p."docKey" = w."docKey"
    group by w."docKey", w."id"
    order by "score" desc, w."id"
    limit ${plan.limit} offset ${plan.offset}`.execute(db);
  return rows.map((row) => ({ id: row.id, score: Number(row.score) }));
}
