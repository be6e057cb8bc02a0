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

/** What a query asks the dialect to rank: alternatives per query word, with their df. */
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

/** The one dialect-specific part: keeping the full-text structure and ranking with it. */
export interface SearchDialect {
  insertTerms(db: Db, docKey: number, terms: string): Promise<void>;
  deleteTerms(db: Db, docKey: number, terms: string): Promise<void>;
  rank(db: Db, plan: RankingPlan): Promise<SearchHit[]>;
}

/**
 * BM25 must score every match, so a word found in 20,000 documents costs 20,000 scores. Ranking
 * stops at the most recently indexed 2,000 matches that pass the filters (the same ones on
 * both dialects: `docKey` grows with each insert on both), which keeps a query within a few
 * milliseconds however common its words are; idf still counts every document.
 */
export const RANK_WINDOW = 2000;

/** BM25 as FTS5 computes it (k1 1.2, b 0.75); PostgreSQL repeats the same arithmetic. */
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
