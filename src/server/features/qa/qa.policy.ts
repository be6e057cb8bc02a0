import wordList from './suspect-words.id.json' with { type: 'json' };

const SUSPECT_WORDS: ReadonlySet<string> = new Set(wordList.words);
const DIGIT_LETTERS: Record<string, string> = {
  '4': 'a',
  '1': 'i',
  '0': 'o',
  '3': 'e',
  '5': 's',
  '7': 't',
};

/** Lower case, digits-for-letters undone, runs of one letter collapsed ("anjiiing" → "anjing"). */
function normaliseWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/[4103575]/g, (digit) => DIGIT_LETTERS[digit] ?? digit)
    .replace(/(\p{L})\1+/gu, '$1');
}

/** Whether a question holds a word from the insult list (it then waits for a moderator). */
export function isSuspectText(text: string): boolean {
  for (const raw of text.split(/[^\p{L}\p{N}]+/u)) {
    if (!raw) continue;
    const word = normaliseWord(raw);
    // Collapsing also turns legitimate doubles into singles; check both spellings.
    if (SUSPECT_WORDS.has(word) || SUSPECT_WORDS.has(raw.toLowerCase())) return true;
  }
  return false;
}
