import pairs from './lexicon/stem-pairs.json' with { type: 'json' };
import type { StemFunction } from './stemmer.js';

export interface StemAccuracy {
  correct: number;
  total: number;
  misses: { word: string; expected: string; got: string }[];
}

/** Scores a stemmer on stem-pairs.json (≥300 real words with their KBBI roots). */
export function measureStemAccuracy(stem: StemFunction): StemAccuracy {
  const misses: StemAccuracy['misses'] = [];
  let total = 0;
  for (const [root, words] of Object.entries(pairs.roots)) {
    for (const word of words) {
      total += 1;
      const got = stem(word);
      if (got !== root) misses.push({ word, expected: root, got });
    }
  }
  return { correct: total - misses.length, total, misses };
}
