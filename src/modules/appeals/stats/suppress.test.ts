import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyRawFigures, monthsOf, publishFigures, quarterPeriod } from './figures.ts';
import {
  formatCell,
  MASKED,
  SUPPRESSED,
  suppressAverage,
  suppressBreakdown,
  suppressCount,
  suppressShare,
} from './suppress.ts';

describe('small-cell suppression', () => {
  it('hides every count under 3, zero included', () => {
    expect([0, 1, 2, 3, 40].map(suppressCount)).toEqual([SUPPRESSED, SUPPRESSED, SUPPRESSED, 3, 40]);
  });

  it('hides a second cell of a breakdown when one hidden cell could be subtracted from the total', () => {
    expect(suppressBreakdown([10, 2, 7, 5])).toEqual([10, SUPPRESSED, 7, MASKED]);
    expect(suppressBreakdown([10, 2, 1, 5])).toEqual([10, SUPPRESSED, SUPPRESSED, 5]);
    expect(suppressBreakdown([10, 4, 7])).toEqual([10, 4, 7]);
    expect(suppressBreakdown([2])).toEqual([SUPPRESSED]);
  });

  it('never leaves exactly one hidden cell in a breakdown of two or more, and never shows a count under 3', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50), { minLength: 2, maxLength: 12 }), (parts) => {
        const cells = suppressBreakdown(parts);
        const hidden = cells.filter((c) => typeof c !== 'number').length;
        expect(hidden === 0 || hidden >= 2 || parts.every((p) => p < 3)).toBe(true);
        cells.forEach((c, i) => {
          if (typeof c === 'number') expect(c).toBe(parts[i]);
          else expect(c).toBe((parts[i] as number) < 3 ? SUPPRESSED : MASKED);
          if (typeof c === 'number') expect(c).toBeGreaterThanOrEqual(3);
        });
      }),
    );
  });

  it('withholds shares and averages resting on fewer than 3 appeals', () => {
    expect(suppressShare(2, 10)).toBeNull();
    expect(suppressShare(3, 2)).toBeNull();
    expect(suppressShare(9, 12)).toBe(75);
    expect(suppressAverage(30, 2)).toBeNull();
    expect(suppressAverage(31, 3)).toBe(10.3);
  });

  it('formats for pages', () => {
    expect(formatCell(SUPPRESSED, 'ru')).toBe('<3');
    expect(formatCell(12345, 'ru')).toBe('12\u00a0345');
  });

  it('published figures carry no count under 3 anywhere', () => {
    const raw = {
      ...emptyRawFigures(),
      received: 20,
      answered: 15,
      answeredOnTime: 14,
      forwarded: 2,
      leftWithoutAnswer: 1,
      extended: 0,
      inReview: 2,
      answerDaysSum: 300,
      answerDaysCount: 15,
      rated: 2,
      satisfied: 1,
      byTopic: [
        { code: '0002.0014', name: 'Здравоохранение', count: 17 },
        { code: '0005.0005', name: 'Жилище', count: 1 },
        { code: '0003.0009', name: 'Хозяйственная деятельность', count: 2 },
      ],
      byMonth: [
        { month: '2026-01', received: 18, answered: 14 },
        { month: '2026-02', received: 2, answered: 1 },
      ],
      corruptionReports: 1,
    };
    const pub = publishFigures(raw);
    const numbers = JSON.stringify(pub).match(/":\d+(\.\d+)?/g) ?? [];
    for (const n of numbers) expect(Number(n.slice(2))).toBeGreaterThanOrEqual(3);
    expect(pub.byMonth).toEqual([
      { month: '2026-01', received: MASKED, answered: MASKED },
      { month: '2026-02', received: SUPPRESSED, answered: SUPPRESSED },
    ]);
    expect(pub.satisfiedShare).toBeNull();
    expect(pub.averageDaysToAnswer).toBe(20);
    expect(pub.corruptionReports).toBe(SUPPRESSED);
  });
});

describe('periods', () => {
  it('quarters and their months', () => {
    expect(quarterPeriod(2026, 1)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(quarterPeriod(2024, 4)).toEqual({ from: '2024-10-01', to: '2024-12-31' });
    expect(monthsOf({ from: '2025-11-03', to: '2026-02-01' })).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
  });
});
