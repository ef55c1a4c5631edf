import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  daysBetween,
  ProductionCalendar,
  shippedCalendar,
  statutoryYear,
  toLocalDate,
  weekday,
} from './index.ts';

const cal = shippedCalendar();

describe('production calendar: known days', () => {
  it('knows the New Year holidays of 2026 (1–11 January off, 12 January working)', () => {
    for (let d = 1; d <= 11; d++)
      expect(cal.isWorkingDay(`2026-01-${String(d).padStart(2, '0')}`)).toBe(false);
    expect(cal.isWorkingDay('2026-01-12')).toBe(true);
  });

  it('knows a moved day off and a shortened day', () => {
    // 2025: 8 March is Saturday; 3 November is a day off moved from 1 November (Saturday worked)
    expect(cal.isWorkingDay('2025-11-03')).toBe(false);
    expect(cal.isWorkingDay('2025-11-01')).toBe(true);
    expect(cal.isShortenedDay('2026-05-08')).toBe(true);
    expect(cal.isWorkingDay('2026-05-08')).toBe(true);
  });

  it('counts working days across the New Year holidays', () => {
    // registered on 26 Dec 2025 (Friday): working days 29 and 30 Dec (31 Dec 2025 was made a day off), then 12 Jan 2026
    expect(cal.isWorkingDay('2025-12-31')).toBe(false);
    expect(cal.addWorkingDays('2025-12-26', 2)).toBe('2025-12-30');
    expect(cal.addWorkingDays('2025-12-26', 3)).toBe('2026-01-12');
    expect(cal.workingDaysBetween('2025-12-26', '2026-01-12')).toBe(3);
  });

  it('moves a 30-day deadline that falls on a holiday to the previous working day by default', () => {
    // 2 December 2025 + 30 days = 1 January 2026, a holiday; 31 December is off too, so 30 December
    expect(cal.deadline('2025-12-02', { days: 30, unit: 'calendar' })).toEqual({
      date: '2025-12-30',
      provisional: false,
    });
    expect(cal.deadline('2025-12-02', { days: 30, unit: 'calendar', rule: 'next' }).date).toBe('2026-01-12');
    expect(cal.deadline('2025-12-02', { days: 30, unit: 'calendar', rule: 'none' }).date).toBe('2026-01-01');
  });

  it('never moves a deadline back onto or before its starting day: the next working day instead', () => {
    // 2 Jan 2026 + 7 = 9 Jan, a day off; the previous working day, 30 Dec 2025, is before the start
    expect(cal.deadline('2026-01-02', { days: 7, unit: 'calendar' }).date).toBe('2026-01-12');
    // 30 Dec 2025 + 7 = 6 Jan; moved back it would be 30 Dec itself
    expect(cal.deadline('2025-12-30', { days: 7, unit: 'calendar' }).date).toBe('2026-01-12');
    // 29 Dec 2025 + 7 = 5 Jan; 30 Dec is after the start, so the usual move back stands
    expect(cal.deadline('2025-12-29', { days: 7, unit: 'calendar' }).date).toBe('2025-12-30');
  });

  it('marks deadlines in a year without decree data as provisional, and recomputes once the year is entered', () => {
    const c = shippedCalendar();
    const d = c.deadline('2026-12-10', { days: 30, unit: 'calendar' });
    // 9 January 2027 is a Saturday after the statutory January holidays; 31 Dec 2026 is off → 30 Dec 2026
    expect(d).toEqual({ date: '2026-12-30', provisional: true });
    expect(c.isWorkingDay('2027-01-08')).toBe(false);
    expect(c.isWorkingDay('2027-01-11')).toBe(true);
    // an administrator enters 2027 with an extra day off on 11 January
    const months: string[][] = Array.from({ length: 12 }, () => []);
    const off2027 = [...statutoryYear(2027), '2027-01-11'];
    for (const day of off2027) months[Number(day.slice(5, 7)) - 1]?.push(String(Number(day.slice(8))));
    c.setYear(2027, months);
    expect(c.isWorkingDay('2027-01-11')).toBe(false);
    expect(c.deadline('2026-12-10', { days: 30, unit: 'calendar' }).provisional).toBe(false);
  });

  it('follows art. 112: a weekend holiday moves to the next working day, January ones do not', () => {
    // 2027: 9 May is a Sunday → Monday 10 May off; 1 January 2027 is a Friday
    const s = statutoryYear(2027);
    expect(s.has('2027-05-09')).toBe(true);
    expect(s.has('2027-05-10')).toBe(true);
    // 2028: 1 and 2 January fall on Saturday and Sunday; no extra day beyond 8 January
    const s28 = statutoryYear(2028);
    expect(s28.has('2028-01-08')).toBe(true);
    expect(s28.has('2028-01-10')).toBe(false);
  });

  it('takes the civil date in Europe/Kaliningrad (UTC+2), not UTC', () => {
    expect(toLocalDate(new Date('2026-03-01T22:30:00Z'))).toBe('2026-03-02');
    expect(toLocalDate(new Date('2026-03-01T21:59:00Z'))).toBe('2026-03-01');
  });
});

const arbDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2029-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('production calendar: properties', () => {
  it('addWorkingDays lands on a working day and counts exactly n working days', () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: 1, max: 60 }), (d, n) => {
        const r = cal.addWorkingDays(d, n);
        expect(cal.isWorkingDay(r)).toBe(true);
        expect(cal.workingDaysBetween(d, r)).toBe(n);
        expect(r > d).toBe(true);
      }),
    );
  });

  it('working days between counts the working days after the first date through the second, day by day', () => {
    const wide = fc
      .date({
        min: new Date('1999-01-01T00:00:00Z'),
        max: new Date('2031-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    const byDays = (a: string, b: string) => {
      let n = 0;
      for (let cur = addCalendarDays(a, 1); cur <= b; cur = addCalendarDays(cur, 1))
        if (cal.isWorkingDay(cur)) n++;
      return n;
    };
    fc.assert(
      fc.property(wide, wide, (x, y) => {
        const [a, b] = x <= y ? [x, y] : [y, x];
        expect(cal.workingDaysBetween(a, b)).toBe(byDays(a, b));
        expect(cal.workingDaysBetween(b, a)).toBe(0 - byDays(a, b) || 0);
      }),
      { numRuns: 200 },
    );
    // a year entered later (with a day named twice and one that does not exist) is counted as entered
    const entered = shippedCalendar();
    entered.setYear(2030, [['1', '2', '2', '3'], ['30'], [], [], [], [], [], [], [], [], [], []]);
    let n = 0;
    for (let cur = '2030-01-01'; cur <= '2030-12-31'; cur = addCalendarDays(cur, 1))
      if (entered.isWorkingDay(cur)) n++;
    expect(entered.workingDaysBetween('2029-12-31', '2030-12-31')).toBe(n);
    expect(n).toBe(365 - 3);
  });

  it('working days between is additive and antisymmetric', () => {
    fc.assert(
      fc.property(arbDate, arbDate, arbDate, (a, b, c) => {
        expect(cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, c)).toBe(
          cal.workingDaysBetween(a, c),
        );
        expect(cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, a)).toBe(0);
      }),
      { numRuns: 50 },
    );
  });

  it('a calendar deadline is a working day no later (previous) or no earlier (next) than the raw date, and after the start', () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: 1, max: 45 }), (d, n) => {
        const raw = addCalendarDays(d, n);
        const prev = cal.deadline(d, { days: n, unit: 'calendar', rule: 'previous' }).date;
        const next = cal.deadline(d, { days: n, unit: 'calendar', rule: 'next' }).date;
        expect(cal.isWorkingDay(prev) && cal.isWorkingDay(next)).toBe(true);
        expect(prev > d && next > d).toBe(true);
        // the move back never reaches the starting day: then the next working day is the deadline
        if (cal.adjust(raw, 'previous') <= d) {
          expect(prev).toBe(next);
          return;
        }
        expect(prev <= raw && raw <= next).toBe(true);
        if (cal.isWorkingDay(raw)) expect(prev).toBe(raw);
        // no working day lies strictly between prev and raw
        for (let x = addCalendarDays(prev, 1); x <= raw; x = addCalendarDays(x, 1))
          expect(cal.isWorkingDay(x)).toBe(false);
      }),
    );
  });

  it('every weekend day of a statutory year is off, and every year has 243–251 working days in the data', () => {
    for (let y = 2000; y <= 2026; y++) {
      let working = 0;
      for (let d = `${y}-01-01`; d <= `${y}-12-31`; d = addCalendarDays(d, 1))
        if (cal.isWorkingDay(d)) working++;
      expect(working).toBeGreaterThanOrEqual(243);
      expect(working).toBeLessThanOrEqual(251);
    }
    fc.assert(
      fc.property(fc.integer({ min: 2027, max: 2100 }), (y) => {
        const s = statutoryYear(y);
        for (let d = `${y}-01-01`; d <= `${y}-12-31`; d = addCalendarDays(d, 7)) {
          for (let k = 0; k < 7; k++) {
            const x = addCalendarDays(d, k);
            if (x.startsWith(String(y)) && (weekday(x) === 0 || weekday(x) === 6))
              expect(s.has(x)).toBe(true);
          }
        }
      }),
      { numRuns: 20 },
    );
  });

  it('daysBetween and addCalendarDays agree', () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: -400, max: 400 }), (d, n) => {
        expect(daysBetween(d, addCalendarDays(d, n))).toBe(n);
      }),
    );
  });

  it('rejects a year of the wrong shape', () => {
    expect(() => new ProductionCalendar({ 2030: [[]] })).toThrow(RangeError);
  });
});
