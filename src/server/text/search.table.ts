import type { Generated } from 'kysely';

/** One indexed document: its analysed terms and what queries filter on. */
export interface SearchDocumentTable {
  docKey: Generated<number>;
  /** The document type a feature registered, e.g. `post`. */
  type: string;
  /** The feature's own id for the document. */
  id: string;
  /** The station's materialised path (`/<polda>/<polres>/<id>/`), for subtree filters. */
  stationPath: string | null;
  kind: string | null;
  /** ISO-8601 date or timestamp the feature filters by. */
  date: string | null;
  /** The analyser's terms, space-joined: what re-indexing and removal take back out. */
  terms: string;
  /** Number of terms: the document length in BM25. */
  length: number;
}

/** Every indexed term with its document frequency; typo correction and prefixes look here. */
export interface SearchTermTable {
  term: string;
  df: number;
}

/** One row per (term, document): the postings a query walks newest first and BM25 reads. */
export interface SearchPostingTable {
  term: string;
  docKey: number;
  /** Occurrences of the term in the document. */
  tf: number;
}

export interface SearchTrigramTable {
  trigram: string;
  term: string;
}

/** One row: document and term totals for BM25 (N and the average document length). */
export interface SearchStatTable {
  id: number;
  documentCount: number;
  termCount: number;
}

export interface SearchTables {
  search_document: SearchDocumentTable;
  search_term: SearchTermTable;
  search_posting: SearchPostingTable;
  search_trigram: SearchTrigramTable;
  search_stat: SearchStatTable;
}
