import { describe, expect, it } from 'vitest';
import { shippedCalendar } from '../../platform/calendar/index.ts';
import { declarationFromForm, declarationInput, forbiddenIn } from './declarations.input.ts';
import { declarationsDeadline } from './declarations.ts';

const valid = {
  year: '2025',
  declarantShortName: 'Иванов И.И.',
  position: 'Министр',
  relation: 'DECLARANT',
  declaredIncomeRub: '1 234 567,89',
  realEstateOwned: 'квартира; общая долевая; 1/2; 54,3; Россия',
  realEstateUsed: 'земельный участок; 1200; Россия',
  vehicles: 'автомобиль легковой; Lada Vesta',
  largeDealSources: '',
};
const parse = (over: Record<string, string> = {}) =>
  declarationInput.safeParse(declarationFromForm({ ...valid, ...over }));
const firstMessage = (over: Record<string, string>) => {
  const r = parse(over);
  return r.success ? null : r.error.issues[0]?.message;
};

describe('declarationInput (Указ № 613)', () => {
  it('accepts a row of the decree schema', () => {
    const r = parse();
    expect(r.success).toBe(true);
    if (r.success) {
      expect(r.data.declaredIncomeRub).toBeCloseTo(1234567.89);
      expect(r.data.realEstateOwned[0]).toEqual({
        type: 'квартира',
        ownership: 'общая долевая',
        share: '1/2',
        areaSqm: 54.3,
        country: 'Россия',
      });
      expect(r.data.vehicles).toEqual([{ type: 'автомобиль легковой', make: 'Lada Vesta' }]);
    }
  });
  it.each([
    [
      'realEstateOwned',
      'квартира, ул. Ленина, д. 5; индивидуальная; ; 40; Россия',
      'declarations.forbidden.address',
    ],
    [
      'realEstateOwned',
      'участок 39:15:123456:78; индивидуальная; ; 600; Россия',
      'declarations.forbidden.cadastral',
    ],
    ['vehicles', 'автомобиль; Lada Vesta А123ВС39', 'declarations.forbidden.plate'],
    ['vehicles', 'автомобиль; Kia XWEPC811DC0012345', 'declarations.forbidden.vin'],
    ['largeDealSources', 'квартира; заём от Петровой М.С.', 'declarations.forbidden.name'],
    ['largeDealSources', 'квартира; подарок, звоните +7 (911) 123-45-67', 'declarations.forbidden.contact'],
    ['realEstateUsed', 'квартира Ивановой; 40; Россия', 'declarations.forbidden.name'],
  ])('refuses %s with forbidden data: %s', (field, value, key) => {
    expect(firstMessage({ [field]: value })).toBe(key);
  });
  it('wants a surname and initials, not a full name, and a known relation', () => {
    expect(firstMessage({ declarantShortName: 'Иванов Иван Иванович' })).toBe(
      'declarations.shortName.invalid',
    );
    expect(firstMessage({ relation: 'ДОЧЬ' })).toBe('declarations.relation.required');
    expect(firstMessage({ declaredIncomeRub: 'много' })).toBe('declarations.income.invalid');
  });
  it('passes ordinary words', () => {
    expect(forbiddenIn('жилой дом')).toBeNull();
    expect(forbiddenIn('Российская Федерация')).toBeNull();
    expect(forbiddenIn('доход по основному месту работы, ипотечный кредит')).toBeNull();
  });
});

describe('declarationsDeadline', () => {
  it('is 14 working days after 30 April of the next year, skipping the May holidays', () => {
    // 2026: 1 May and 11 May (for Saturday 9 May) are holidays: 4–8, 12–15, 18–22 May
    expect(declarationsDeadline(shippedCalendar(), 2025)).toBe('2026-05-22');
  });
});
