import { describe, expect, it } from 'vitest';
import { checkClarity, type PhraseList, phraseHits } from './clarity.ts';
import { compilePattern, findAll, segments } from './phrases.ts';
import { bandOf, LONG_SENTENCE_WORDS, readability, sentencesOf, syllables, wordsOf } from './readability.ts';

describe('readability for Russian (Oborneva)', () => {
  it('counts syllables as vowels, ё included, Latin too', () => {
    expect(syllables('мама')).toBe(2);
    expect(syllables('ёж')).toBe(1);
    expect(syllables('в')).toBe(0);
    expect(syllables('Конституция')).toBe(5);
    expect(syllables('portal')).toBe(2);
  });

  it('scores «Мама мыла раму.» by hand', () => {
    // 1 sentence, 3 words, 6 vowels (а-а, ы-а, а-у): ASL = 3, ASW = 2.
    // FRE = 206.835 − 1.3·3 − 60.1·2 = 206.835 − 3.9 − 120.2 = 82.735
    // FKGL = 0.5·3 + 8.4·2 − 15.59 = 1.5 + 16.8 − 15.59 = 2.71
    const r = readability('Мама мыла раму.');
    expect(r).toMatchObject({ sentences: 1, words: 3, syllables: 6, asl: 3, asw: 2 });
    expect(r?.fleschRu).toBeCloseTo(82.735, 3);
    expect(r?.gradeLevel).toBeCloseTo(2.71, 3);
    expect(r?.band).toBe('easy');
    expect(r?.longSentences).toEqual([]);
  });

  it('scores two short sentences by hand', () => {
    // «Кот спит.» 2 words, 2 vowels; «Дом стоит у реки.» 4 words, 6 vowels (о; о-и; у; е-и).
    // ASL = 6/2 = 3, ASW = 8/6. FRE = 206.835 − 3.9 − 60.1·8/6 = 122.80166…
    // FKGL = 1.5 + 8.4·8/6 − 15.59 = 1.5 + 11.2 − 15.59 = −2.89
    const r = readability('Кот спит. Дом стоит у реки.');
    expect(r).toMatchObject({ sentences: 2, words: 6, syllables: 8 });
    expect(r?.fleschRu).toBeCloseTo(122.80167, 4);
    expect(r?.gradeLevel).toBeCloseTo(-2.89, 3);
    expect(r?.band).toBe('veryEasy');
  });

  it('scores an official sentence as hard and counts it long', () => {
    // One sentence of 32 words (over the limit of 25) with 120 vowels:
    // ASL = 32, ASW = 120/32 = 3.75; FRE = 206.835 − 41.6 − 225.375 = −60.14
    // FKGL = 16 + 31.5 − 15.59 = 31.91
    const text =
      'Осуществление полномочий по предоставлению государственных услуг производится уполномоченным органом исполнительной власти ' +
      'Калининградской области в соответствии с административным регламентом предоставления соответствующей государственной услуги ' +
      'при наличии надлежащим образом оформленных документов заявителя и иных документов.';
    const r = readability(text);
    expect(r).toMatchObject({ sentences: 1, words: 32, syllables: 120, asl: 32, asw: 3.75 });
    expect(r?.longSentences).toHaveLength(1);
    expect(r?.longSentences[0]?.words).toBeGreaterThan(LONG_SENTENCE_WORDS);
    expect(r?.fleschRu).toBeCloseTo(-60.14, 3);
    expect(r?.gradeLevel).toBeCloseTo(31.91, 3);
    expect(r?.band).toBe('veryDifficult');
  });

  it('keeps abbreviations and initials inside a sentence, and breaks at lines', () => {
    const s = sentencesOf('Совещание прошло в г. Калининграде. Выступил А. С. Иванов.\nИтоги');
    expect(s.map((x) => x.text)).toEqual([
      'Совещание прошло в г. Калининграде.',
      'Выступил А. С. Иванов.',
      'Итоги',
    ]);
    expect(s[1]?.words).toBe(4);
  });

  it('does not split dates and numbers, and counts hyphenated words once', () => {
    expect(sentencesOf('Постановление от 26.02.2010 № 96 действует.').length).toBe(1);
    expect(wordsOf('из-за 2026 года')).toEqual(['из-за', 'года']);
  });

  it('gives nothing for a text without words', () => {
    expect(readability('')).toBeNull();
    expect(readability(' 12. — 15 ')).toBeNull();
  });

  it('places scores in Flesch bands', () => {
    expect([95, 85, 75, 65, 55, 40, 10, -20].map(bandOf)).toEqual([
      'veryEasy',
      'easy',
      'fairlyEasy',
      'plain',
      'fairlyDifficult',
      'difficult',
      'veryDifficult',
      'veryDifficult',
    ]);
  });
});

describe('phrase patterns', () => {
  it('matches endings after *, ё for е, spaced abbreviations, and only whole words', () => {
    const re = compilePattern('осуществл*');
    expect(findAll('Орган осуществляет контроль и осуществление проверок.', [re]).map((m) => m.text)).toEqual(
      ['осуществляет', 'осуществление'],
    );
    expect(findAll('неосуществленный', [re])).toEqual([]);
    expect(findAll('И т. п. и т.п.', [compilePattern('и т.п.')]).map((m) => m.text)).toEqual([
      'И т. п.',
      'и т.п.',
    ]);
    expect(findAll('определённый срок', [compilePattern('определенн*')]).map((m) => m.text)).toEqual([
      'определённый',
    ]);
    expect(findAll('приумножает', [compilePattern('может')])).toEqual([]);
  });

  it('cuts a text into plain and marked pieces without overlaps', () => {
    const marks = [
      { start: 0, end: 5, id: 'a' },
      { start: 2, end: 4, id: 'b' },
      { start: 6, end: 8, id: 'c' },
    ];
    expect(segments('abcdefghij', marks).map((p) => [p.text, p.mark?.id])).toEqual([
      ['abcde', 'a'],
      ['f', undefined],
      ['gh', 'c'],
      ['ij', undefined],
    ]);
  });
});

describe('bureaucratic phrases (the shipped list)', () => {
  it('finds officialese, clichés and vague words with their category and hint', () => {
    const text =
      'На сегодняшний день министерство осуществляет работу по благоустройству в рамках программы и т. п.';
    const hits = phraseHits(text);
    expect(hits.map((h) => [h.text, h.category])).toEqual([
      ['На сегодняшний день', 'cliche'],
      ['осуществляет', 'officialese'],
      ['работу по', 'cliche'],
      ['в рамках', 'officialese'],
      ['и т. п.', 'vague'],
    ]);
    expect(hits[0]?.hint).toContain('сейчас');
  });

  it('leaves plain text alone', () => {
    expect(phraseHits('Мы отремонтировали три школы. Дети пойдут туда первого сентября.')).toEqual([]);
    // «данные» (data) is a noun, not the officialese «данный»
    expect(phraseHits('Персональные данные не публикуются.')).toEqual([]);
  });

  it('names the edition the hits come from, and takes another edition', () => {
    const c = checkClarity('Очень хорошо.');
    expect(c.edition).toMatch(/^\d{4}\.\d+$/);
    expect(c.hits.map((h) => h.entry)).toEqual(['ochen']);
    const other: PhraseList = {
      edition: 'test.1',
      title: 't',
      entries: [{ id: 'good', category: 'intensifier', patterns: ['хорош*'], hint: '' }],
    };
    expect(checkClarity('Очень хорошо.', other)).toMatchObject({
      edition: 'test.1',
      hits: [{ entry: 'good' }],
    });
  });
});
