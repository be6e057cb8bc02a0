import { sql } from 'kysely';
import type { Database, Db } from '../db/database.js';
import { badRequest } from '../errors.js';
import type { Analyser } from './analyser.js';
import {
  postgresDialect,
  RANK_WINDOW,
  rankMatches,
  sqliteDialect,
  type SearchHit,
} from './search-dialect.js';
import { chooseCorrection, editVariants, MIN_CORRECTED_LENGTH, trigramsOf } from './typo.js';

export interface SearchDocumentInput {
  /** The text to index, by field (title, body, …); every field is searched alike. */
  fields: Record<string, string | null | undefined>;
  /** The owning station's path (`station.path`), so a query can take a station's subtree. */
  stationPath?: string | null;
  kind?: string | null;
  /** ISO-8601 date or timestamp for date-range filters. */
  date?: string | null;
}

export interface SearchQuery {
  type: string;
  text: string;
  /** Only documents of this station and the stations under it. */
  stationPath?: string;
  kind?: string | readonly string[];
  /** Inclusive ISO-8601 bounds, compared as text. */
  dateFrom?: string;
  dateTo?: string;
  limit?: number;
  cursor?: string | null;
  /** `all` (default): every query word must match; `any`: at least one. */
  match?: 'all' | 'any';
  /** Treat the last word as a prefix of what is being typed (default true). */
  prefix?: boolean;
}

export type { SearchHit };

export interface SearchPage {
  items: SearchHit[];
  nextCursor: string | null;
  /** The index terms each query word was matched with (after typo correction and prefixes). */
  terms: string[][];
}

/**
 * Full-text search over Indonesian text, the same on SQLite and PostgreSQL: both keep the
 * analyser's terms as postings and rank them with one BM25 in one SQL, ties broken by id.
 */
export interface SearchIndex {
  /** A feature declares the document types it indexes (once, when it is bound). */
  register(type: string): void;
  /** Indexes or re-indexes a document; pass the feature's open transaction. */
  index(db: Db, type: string, id: string, document: SearchDocumentInput): Promise<void>;
  /** Indexes many documents in one pass (imports, re-indexing). */
  indexMany(
    db: Db,
    type: string,
    documents: readonly ({ id: string } & SearchDocumentInput)[],
  ): Promise<void>;
  remove(db: Db, type: string, id: string): Promise<void>;
  search(db: Db, query: SearchQuery): Promise<SearchPage>;
}

// Documents are cut to 256 occurrences of a term and 16,000 terms (what to_tsvector could
// count, when PostgreSQL used one), which also bounds a document's postings and its length.
const MAX_OCCURRENCES = 256;
const MAX_TERMS = 16_000;
const MAX_TERM_LENGTH = 64;
const PREFIX_EXPANSIONS = 16;
const TRIGRAM_CANDIDATES = 200;
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
const ROW_CHUNK = 500;
/** Seven parameters a row: well under either dialect's bound-parameter limit. */
const DOCUMENT_CHUNK = 200;

