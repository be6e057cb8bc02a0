import slang from './lexicon/slang.json' with { type: 'json' };
import stopwords from './lexicon/stopwords.json' with { type: 'json' };
import synonyms from './lexicon/synonyms.json' with { type: 'json' };
import { correctedDictionary, createSiagaStemmer, type StemFunction } from './stemmer.js';

/** A query word after analysis: the index term to look for and the word as typed (normalised). */
export interface QueryTerm {
  term: string;
  surface: string;
}

/**
 * The one Indonesian analyser: the index and every query go through it, so both databases and
 * both sides of a search see the same terms.
 */
export interface Analyser {
  /** Normalised words before stop words and stemming: NFKC, lower case, slang expanded. */
  words(text: string): string[];
  /** Index terms: stems without stop words, each synonym group also under its index term. */
  analyse(text: string): string[];
  /** Query terms: like `analyse`, but a synonym phrase is replaced by its group's index term. */
  analyseQuery(text: string): QueryTerm[];
  stem(word: string): string;
}

const slangMap = new Map(Object.entries(slang.entries));
const stopWords = new Set(stopwords.words);
// Leetspeak inside a word ("rus4k", "b0hong") is obfuscation, not a number glued to a word.
const leet: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't' };
const TOKEN_CACHE_LIMIT = 200_000;

interface Stemmed {
  stem: string;
  surface: string;
}

interface SynonymPhrase {
  stems: string[];
  indexTerm: string;
}

/**
 * The analyser builds its dictionaries (about 30,000 roots) on first use, so a context that
 * never searches pays nothing; `indonesianAnalyser()` shares one per process.
 */
export function createAnalyser(stemWord?: StemFunction): Analyser {
  let state: Analyser | undefined;
  const ready = (): Analyser => (state ??= buildAnalyser(stemWord ?? createSiagaStemmer()));
  return {
    words: (text) => ready().words(text),
    analyse: (text) => ready().analyse(text),
    analyseQuery: (text) => ready().analyseQuery(text),
    stem: (word) => ready().stem(word),
  };
}

let shared: Analyser | undefined;

export function indonesianAnalyser(): Analyser {
  return (shared ??= createAnalyser());
}

function buildAnalyser(stemWord: StemFunction): Analyser {
  const dictionary = new Set(correctedDictionary());
  for (const [from, to] of slangMap) {
    dictionary.add(from);
    for (const word of to.split(' ')) dictionary.add(word);
  }
  for (const word of stopWords) dictionary.add(word);

  function stem(word: string): string {
    return /^[a-z]{4,}$/.test(word) ? stemWord(word) : word;
  }

  /** One token as written → its normalised words (slang can make several). */
  function tokenWords(raw: string): string[] {
    const result: string[] = [];
    for (const piece of normaliseToken(raw).flatMap(splitDigits)) {
      const folded = foldRepeats(piece, dictionary);
      const expanded = slangMap.get(folded);
      if (expanded === undefined) result.push(folded);
      else result.push(...expanded.split(' '));
    }
    return result;
  }

  // Most tokens recur (a language has few words, a text many): each token's analysis is kept.
  const tokenCache = new Map<string, Stemmed[]>();
  function tokenStems(token: string): Stemmed[] {
    let cached = tokenCache.get(token);
    if (cached === undefined) {
      if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
      cached = [];
      for (const word of tokenWords(token)) {
        if (stopWords.has(word)) continue;
        const stemmed = stem(word);
        if (!stopWords.has(stemmed)) cached.push({ stem: stemmed, surface: word });
      }
      tokenCache.set(token, cached);
    }
    return cached;
  }

  function words(text: string): string[] {
    return rawTokens(text).flatMap(tokenWords);
  }

  function stems(text: string): Stemmed[] {
    return rawTokens(text).flatMap(tokenStems);
  }

  // Synonym members are analysed like any text, so a phrase matches what the analyser makes
  // of it in a document (stop words dropped, stems).
  const phrasesByFirstStem = new Map<string, SynonymPhrase[]>();
  for (const group of synonyms.groups) {
    const indexTerm = stems(group[0]!)
      .map((s) => s.stem)
      .join('');
    for (const member of group) {
      const memberStems = stems(member).map((s) => s.stem);
      if (memberStems.length === 0) continue;
      const list = phrasesByFirstStem.get(memberStems[0]!) ?? [];
      list.push({ stems: memberStems, indexTerm });
      // Longest phrase first, so "pencurian kendaraan bermotor" wins over "curi".
      list.sort((a, b) => b.stems.length - a.stems.length);
      phrasesByFirstStem.set(memberStems[0]!, list);
    }
  }

  function matchPhrase(list: string[], at: number): SynonymPhrase | undefined {
    return phrasesByFirstStem
      .get(list[at]!)
      ?.find((phrase) => phrase.stems.every((s, i) => list[at + i] === s));
  }

  function analyse(text: string): string[] {
    const list = stems(text).map((s) => s.stem);
    const terms: string[] = [];
    for (let i = 0; i < list.length; i += 1) {
      const phrase = matchPhrase(list, i);
      if (phrase === undefined) terms.push(list[i]!);
      else if (phrase.stems.length === 1) terms.push(phrase.indexTerm);
      else {
        // The phrase's own words stay searchable; the group's term is added after them.
        terms.push(...phrase.stems, phrase.indexTerm);
        i += phrase.stems.length - 1;
      }
    }
    return terms;
  }

  function analyseQuery(text: string): QueryTerm[] {
    const list = stems(text);
    const plain = list.map((s) => s.stem);
    const terms: QueryTerm[] = [];
    for (let i = 0; i < list.length; i += 1) {
      const phrase = matchPhrase(plain, i);
      const length = phrase?.stems.length ?? 1;
      const surface = list
        .slice(i, i + length)
        .map((s) => s.surface)
        .join(' ');
      terms.push({ term: phrase?.indexTerm ?? plain[i]!, surface });
      i += length - 1;
    }
    return terms;
  }

  return { words, analyse, analyseQuery, stem };
}

