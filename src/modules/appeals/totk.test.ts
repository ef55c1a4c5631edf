import { describe, expect, it } from 'vitest';
import shipped from './data/totk-2026.1-partial.json' with { type: 'json' };
import { QUESTION_CODE_RE, shippedTotk, Totk, type TotkData, validateTotk } from './totk.ts';

const base: TotkData = {
  classifier: 'test',
  version: 't1',
  date: '2026-01-01',
  edition: 'partial',
  items: [
    { code: '0001', nameRu: 'Раздел' },
    { code: '0001.0002', nameRu: 'Тематика' },
    { code: '0001.0002.0027', nameRu: 'Тема' },
    { code: '0001.0002.0027.0122', nameRu: 'Вопрос' },
  ],
};

describe('ТОТК classifier data', () => {
  it('the shipped edition is valid, says it is partial and has the five sections', () => {
    expect(validateTotk(shipped)).toEqual([]);
    const totk = shippedTotk();
    expect(totk.edition).toBe('partial');
    expect(totk.version).toBe('2026.1-partial');
    expect(totk.nodes.filter((n) => n.level === 1).map((n) => n.code)).toEqual([
      '0001',
      '0002',
      '0003',
      '0004',
      '0005',
    ]);
  });

  it('every question code of the shipped edition matches the format and has its whole path', () => {
    const totk = shippedTotk();
    const questions = totk.nodes.filter((n) => n.level >= 4);
    expect(questions.length).toBeGreaterThanOrEqual(5);
    for (const q of questions) {
      expect(q.code).toMatch(QUESTION_CODE_RE);
      expect(totk.path(q.code).map((n) => n.level)).toEqual(Array.from({ length: q.level }, (_, i) => i + 1));
    }
  });

  it('knows the examples of law-ru.md by code, themes numbered globally', () => {
    const totk = shippedTotk();
    expect(totk.name('0001.0002.0027.0122', 'ru')).toBe('Неполучение ответа на обращение');
    expect(totk.name('0005.0005.0056.1160', 'ru')).toBe('Обращение с ТКО');
    expect(totk.isQuestion('0003.0009.0099.0742.0110')).toBe(true);
    expect(totk.name('0002.0013', 'ru')).toMatch(/^Образование/);
    expect(totk.name('0002.0014', 'ru')).toMatch(/^Здравоохранение/);
    expect(totk.isQuestion('0005.0005')).toBe(false);
    expect(totk.isQuestion('9999.9999.9999.9999')).toBe(false);
  });

  it('refuses a code in the wrong format', () => {
    const bad = { ...base, items: [...base.items, { code: '0001.0002.0027.122', nameRu: 'x' }] };
    expect(validateTotk(bad)).toEqual(['bad code: 0001.0002.0027.122']);
    expect(() => new Totk(bad)).toThrow(/bad code/);
  });

  it('refuses a code whose parent is missing', () => {
    const bad = { ...base, items: [...base.items, { code: '0001.0002.0028.0001', nameRu: 'x' }] };
    expect(validateTotk(bad)).toEqual(['parent missing: 0001.0002.0028.0001 (needs 0001.0002.0028)']);
  });

  it('refuses duplicates, nameless items, six-part codes and an unknown edition', () => {
    const bad = {
      ...base,
      edition: 'draft',
      items: [
        ...base.items,
        { code: '0001', nameRu: 'again' },
        { code: '0001.0002.0027.0122.0001', nameRu: ' ' },
        { code: '0001.0002.0027.0122.0001.0001', nameRu: 'deep' },
      ],
    };
    expect(validateTotk(bad)).toEqual([
      'edition must be "full" or "partial"',
      'duplicate code: 0001',
      'no Russian name: 0001.0002.0027.0122.0001',
      'bad code: 0001.0002.0027.0122.0001.0001',
    ]);
  });

  it('groups questions by section and theme for the picker, and gives table rows with the version', () => {
    const totk = shippedTotk();
    const groups = totk.questionGroups();
    expect(groups.map((g) => g.theme.code)).toEqual(['0001.0002', '0003.0009', '0005.0005']);
    const g = groups[0];
    expect(g?.section.code).toBe('0001');
    expect(g?.questions.map((q) => q.code)).toContain('0001.0002.0027.0145');
    const rows = totk.rows();
    expect(rows.find((r) => r.code === '0005.0005.0056.1160')).toEqual({
      code: '0005.0005.0056.1160',
      parentCode: '0005.0005.0056',
      level: 4,
      nameRu: 'Обращение с ТКО',
      version: '2026.1-partial',
      position: rows.findIndex((r) => r.code === '0005.0005.0056.1160'),
    });
  });
});
