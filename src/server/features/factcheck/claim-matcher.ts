import type { Analyser } from '../../text/analyser.js';

/** What the matcher needs of a published clarification. */
export interface MatchableClarification {
  id: string;
  title: string;
  claim: string;
  examples: readonly string[];
}

export interface ClaimMatch {
  clarificationId: string;
  /** 0–1, comparable across queries. */
  score: number;
  confident: boolean;
}

/**
 * Thresholds of the calibrated score. A match is confident only when the distinctive terms of
 * one side are nearly all on the other (coverage) AND the score clears the bar: a message on the
 * same topic and place that claims something else leaves distinctive terms uncovered both ways.
 */
const CONFIDENT_SCORE = 0.6;
const CONFIDENT_COVERAGE = 0.72;
const COVERAGE_WEIGHT = 0.65;
const BM25_K1 = 1.2;
const BM25_B = 0.75;
const RERANK_CANDIDATES = 30;
const MINHASH_SIZE = 64;
const CHAR_SHINGLE = 4;
/** WhatsApp's own markers and chain-letter calls carry no claim. */
const FORWARD_NOISE =
  /diteruskan( berkali-kali)?|forwarded( many times)?|sebarkan|bagikan|viralkan|share|waspada|penting|info|mohon|tolong/giu;

interface Passage {
  terms: ReadonlySet<string>;
  numbers: ReadonlySet<string>;
  signature: Uint32Array;
  shingleCount: number;
}

interface IndexedClarification {
  id: string;
  termFrequency: Map<string, number>;
  length: number;
  passages: Passage[];
}

const SEEDS = Array.from({ length: MINHASH_SIZE }, (_, i) => Math.imul(i + 1, 0x9e3779b1) >>> 0);

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function mix(hash: number, seed: number): number {
  let x = (hash ^ seed) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** MinHash over character 4-grams of the normalised words and over stem bigrams. */
function minHash(words: readonly string[], stems: readonly string[]): [Uint32Array, number] {
  const shingles = new Set<string>();
  const joined = words.join(' ');
  for (let i = 0; i + CHAR_SHINGLE <= joined.length; i++) {
    shingles.add(`c:${joined.slice(i, i + CHAR_SHINGLE)}`);
  }
  for (let i = 0; i + 1 < stems.length; i++) shingles.add(`w:${stems[i]} ${stems[i + 1]}`);
  const signature = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  for (const shingle of shingles) {
    const hash = fnv1a(shingle);
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const value = mix(hash, SEEDS[i]!);
      if (value < signature[i]!) signature[i] = value;
    }
  }
  return [signature, shingles.size];
}

function jaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) if (a[i] === b[i]) same++;
  return same / MINHASH_SIZE;
}

/** How much of the smaller shingle set lies in the larger, from Jaccard and the two sizes. */
function containment(similarity: number, sizeA: number, sizeB: number): number {
  const smaller = Math.min(sizeA, sizeB);
  if (smaller === 0) return 0;
  return Math.min(1, (similarity * (sizeA + sizeB)) / ((1 + similarity) * smaller));
}

/**
 * The instant check's index, held in memory on each node: BM25 over the analyser's stems finds
 * candidates, then each candidate's passages (title, claim, circulating examples) are compared
 * by term coverage weighted by rarity and by MinHash near-duplicate similarity.
 */
export class ClaimMatcher {
  private readonly docs = new Map<string, IndexedClarification>();
  private readonly postings = new Map<string, Set<string>>();
  private totalLength = 0;

  constructor(private readonly analyser: Analyser) {}

  get size(): number {
    return this.docs.size;
  }

  private passage(text: string): Passage {
    const cleaned = text.replace(FORWARD_NOISE, ' ');
    const stems = this.analyser.analyse(cleaned);
    const words = this.analyser.words(cleaned);
    const [signature, shingleCount] = minHash(words, stems);
    return {
      terms: new Set(stems),
      numbers: new Set(words.filter((word) => /^\d+$/.test(word))),
      signature,
      shingleCount,
    };
  }

