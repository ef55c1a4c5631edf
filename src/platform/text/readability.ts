/**
 * Readability of Russian text: Flesch reading ease as adapted for Russian by
 * Oborneva (2006), FRE = 206.835 − 1.3·ASL − 60.1·ASW, and her grade level,
 * FKGL = 0.5·ASL + 8.4·ASW − 15.59, where ASL is words per sentence and ASW
 * syllables (vowels) per word. Pure: no I/O, the same text gives the same numbers.
 */

/** A sentence is long past this many words (the plain-language guides' limit). */
export const LONG_SENTENCE_WORDS = 25;

const VOWELS = /[аеёиоуыэюяaeiouy]/giu;
const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
const HAS_LETTER = /\p{L}/u;

/**
 * Short forms after which a full stop does not end the sentence (г. Калининград,
 * ст. 5, т. е.); single capital letters are initials (А. С. Пушкин).
 */
const ABBREVIATIONS = new Set([
  'г',
  'гг',
  'ст',
  'п',
  'пп',
  'ч',
  'им',
  'т',
  'е',
  'д',
  'др',
  'пр',
  'тыс',
  'млн',
  'млрд',
  'руб',
  'коп',
  'ул',
  'пер',
  'пл',
  'обл',
  'р',
  'стр',
  'рис',
  'см',
  'напр',
  'проф',
  'акад',
  'гл',
  'разд',
  'абз',
  'подп',
]);

export type Span = { start: number; end: number };
export type Sentence = Span & { text: string; words: number };

/** Syllables of a word: its vowels (a word without vowels, e.g. «в» or «2026», has none). */
export function syllables(word: string): number {
  return word.match(VOWELS)?.length ?? 0;
}

/** The words of a text: runs of letters and digits joined by hyphens, with at least one letter. */
export function wordsOf(text: string): string[] {
  return (text.match(WORD) ?? []).filter((w) => HAS_LETTER.test(w));
}

/**
 * Sentences: text up to . ! ? …  where the next word starts
 * with a capital letter, a digit or a quote/dash, or the text ends; a line break
 * (a paragraph, a heading) always ends one. A full stop
 * after a known short form or an initial does not end one.
 */
export function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  const enders = /([.!?…]+)(?=\s+["«„(–—-]?\s*[\p{Lu}\p{N}]|\s*$)|\n+/gu;
  let from = 0;
  for (const m of text.matchAll(enders)) {
    const end = m.index + m[0].length;
    if (m[1]?.startsWith('.') && m[1].length === 1) {
      const before = text.slice(from, m.index).match(/([\p{L}]+)$/u)?.[1] ?? '';
      const initial = before.length === 1 && before === before.toUpperCase();
      if (initial || ABBREVIATIONS.has(before.toLowerCase())) continue;
    }
    push(from, end);
    from = end;
  }
  push(from, text.length);
  return out;

  function push(start: number, end: number) {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const piece = raw.trim();
    const words = wordsOf(piece).length;
    if (words === 0) return;
    out.push({ start: start + lead, end: start + lead + piece.length, text: piece, words });
  }
}

export type ReadingBand =
  | 'veryEasy'
  | 'easy'
  | 'fairlyEasy'
  | 'plain'
  | 'fairlyDifficult'
  | 'difficult'
  | 'veryDifficult';

export type Readability = {
  sentences: number;
  words: number;
  syllables: number;
  /** words per sentence */
  asl: number;
  /** syllables per word */
  asw: number;
  /** Flesch reading ease for Russian (Oborneva), not clamped: higher is easier */
  fleschRu: number;
  /** Oborneva's grade level: years of schooling the text asks for */
  gradeLevel: number;
  band: ReadingBand;
  /** sentences of more than LONG_SENTENCE_WORDS words, in order */
  longSentences: Sentence[];
};

/** Flesch's bands (100–90 a fifth-grader … 30–0 a university graduate). */
export function bandOf(fre: number): ReadingBand {
  if (fre >= 90) return 'veryEasy';
  if (fre >= 80) return 'easy';
  if (fre >= 70) return 'fairlyEasy';
  if (fre >= 60) return 'plain';
  if (fre >= 50) return 'fairlyDifficult';
  if (fre >= 30) return 'difficult';
  return 'veryDifficult';
}

/** Readability figures of a text; an empty text (no words) gives null. */
export function readability(text: string): Readability | null {
  const sentences = sentencesOf(text);
  const words = sentences.flatMap((s) => wordsOf(s.text));
  if (words.length === 0) return null;
  const syl = words.reduce((n, w) => n + syllables(w), 0);
  const asl = words.length / sentences.length;
  const asw = syl / words.length;
  const fleschRu = 206.835 - 1.3 * asl - 60.1 * asw;
  return {
    sentences: sentences.length,
    words: words.length,
    syllables: syl,
    asl,
    asw,
    fleschRu,
    gradeLevel: 0.5 * asl + 8.4 * asw - 15.59,
    band: bandOf(fleschRu),
    longSentences: sentences.filter((s) => s.words > LONG_SENTENCE_WORDS),
  };
}
