/** Trigrams as pg_trgm makes them: the word padded with two spaces before and one after. */
export function trigramsOf(term: string): string[] {
  if (term.length < 3) return [];
  const padded = `  ${term} `;
  const trigrams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i += 1) trigrams.add(padded.slice(i, i + 3));
  return [...trigrams];
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Every string one edit away, by kind of edit in the order typists make them: two letters
 * swapped, a letter doubled or extra, a letter wrong, a letter missing.
 */
export function editVariants(word: string): string[][] {
  const swapped = new Set<string>();
  const deleted = new Set<string>();
  const replaced = new Set<string>();
  const inserted = new Set<string>();
  for (let i = 0; i <= word.length; i += 1) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail.length > 1) swapped.add(head + tail[1]! + tail[0]! + tail.slice(2));
    if (tail.length > 0) deleted.add(head + tail.slice(1));
    for (const letter of LETTERS) {
      if (tail.length > 0) replaced.add(head + letter + tail.slice(1));
      inserted.add(head + letter + tail);
    }
  }
  return [swapped, deleted, replaced, inserted].map((set) => {
    set.delete(word);
    return [...set];
  });
}

export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}

export interface TrigramCandidate {
  term: string;
  df: number;
  /** Trigrams it shares with the word being corrected. */
  shared: number;
}

/** Below this trigram similarity a candidate is another word, not a misspelling. */
const MIN_SIMILARITY = 0.45;
/** Shorter words are too often other real words one letter away. */
export const MIN_CORRECTED_LENGTH = 4;

/** Highest trigram similarity (Jaccard), then smallest edit distance, then highest df. */
export function chooseCorrection(
  term: string,
  candidates: readonly TrigramCandidate[],
): { term: string; df: number } | undefined {
  const own = trigramsOf(term).length;
  const scored = candidates
    .map((candidate) => ({
      ...candidate,
      similarity: candidate.shared / (own + trigramsOf(candidate.term).length - candidate.shared),
      distance: editDistance(term, candidate.term),
    }))
    .filter((candidate) => candidate.similarity >= MIN_SIMILARITY);
  scored.sort(
    (a, b) =>
      b.similarity - a.similarity ||
      a.distance - b.distance ||
      b.df - a.df ||
      (a.term < b.term ? -1 : 1),
  );
  const best = scored[0];
  return best && { term: best.term, df: best.df };
}
