import { describe, expect, it } from 'vitest';
import { parseCitation } from './citation.ts';

const types = [
  { key: 'закон', ru: 'Закон', en: 'Law' },
  { key: 'постановление', ru: 'Постановление', en: 'Resolution' },
  { key: 'приказ', ru: 'Приказ', en: 'Order' },
  { key: 'закон_области', ru: 'Закон Калининградской области', en: 'Law of the oblast' },
  {
    key: 'постановление_правительства',
    ru: 'Постановление Правительства Калининградской области',
    en: 'Government resolution',
  },
  { key: 'указ_губернатора', ru: 'Указ Губернатора Калининградской области', en: 'Decree' },
];
const cite = (q: string) => parseCitation(q, types);

describe('parseCitation', () => {
  it('reads a regional law by its usual citation', () => {
    expect(cite('закон Калининградской области № 112')).toEqual({
      docTypes: ['закон_области'],
      number: '112',
      numberKey: '112',
      date: null,
    });
  });

  it('prefers the type whose words the query has most of', () => {
    expect(cite('постановление правительства 125-п')).toMatchObject({
      docTypes: ['постановление_правительства'],
      numberKey: '125-п',
    });
    expect(cite('Постановление № 125-П')).toMatchObject({ docTypes: ['постановление'], numberKey: '125-п' });
    expect(cite('указа губернатора №7')).toMatchObject({ docTypes: ['указ_губернатора'], numberKey: '7' });
  });

  it('reads a number alone, a date and both', () => {
    expect(cite('125-п')).toMatchObject({ docTypes: [], numberKey: '125-п', date: null });
    expect(cite('112')).toMatchObject({ numberKey: '112' });
    expect(cite('от 12.03.2025 № 45')).toMatchObject({ numberKey: '45', date: '2025-03-12' });
    expect(cite('приказ от 1 марта 2026 г. N 45-од')).toMatchObject({
      docTypes: ['приказ'],
      numberKey: '45-од',
      date: '2026-03-01',
    });
    expect(cite('от 12.03.2025')).toMatchObject({ number: null, date: '2025-03-12' });
  });

  it('is not a citation without a number or a date', () => {
    expect(cite('закон о бюджете')).toBeNull();
    expect(cite('отчёт за 2025 год')).toBeNull();
    expect(cite('31.02.2025')).toBeNull();
    expect(cite('')).toBeNull();
  });
});
