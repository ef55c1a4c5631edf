import { describe, expect, it } from 'vitest';
import shipped from './data/production-calendar-ru.json' with { type: 'json' };
import transfers from './data/transfers-ru.json' with { type: 'json' };

/*
 * The shipped production calendar against the Labour Code: every day off of
 * every shipped year must be a weekend, a fixed holiday of art. 112 (in the
 * wording in force that year), the day a weekend holiday moves to, or a
 * transfer listed in transfers-ru.json with its decree. Anything else is an
 * unexplained day: a typo like 23 March and 23 November 2026 (marked off, both
 * working days) shows up here.
 */

type Years = Record<string, string[][]>;
const years = (shipped as { years: Years }).years;
const explained = transfers as {
  suspect: Record<string, string>;
  years: Record<string, { basis: string; daysOff: string[]; workingDays: string[] }>;
};

const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const dow = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).getUTCDay();

/** The fixed non-working holidays of the year's law, and whether January ones move off a weekend. */
function holidaysOf(y: number): { days: [number, number][]; januaryMoves: boolean } {
  // КЗоТ art. 65 (to 2001); ТК art. 112 as adopted (2002–2004), as of 201-ФЗ of 29.12.2004 (2005–2012), as of 35-ФЗ of 23.04.2012 (2013–)
  if (y <= 2001)
    return {
      days: [
        [1, 1],
        [1, 2],
        [1, 7],
        [3, 8],
        [5, 1],
        [5, 2],
        [5, 9],
        [6, 12],
        [11, 7],
        [12, 12],
      ],
      januaryMoves: true,
    };
  if (y <= 2004)
    return {
      days: [
        [1, 1],
        [1, 2],
        [1, 7],
        [2, 23],
        [3, 8],
        [5, 1],
        [5, 2],
        [5, 9],
        [6, 12],
        [11, 7],
        [12, 12],
      ],
      januaryMoves: true,
    };
  if (y <= 2012)
    return {
      days: [
        [1, 1],
        [1, 2],
        [1, 3],
        [1, 4],
        [1, 5],
        [1, 7],
        [2, 23],
        [3, 8],
        [5, 1],
        [5, 9],
        [6, 12],
        [11, 4],
      ],
      januaryMoves: true,
    };
  return {
    days: [
      [1, 1],
      [1, 2],
      [1, 3],
      [1, 4],
      [1, 5],
      [1, 6],
      [1, 7],
      [1, 8],
      [2, 23],
      [3, 8],
      [5, 1],
      [5, 9],
      [6, 12],
      [11, 4],
    ],
    januaryMoves: false,
  };
}

/** The days off by the statute alone: weekends, holidays, and a weekend holiday's day moved to the next working day. */
function statutoryOff(y: number): Set<string> {
  const off = new Set<string>();
  for (let m = 1; m <= 12; m++)
    for (let d = 1; d <= new Date(Date.UTC(y, m, 0)).getUTCDate(); d++)
      if (dow(y, m, d) === 0 || dow(y, m, d) === 6) off.add(iso(y, m, d));
  const { days, januaryMoves } = holidaysOf(y);
  const holidays = new Set(days.map(([m, d]) => iso(y, m, d)));
  for (const [m, d] of days) {
    const wd = dow(y, m, d);
    if ((wd === 0 || wd === 6) && (januaryMoves || m !== 1)) {
      let t = Date.UTC(y, m - 1, d) + 86_400_000;
      const at = () => new Date(t).toISOString().slice(0, 10);
      while (off.has(at()) || holidays.has(at())) t += 86_400_000;
      off.add(at());
    }
  }
  for (const h of holidays) off.add(h);
  return off;
}

function shippedOff(y: number): Set<string> {
  const off = new Set<string>();
  years[String(y)]?.forEach((days, i) => {
    for (const s of days) if (!s.endsWith('*')) off.add(iso(y, i + 1, Number(s)));
  });
  return off;
}

describe('the shipped production calendar against the Labour Code, art. 112', () => {
  it('explains every day off of every shipped year by the statute or a listed transfer', () => {
    const unexplained: string[] = [];
    for (const y of Object.keys(years).map(Number)) {
      const data = shippedOff(y);
      const t = explained.years[String(y)] ?? { daysOff: [], workingDays: [] };
      const expected = statutoryOff(y);
      for (const d of t.daysOff) expected.add(d);
      for (const d of t.workingDays) expected.delete(d);
      for (const d of data) if (!expected.has(d)) unexplained.push(`${d} off in the data, working by law`);
      for (const d of expected) if (!data.has(d)) unexplained.push(`${d} working in the data, off by law`);
    }
    // the known discrepancies are listed (and reported) in transfers-ru.json; nothing else may differ
    expect(unexplained.sort()).toEqual(
      Object.keys(explained.suspect)
        .sort()
        .map((d) => expect.stringContaining(d)),
    );
  });

  it('has 23 March and 23 November 2026 as working days (the corrected data)', () => {
    expect(shippedOff(2026).has('2026-03-23')).toBe(false);
    expect(shippedOff(2026).has('2026-11-23')).toBe(false);
    expect(shippedOff(2026).has('2026-01-09')).toBe(true);
  });

  it('lists only real transfers: each is a weekday made off or a day off made working', () => {
    for (const [y, t] of Object.entries(explained.years)) {
      const stat = statutoryOff(Number(y));
      for (const d of t.daysOff)
        expect(stat.has(d), `${d} is listed as a transfer but is off by law`).toBe(false);
      for (const d of t.workingDays)
        expect(stat.has(d), `${d} is listed as worked but is a working day by law`).toBe(true);
      expect(t.basis.length).toBeGreaterThan(10);
    }
  });

  it('every year from 1999 to the last shipped one is there', () => {
    const ys = Object.keys(years).map(Number);
    for (let y = 1999; y <= Math.max(...ys); y++) expect(ys).toContain(y);
  });
});
