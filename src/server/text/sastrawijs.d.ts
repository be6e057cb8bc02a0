// sastrawijs ships its own .d.ts but its package "exports" map does not point to it, so
// NodeNext resolution cannot see it. Only the part Siaga uses is declared.
declare module 'sastrawijs' {
  export class Stemmer {
    constructor(dictionary?: string[]);
    /** The dictionary as an object whose keys are the root words. */
    print(): Record<string, string>;
    stem(word: string): string;
  }
}