  put(clarification: MatchableClarification): void {
    this.remove(clarification.id);
    const texts = [clarification.title, clarification.claim, ...clarification.examples];
    const passages = texts.map((text) => this.passage(text));
    const termFrequency = new Map<string, number>();
    let length = 0;
    for (const text of texts) {
      for (const term of this.analyser.analyse(text.replace(FORWARD_NOISE, ' '))) {
        termFrequency.set(term, (termFrequency.get(term) ?? 0) + 1);
        length++;
      }
    }
    for (const term of termFrequency.keys()) {
      let ids = this.postings.get(term);
      if (!ids) this.postings.set(term, (ids = new Set()));
      ids.add(clarification.id);
    }
    this.docs.set(clarification.id, { id: clarification.id, termFrequency, length, passages });
    this.totalLength += length;
  }

  remove(id: string): void {
    const doc = this.docs.get(id);
    if (!doc) return;
    for (const term of doc.termFrequency.keys()) {
      const ids = this.postings.get(term);
      ids?.delete(id);
      if (ids?.size === 0) this.postings.delete(term);
    }
    this.totalLength -= doc.length;
    this.docs.delete(id);
  }

  private idf(term: string): number {
    const n = this.docs.size;
    const df = this.postings.get(term)?.size ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Plain BM25 over stems: the candidate generator (and the bench's lexical baseline). */
  rankBm25(terms: readonly string[], limit: number): Array<{ id: string; bm25: number }> {
    const averageLength = this.totalLength / Math.max(1, this.docs.size);
    const scores = new Map<string, number>();
    for (const term of new Set(terms)) {
      const ids = this.postings.get(term);
      if (!ids) continue;
      const idf = this.idf(term);
      for (const id of ids) {
        const doc = this.docs.get(id)!;
        const tf = doc.termFrequency.get(term) ?? 0;
        const norm = tf + BM25_K1 * (1 - BM25_B + (BM25_B * doc.length) / averageLength);
        scores.set(id, (scores.get(id) ?? 0) + (idf * tf * (BM25_K1 + 1)) / norm);
      }
    }
    return [...scores]
      .map(([id, bm25]) => ({ id, bm25 }))
      .sort((a, b) => b.bm25 - a.bm25 || (a.id < b.id ? -1 : 1))
      .slice(0, limit);
  }

  match(text: string, limit = 5): ClaimMatch[] {
    const query = this.passage(text);
    const weight = (term: string) => this.idf(term);
    const queryWeight = [...query.terms].reduce((sum, term) => sum + weight(term), 0);
    const results: ClaimMatch[] = [];
    for (const { id } of this.rankBm25([...query.terms], RERANK_CANDIDATES)) {
      let best: { score: number; coverage: number; numbersAgree: boolean } | undefined;
      for (const passage of this.docs.get(id)!.passages) {
        let shared = 0;
        let passageWeight = 0;
        for (const term of passage.terms) {
          const w = weight(term);
          passageWeight += w;
          if (query.terms.has(term)) shared += w;
        }
        if (passageWeight === 0 || queryWeight === 0) continue;
        const coverage = Math.max(shared / passageWeight, shared / queryWeight);
        const similarity = containment(
          jaccard(query.signature, passage.signature),
          query.shingleCount,
          passage.shingleCount,
        );
        const score = COVERAGE_WEIGHT * coverage + (1 - COVERAGE_WEIGHT) * similarity;
        // Two sides naming different figures (dates, amounts, victims) claim different things.
        const numbersAgree =
          passage.numbers.size === 0 ||
          query.numbers.size === 0 ||
          [...passage.numbers].some((number) => query.numbers.has(number));
        if (!best || score > best.score) best = { score, coverage, numbersAgree };
      }
      if (!best) continue;
      results.push({
        clarificationId: id,
        score: Math.round(best.score * 1000) / 1000,
        confident:
          best.score >= CONFIDENT_SCORE && best.coverage >= CONFIDENT_COVERAGE && best.numbersAgree,
      });
    }
    return results.sort((a, b) => b.score - a.score).slice(0, limit);
  }
}
