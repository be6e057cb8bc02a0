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
 * Ranking: a candidate's best passage scores COVERAGE_WEIGHT·coverage + the rest·MinHash
 * containment, damped by how far its BM25 falls below the best candidate's (the BM25 leader keeps
 * its absolute score, so scores stay comparable across queries).
 *
 * Confidence is judged apart, on what the passage CLAIMS: the names in it (places, units, people:
 * capitalised words inside a sentence of the claim or an example) say what it is about, and a
 * message on the same topic and place that claims something else shares those and little else.
 * So the confidence mixes the coverage of the passage's other terms, the coverage of all its terms,
 * MinHash containment and the best covered stretch of the message (a hoax inside a chat), each
 * rarity-weighted. Weights and bar were calibrated on the development set indexed alone AND among
 * 20,000 filler clarifications (rarity shifts with the index's size): no negative confident in
 * either (decision 0016).
 */
const CONFIDENT_AT = 0.48;
const CONFIDENCE_WEIGHTS = { claim: 0.15, passage: 0.35, nearDuplicate: 0.2, stretch: 0.3 };
const COVERAGE_WEIGHT = 0.65;
/** A stretch of the message (one or two sentences) counts against at least this share of the claim. */
const STRETCH_FLOOR = 0.5;
const BM25_K1 = 1.2;
const BM25_B = 0.75;
const RERANK_CANDIDATES = 30;
const OPEN_POSTINGS = 300;
const MINHASH_SIZE = 64;
const CHAR_SHINGLE = 4;
/**
 * What carries no claim, on either side: WhatsApp's markers and chain-letter calls, hearsay
 * ("katanya"), and the clarification's own framing ("[HOAKS]", "Beredar pesan bahwa").
 */
const NOISE = new RegExp(
  [
    String.raw`\[[^\]]{1,40}\]`,
    String.raw`(?<![\p{L}\p{N}])(?:diteruskan(?: berkali-kali)?|forwarded(?: many times)?|sebarkan|bagikan|viralkan|share|waspada|penting|info|mohon|tolong|katanya|kata|kabarnya|konon|beredar(?: (?:pesan|kabar|informasi|video|foto|unggahan|narasi))?(?: berantai)?(?: yang| bahwa)?)(?![\p{L}\p{N}])`,
  ].join('|'),
  'giu',
);
/** Number words as digits, so "lima korban" and "5 org" name the same figure. */
const NUMBER_WORDS = new Map(
  [
    'satu',
    'dua',
    'tiga',
    'empat',
    'lima',
    'enam',
    'tujuh',
    'delapan',
    'sembilan',
    'sepuluh',
    'sebelas',
  ].map((word, i) => [word, String(i + 1)]),
);
const NUMBER_WORD = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${[...NUMBER_WORDS.keys()].join('|')})(?![\p{L}\p{N}])`,
  'giu',
);

function clean(text: string): string {
  return text
    .replace(NOISE, ' ')
    .replace(NUMBER_WORD, (word) => NUMBER_WORDS.get(word.toLowerCase()) ?? word);
}

interface Passage {
  terms: ReadonlySet<string>;
  /** The message's sentences and pairs of adjacent sentences, as term sets (queries only). */
  stretches: ReadonlyArray<ReadonlySet<string>>;
  numbers: ReadonlySet<string>;
  signature: Uint32Array;
  shingleCount: number;
}

interface IndexedClarification {
  id: string;
  /** Stems of the names in the claim and examples: what it is about, not what it claims. */
  names: ReadonlySet<string>;
  termFrequency: Map<string, number>;
  length: number;
  passages: Passage[];
}

/** A capitalised word that does not open a sentence: a name, in sentence-case text. */
const NAME = /(?<![.!?\n]\s*|^\s*)(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}]*/gu;
const SENTENCE_END = /[.!?\n]+/;

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
  /** term → clarification id → how often the term occurs in it. */
  private readonly postings = new Map<string, Map<string, number>>();
  private totalLength = 0;

  constructor(private readonly analyser: Analyser) {}

  get size(): number {
    return this.docs.size;
  }

  private passage(text: string, withStretches = false): Passage {
    const cleaned = clean(text);
    const stems = this.analyser.analyse(cleaned);
    const words = this.analyser.words(cleaned);
    const [signature, shingleCount] = minHash(words, stems);
    const stretches: Array<Set<string>> = [];
    if (withStretches) {
      const sentences = cleaned.split(SENTENCE_END).map((s) => this.analyser.analyse(s));
      sentences.forEach((sentence, i) => {
        stretches.push(new Set(sentence));
        if (i > 0) stretches.push(new Set([...sentences[i - 1]!, ...sentence]));
      });
    }
    return {
      terms: new Set(stems),
      stretches,
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
      for (const term of this.analyser.analyse(clean(text))) {
        termFrequency.set(term, (termFrequency.get(term) ?? 0) + 1);
        length++;
      }
    }
    for (const [term, count] of termFrequency) {
      let ids = this.postings.get(term);
      if (!ids) this.postings.set(term, (ids = new Map<string, number>()));
      ids.set(clarification.id, count);
    }
    const names = new Set<string>();
    for (const text of [clarification.claim, ...clarification.examples]) {
      for (const [name] of text.matchAll(NAME)) {
        for (const term of this.analyser.analyse(name)) names.add(term);
      }
    }
    this.docs.set(clarification.id, {
      id: clarification.id,
      names,
      termFrequency,
      length,
      passages,
    });
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

  /**
   * BM25 over stems: the candidate generator. Terms are taken rarest first; a term found in more
   * than OPEN_POSTINGS clarifications only adds to candidates already found, so a query of
   * common words costs a bounded amount of work however large the index grows.
   */
  rankBm25(terms: readonly string[], limit: number): Array<{ id: string; bm25: number }> {
    const averageLength = this.totalLength / Math.max(1, this.docs.size);
    const scores = new Map<string, number>();
    const lists = [...new Set(terms)]
      .flatMap((term) => {
        const ids = this.postings.get(term);
        return ids ? [{ term, ids }] : [];
      })
      .sort((a, b) => a.ids.size - b.ids.size);
    const add = (id: string, tf: number, idf: number) => {
      const length = this.docs.get(id)!.length;
      const norm = tf + BM25_K1 * (1 - BM25_B + (BM25_B * length) / averageLength);
      scores.set(id, (scores.get(id) ?? 0) + (idf * tf * (BM25_K1 + 1)) / norm);
    };
    for (const { term, ids } of lists) {
      const idf = this.idf(term);
      if (ids.size <= OPEN_POSTINGS || scores.size === 0) {
        for (const [id, tf] of ids) add(id, tf, idf);
      } else {
        for (const id of [...scores.keys()]) {
          const tf = ids.get(id);
          if (tf !== undefined) add(id, tf, idf);
        }
      }
    }
    return [...scores]
      .map(([id, bm25]) => ({ id, bm25 }))
      .sort((a, b) => b.bm25 - a.bm25 || (a.id < b.id ? -1 : 1))
      .slice(0, limit);
  }

  match(text: string, limit = 5): ClaimMatch[] {
    const query = this.passage(text, true);
    const weight = (term: string) => this.idf(term);
    const queryWeight = [...query.terms].reduce((sum, term) => sum + weight(term), 0);
    if (queryWeight === 0) return [];
    const ranked = this.rankBm25([...query.terms], RERANK_CANDIDATES);
    const leader = ranked[0]?.bm25 ?? 1;
    // Each stretch's terms with their rarity, computed once for all candidates.
    const stretches = query.stretches.map((terms) =>
      [...terms].map((term) => ({ term, weight: weight(term) })),
    );
    const results: ClaimMatch[] = [];
    for (const { id, bm25 } of ranked) {
      const doc = this.docs.get(id)!;
      let score = -1;
      let confidence = 0;
      for (const passage of doc.passages) {
        const judged = this.judge(query, queryWeight, stretches, passage, doc.names);
        if (!judged) continue;
        score = Math.max(score, judged.score);
        if (judged.numbersAgree) confidence = Math.max(confidence, judged.confidence);
      }
      if (score < 0) continue;
      const damped = score * (0.5 + (0.5 * bm25) / leader);
      results.push({
        clarificationId: id,
        score: Math.round(damped * 1000) / 1000,
        confident: confidence >= CONFIDENT_AT,
      });
    }
    return results.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  /** One passage against the message: its ranking score and its confidence. */
  private judge(
    query: Passage,
    queryWeight: number,
    stretches: ReadonlyArray<ReadonlyArray<{ term: string; weight: number }>>,
    passage: Passage,
    names: ReadonlySet<string>,
  ): { score: number; confidence: number; numbersAgree: boolean } | undefined {
    let shared = 0;
    let passageWeight = 0;
    let claimShared = 0;
    let claimWeight = 0;
    for (const term of passage.terms) {
      const w = this.idf(term);
      const found = query.terms.has(term);
      passageWeight += w;
      if (found) shared += w;
      if (!names.has(term)) {
        claimWeight += w;
        if (found) claimShared += w;
      }
    }
    if (passageWeight === 0) return undefined;
    let stretch = 0;
    for (const terms of stretches) {
      let covered = 0;
      let total = 0;
      for (const { term, weight } of terms) {
        if (names.has(term)) continue;
        total += weight;
        if (passage.terms.has(term)) covered += weight;
      }
      stretch = Math.max(stretch, covered / Math.max(total, STRETCH_FLOOR * claimWeight, 1e-9));
    }
    const passageCoverage = shared / passageWeight;
    const similarity = containment(
      jaccard(query.signature, passage.signature),
      query.shingleCount,
      passage.shingleCount,
    );
    const w = CONFIDENCE_WEIGHTS;
    return {
      score:
        COVERAGE_WEIGHT * Math.max(passageCoverage, shared / queryWeight) +
        (1 - COVERAGE_WEIGHT) * similarity,
      confidence:
        w.claim * (claimWeight === 0 ? 0 : claimShared / claimWeight) +
        w.passage * passageCoverage +
        w.nearDuplicate * similarity +
        w.stretch * stretch,
      // Two sides naming different figures (dates, amounts, victims) claim different things.
      numbersAgree:
        passage.numbers.size === 0 ||
        query.numbers.size === 0 ||
        [...passage.numbers].some((number) => query.numbers.has(number)),
    };
  }
}