export function createSearchIndex(database: Database, analyser: Analyser): SearchIndex {
  const dialect = database.dialect === 'postgres' ? postgresDialect : sqliteDialect;
  const types = new Set<string>();

  function assertRegistered(type: string): void {
    if (!types.has(type)) throw new Error(`Search type "${type}" is not registered`);
  }

  function documentTerms(document: SearchDocumentInput): string[] {
    const text = Object.values(document.fields)
      .filter((value): value is string => typeof value === 'string')
      .join('\n');
    const seen = new Map<string, number>();
    const terms: string[] = [];
    for (const term of analyser.analyse(text)) {
      // Only ASCII letters and digits reach the index: both tokenizers split them identically.
      if (term.length > MAX_TERM_LENGTH || !/^[a-z0-9]+$/.test(term)) continue;
      const count = (seen.get(term) ?? 0) + 1;
      if (count > MAX_OCCURRENCES) continue;
      seen.set(term, count);
      terms.push(term);
      if (terms.length === MAX_TERMS) break;
    }
    return terms;
  }

  async function removeDocuments(db: Db, type: string, ids: readonly string[]) {
    const removedTerms = new Map<string, number>();
    let documents = 0;
    let termTotal = 0;
    for (const chunk of chunks(ids, ROW_CHUNK)) {
      const rows = await db
        .deleteFrom('search_document')
        .where('type', '=', type)
        .where('id', 'in', chunk)
        .returning(['docKey', 'terms', 'length'])
        .execute();
      for (const row of rows) {
        const distinct = [...new Set(splitTerms(row.terms))];
        for (const part of chunks(distinct, ROW_CHUNK)) {
          await db
            .deleteFrom('search_posting')
            .where('term', 'in', part)
            .where('docKey', '=', row.docKey)
            .execute();
        }
        documents += 1;
        termTotal += row.length;
        for (const term of distinct) removedTerms.set(term, (removedTerms.get(term) ?? 0) + 1);
      }
    }
    if (documents === 0) return;
    await adjustVocabulary(db, removedTerms, -1);
    await adjustStats(db, -documents, -termTotal);
  }

  async function adjustStats(db: Db, documents: number, terms: number) {
    await db
      .updateTable('search_stat')
      .set((eb) => ({
        documentCount: eb('documentCount', '+', documents),
        termCount: eb('termCount', '+', terms),
      }))
      .where('id', '=', 1)
      .execute();
  }

  /** Adds (sign 1) or removes (sign -1) document counts; new terms get trigrams. */
  async function adjustVocabulary(db: Db, counts: Map<string, number>, sign: 1 | -1) {
    // Sorted, so that concurrent transactions lock vocabulary rows in one order (no deadlock).
    const terms = [...counts.keys()].sort();
    for (const chunk of chunks(terms, ROW_CHUNK)) {
      if (sign === 1) {
        const rows = await db
          .insertInto('search_term')
          .values(chunk.map((term) => ({ term, df: counts.get(term)! })))
          .onConflict((oc) =>
            oc.column('term').doUpdateSet((eb) => ({
              df: eb('search_term.df', '+', eb.ref('excluded.df')),
            })),
          )
          .returning(['term', 'df'])
          .execute();
        const created = rows.filter((row) => row.df === counts.get(row.term));
        const trigrams = created.flatMap((row) =>
          trigramsOf(row.term).map((trigram) => ({ trigram, term: row.term })),
        );
        for (const part of chunks(trigrams, ROW_CHUNK)) {
          await db
            .insertInto('search_trigram')
            .values(part)
            .onConflict((oc) => oc.doNothing())
            .execute();
        }
      } else {
        for (const [df, group] of groupBy(chunk, (term) => counts.get(term)!)) {
          await db
            .updateTable('search_term')
            .set((eb) => ({ df: eb('df', '-', df) }))
            .where('term', 'in', group)
            .execute();
        }
        const gone = await db
          .deleteFrom('search_term')
          .where('term', 'in', chunk)
          .where('df', '<=', 0)
          .returning('term')
          .execute();
        if (gone.length > 0) {
          await db
            .deleteFrom('search_trigram')
            .where(
              'term',
              'in',
              gone.map((row) => row.term),
            )
            .execute();
        }
      }
    }
  }

  async function indexDocuments(
    db: Db,
    type: string,
    documents: readonly ({ id: string } & SearchDocumentInput)[],
  ) {
    await removeDocuments(
      db,
      type,
      documents.map((document) => document.id),
    );
    const added = new Map<string, number>();
    let termTotal = 0;
    const analysed = documents.map((document) => ({ document, terms: documentTerms(document) }));
    // One multi-row insert per chunk; docKeys are handed out in row order on both dialects.
    for (const part of chunks(analysed, DOCUMENT_CHUNK)) {
      const keys = await db
        .insertInto('search_document')
        .values(
          part.map(({ document, terms }) => ({
            type,
            id: document.id,
            stationPath: document.stationPath ?? null,
            kind: document.kind ?? null,
            date: document.date ?? null,
            terms: terms.join(' '),
            length: terms.length,
          })),
        )
        .returning(['docKey', 'id'])
        .execute();
      const keyOf = new Map(keys.map((row) => [row.id, row.docKey]));
      const postings: { term: string; docKey: number; tf: number }[] = [];
      for (const { document, terms } of part) {
        const docKey = keyOf.get(document.id)!;
        const counts = new Map<string, number>();
        for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
        for (const [term, tf] of counts) {
          postings.push({ term, docKey, tf });
          added.set(term, (added.get(term) ?? 0) + 1);
        }
        termTotal += terms.length;
      }
      for (const rows of chunks(postings, ROW_CHUNK)) {
        await db.insertInto('search_posting').values(rows).execute();
      }
    }
    await adjustVocabulary(db, added, 1);
    await adjustStats(db, documents.length, termTotal);
  }

  /** Alternatives for each query word: the term itself, prefix expansions, or a correction. */
  async function planGroups(db: Db, query: SearchQuery) {
    const words = analyser.analyseQuery(query.text);
    const usePrefix = (query.prefix ?? true) && !/\s$/.test(query.text) && words.length > 0;
    const frequency = await termFrequencies(
      db,
      words.map((w) => w.term),
    );
    const groups: string[][] = [];
    for (const [index, word] of words.entries()) {
      const alternatives = new Set<string>();
      if (frequency.has(word.term)) alternatives.add(word.term);
      if (usePrefix && index === words.length - 1) {
        for (const [term, df] of await prefixExpansions(db, [word.term, word.surface])) {
          alternatives.add(term);
          frequency.set(term, df);
        }
      }
      if (alternatives.size === 0) {
        const corrected = await correct(db, word.term, word.surface);
        if (corrected) {
          alternatives.add(corrected.term);
          frequency.set(corrected.term, corrected.df);
        }
      }
      groups.push([...alternatives].sort());
    }
    return { groups, frequency };
  }

  async function termFrequencies(db: Db, terms: string[]): Promise<Map<string, number>> {
    const unique = [...new Set(terms)];
    if (unique.length === 0) return new Map();
    const rows = await db
      .selectFrom('search_term')
      .select(['term', 'df'])
      .where('term', 'in', unique)
      .execute();
    return new Map(rows.map((row) => [row.term, row.df]));
  }

  async function prefixExpansions(db: Db, prefixes: string[]) {
    const found = new Map<string, number>();
    for (const prefix of new Set(prefixes)) {
      if (!/^[a-z0-9]{2,}$/.test(prefix)) continue;
      // `{` sorts right after `z` (and digits before letters): the range is exactly the prefix.
      const rows = await db
        .selectFrom('search_term')
        .select(['term', 'df'])
        .where('term', '>=', prefix)
        .where('term', '<', `${prefix}{`)
        .orderBy('df', 'desc')
        .orderBy('term')
        .limit(PREFIX_EXPANSIONS)
        .execute();
      for (const row of rows) found.set(row.term, row.df);
    }
    return found;
  }

  /**
   * An unknown word becomes the closest indexed term: first a one-edit variant of the word as
   * typed whose stem is indexed ("pencurain" → "pencurian" → curi; swaps before deletions,
   * replacements and insertions, then the highest df), else the term sharing most trigrams
   * with its stem, then the smallest edit distance, then the highest df.
   */
  async function correct(db: Db, term: string, surface: string) {
    if (!surface.includes(' ') && surface.length >= 5) {
      for (const variants of editVariants(surface)) {
        const stems = new Set(variants.flatMap((variant) => analyser.analyse(variant)));
        stems.delete(term);
        const known = await termFrequencies(db, [...stems]);
        const best = [...known].sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))[0];
        if (best) return { term: best[0], df: best[1] };
      }
    }
    if (term.length < MIN_CORRECTED_LENGTH) return undefined;
    const trigrams = trigramsOf(term);
    const candidates = await db
      .selectFrom('search_trigram as t')
      .innerJoin('search_term as v', 'v.term', 't.term')
      .select(['t.term', 'v.df', sql<number>`count(*)`.as('shared')])
      .where('t.trigram', 'in', trigrams)
      .groupBy(['t.term', 'v.df'])
      .orderBy('shared', 'desc')
      .orderBy('t.term')
      .limit(TRIGRAM_CANDIDATES)
      .execute();
    return chooseCorrection(
      term,
      candidates.map((c) => ({ term: c.term, df: c.df, shared: Number(c.shared) })),
    );
  }

  return {
    register(type) {
      types.add(type);
    },
    async index(db, type, id, document) {
      assertRegistered(type);
      await inTransaction(db, (tx) => indexDocuments(tx, type, [{ id, ...document }]));
    },
    async indexMany(db, type, documents) {
      assertRegistered(type);
      if (documents.length === 0) return;
      await inTransaction(db, (tx) => indexDocuments(tx, type, documents));
    },
    async remove(db, type, id) {
      assertRegistered(type);
      await inTransaction(db, (tx) => removeDocuments(tx, type, [id]));
    },
    async search(db, query) {
      assertRegistered(query.type);
      const offset = decodeCursor(query.cursor);
      const limit = Math.min(Math.max(query.limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);
      const { groups, frequency } = await planGroups(db, query);
      const match = query.match ?? 'all';
      const usable = groups.filter((group) => group.length > 0);
      const empty = { items: [], nextCursor: null, terms: groups };
      if (usable.length === 0 || (match === 'all' && usable.length < groups.length)) return empty;
      const hits = await rankMatches(db, dialect, {
        groups: usable,
        match,
        filter: {
          type: query.type,
          ...(query.stationPath !== undefined && { stationPath: query.stationPath }),
          ...(query.kind !== undefined && { kind: query.kind }),
          ...(query.dateFrom !== undefined && { dateFrom: query.dateFrom }),
          ...(query.dateTo !== undefined && { dateTo: query.dateTo }),
        },
        documentFrequency: frequency,
        limit: limit + 1,
        offset,
        window: RANK_WINDOW,
      });
      const items = hits.slice(0, limit);
      return {
        items,
        nextCursor: hits.length > limit ? encodeCursor(offset + limit) : null,
        terms: groups,
      };
    },
  };
}

async function inTransaction(db: Db, work: (tx: Db) => Promise<void>): Promise<void> {
  if (db.isTransaction) await work(db);
  else await db.transaction().execute(work);
}

export function splitTerms(terms: string): string[] {
  return terms.length === 0 ? [] : terms.split(' ');
}

/** Code-unit order, the order of SQLite and of PostgreSQL's C collation. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function encodeCursor(offset: number): string {
  return Buffer.from(`o${offset}`).toString('base64url');
}

function decodeCursor(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const match = /^o(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw badRequest('search.invalid_cursor');
  return Number(match[1]);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k) ?? [];
    group.push(item);
    groups.set(k, group);
  }
  return groups;
}
