import { stemmer as snowballStem } from '@orama/stemmers/indonesian';
import { Stemmer as SastrawiStemmer } from 'sastrawijs';
import corrections from './lexicon/stem-dictionary.json' with { type: 'json' };

export type StemFunction = (word: string) => string;

/** The root words of sastrawijs's bundled dictionary (KBBI roots). */
export function sastrawiDictionary(): string[] {
  return Object.keys(new SastrawiStemmer().print());
}

/** sastrawijs exactly as published. */
export function createSastrawiStemmer(): StemFunction {
  const stemmer = new SastrawiStemmer();
  return (word) => stemmer.stem(word);
}

/** Snowball Indonesian (the algorithm PostgreSQL's `indonesian` configuration uses). */
export const snowballStemmer: StemFunction = snowballStem;

/**
 * The sastrawijs dictionary corrected: roots it lacks added, spurious short roots that swallow
 * real derivations removed (`ampo` made `perampokan` → `ampo`).
 */
export function correctedDictionary(dictionary = sastrawiDictionary()): string[] {
  const removed = new Set(corrections.remove);
  return dictionary.filter((word) => !removed.has(word)).concat(corrections.add);
}

/** sastrawijs over the corrected dictionary (its `addToDict()` is broken: a new Stemmer it is). */
export function createCorrectedSastrawiStemmer(words = correctedDictionary()): StemFunction {
  const stemmer = new SastrawiStemmer(words);
  return (word) => stemmer.stem(word);
}

/**
 * The stemmer Siaga indexes with: the corrected dictionary stemmer, and Snowball for words the
 * dictionary cannot reduce (names, new words, slang), so that their derivations still meet.
 */
export function createSiagaStemmer(words = correctedDictionary()): StemFunction {
  const known = new Set(words);
  const dictionaryStem = createCorrectedSastrawiStemmer(words);
  const stemKnown = (word: string): string | undefined => {
    if (known.has(word)) return word;
    const stem = dictionaryStem(word);
    return stem !== word ? stem : undefined;
  };
  return (word) =>
    stemKnown(word) ??
    // sastrawijs reads meng-/peng- before e as the monosyllabic prefix (menge-) and never
    // tries the dropped k (mengejar → kejar, pengeroyokan → keroyok).
    (/^[mp]eng[aeiou]/.test(word) ? stemKnown(`k${word.slice(4)}`) : undefined) ??
    snowballStem(word);
}
