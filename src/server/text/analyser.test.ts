import { describe, expect, it } from 'vitest';
import { indonesianAnalyser } from './analyser.js';
import slang from './lexicon/slang.json' with { type: 'json' };
import stemPairs from './lexicon/stem-pairs.json' with { type: 'json' };
import { measureStemAccuracy } from './stem-accuracy.js';
import { createSastrawiStemmer, createSiagaStemmer, snowballStemmer } from './stemmer.js';

const analyser = indonesianAnalyser();
const words = (text: string) => analyser.words(text).join(' ');
const terms = (text: string) => analyser.analyse(text).join(' ');

describe('Indonesian analyser', () => {
  it('normalises Unicode, case, emoji and decoration', () => {
    expect(words('𝐁𝐄𝐑𝐈𝐓𝐀 ＰＥＮＴＩＮＧ!!! 😱🔥 ⚠️⚠️')).toBe('berita penting');
    expect(words('Café — “kabar” ★ terkini')).toBe('cafe kabar terkini');
  });

  it('folds letters repeated for emphasis but keeps real double letters', () => {
    expect(words('bangeeet tolooong')).toBe('banget tolong');
    expect(words('saaaat maaaaf taaaat')).toBe('saat maaf taat');
    expect(words('saat maaf taat')).toBe('saat maaf taat');
    expect(words('gakkk')).toBe('tidak');
  });

  it('splits digits glued to words, reads reduplication and leetspeak', () => {
    expect(words('ada 2org')).toBe('ada 2 orang');
    expect(words('covid19')).toBe('covid 19');
    expect(words('anak2 hati2')).toBe('anak hati');
    expect(words('rus4k b0hong')).toBe('rusak bohong');
  });

  it('expands chat spelling and abbreviations', () => {
    expect(words('yg udh dicuri gak tau krn blm lapor')).toBe(
      'yang sudah dicuri tidak tau karena belum lapor',
    );
    expect(words('sy jg dgn org tsb utk trs')).toBe('saya juga dengan orang tersebut untuk terus');
    expect(Object.keys(slang.entries).length).toBeGreaterThanOrEqual(150);
  });

  it('drops stop words and stems', () => {
    expect(terms('yang sudah dicuri')).toBe('curi');
    expect(terms('Pencurian dan perampokan di jalan')).toBe('curi begal jalan');
    expect(terms('tidak benar')).toBe('tidak benar');
  });

  it('gives each synonym group one index term, keeping a phrase’s own words', () => {
    expect(terms('narkotika')).toBe(terms('narkoba'));
    expect(terms('napza')).toBe(terms('narkoba'));
    expect(terms('hoax')).toBe('hoaks');
    expect(terms('berita bohong')).toBe('berita bohong hoaks');
    expect(terms('pencurian kendaraan bermotor')).toBe('curi kendara motor curanmor');
    expect(analyser.analyseQuery('pencurian kendaraan bermotor').map((q) => q.term)).toEqual([
      'curanmor',
    ]);
  });
});

describe('stemmers on stem-pairs.json', () => {
  it('has at least 300 word → stem pairs', () => {
    const count = Object.values(stemPairs.roots).reduce((sum, list) => sum + list.length, 0);
    expect(count).toBeGreaterThanOrEqual(300);
  });

  it('keeps the most accurate stemmer', () => {
    const siaga = measureStemAccuracy(createSiagaStemmer());
    const sastrawi = measureStemAccuracy(createSastrawiStemmer());
    const snowball = measureStemAccuracy(snowballStemmer);
    expect(siaga.correct).toBeGreaterThan(sastrawi.correct);
    expect(siaga.correct).toBeGreaterThan(snowball.correct);
    expect(siaga.correct / siaga.total).toBeGreaterThan(0.95);
  });

  it('fixes the known sastrawijs dictionary errors', () => {
    const stem = createSiagaStemmer();
    expect(stem('perampokan')).toBe('rampok');
    expect(stem('penyalahgunaan')).toBe('salahguna');
    expect(stem('penganiayaan')).toBe('aniaya');
    expect(stem('pengeroyokan')).toBe('keroyok');
  });
});