/**
 * Splits on ASCII separators only, so the common case stays fast; a token with anything beyond
 * ASCII (curly quotes, emoji, fancy letters) is normalised on its own, once, and cached.
 */
function rawTokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9\u0080-\uffff]+/)
    .filter((token) => token.length > 0);
}

/** NFKC (fancy Unicode letters become plain), lower case, accents dropped, then word tokens. */
function normaliseToken(raw: string): string[] {
  if (/^[a-z0-9]+$/.test(raw)) return [raw];
  return (
    raw
      .normalize('NFKC')
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .normalize('NFC')
      // Everything that is not a letter or digit (emoji, punctuation, decoration) separates.
      .split(/[^\p{L}\p{N}]+/u)
      .filter((token) => token.length > 0)
  );
}

/**
 * Digits glued to letters: "2org" → "2 org", "covid19" → "covid 19"; "anak2" (reduplication)
 * → "anak"; digits inside letters are leetspeak: "rus4k" → "rusak".
 */
function splitDigits(token: string): string[] {
  if (!/\d/.test(token) || !/\p{L}/u.test(token)) return [token];
  const reduplicated = /^(\p{L}{2,})2$/u.exec(token);
  if (reduplicated) return [reduplicated[1]!];
  if (/^\p{L}+[013457]+\p{L}+$/u.test(token)) {
    return [token.replace(/\d/g, (digit) => leet[digit] ?? digit)];
  }
  return token.split(/(?<=\d)(?=\p{L})|(?<=\p{L})(?=\d)/u);
}

/**
 * Runs of three or more of one letter are emphasis ("bangeeet", "tolooong"): each run becomes
 * one or two letters, whichever gives a known word ("saaaat" → "saat"), else one.
 */
function foldRepeats(word: string, dictionary: Set<string>): string {
  if (!/(\p{L})\1\1/u.test(word)) return word;
  const parts = word.split(/((\p{L})\2\2+)/u);
  // split with nested groups yields [text, run, letter, text, run, letter, ...].
  const pieces: string[] = [];
  const runs: string[] = [];
  for (let i = 0; i < parts.length; i += 3) {
    pieces.push(parts[i]!);
    if (parts[i + 2] !== undefined) runs.push(parts[i + 2]!);
  }
  const build = (doubled: number): string =>
    pieces
      .map((piece, i) =>
        i < runs.length ? piece + runs[i]!.repeat((doubled >> i) & 1 ? 2 : 1) : piece,
      )
      .join('');
  // Doubles first ("saaaat" → "saat", not "sat"); few runs per word, so few combinations.
  const combinations = 1 << Math.min(runs.length, 4);
  for (let doubled = combinations - 1; doubled >= 0; doubled -= 1) {
    const candidate = build(doubled);
    if (dictionary.has(candidate)) return candidate;
  }
  return build(0);
}
