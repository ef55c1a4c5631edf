import shipped from './data/production-calendar-ru.json' with { type: 'json' };

/**
 * The Russian production calendar and deadline arithmetic. Days are civil
 * dates (YYYY-MM-DD) in the region's time zone; instants become dates only
 * through toLocalDate, so a day boundary is always Europe/Kaliningrad's.
 */
export const REGION_TZ = 'Europe/Kaliningrad';

export type LocalDate = string; // YYYY-MM-DD

/** One year as the data gives it: for each month the days that are not ordinary working days ("6*" = shortened working day). */
export type YearData = string[][];

export type NonWorkingRule = 'previous' | 'next' | 'none';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseLocalDate(d: LocalDate): { y: number; m: number; day: number } {
  const m = DATE_RE.exec(d);
  if (!m) throw new RangeError(`not a date: ${d}`);
  return { y: Number(m[1]), m: Number(m[2]), day: Number(m[3]) };
}

function fromUtcMs(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10);
}

function toUtcMs(d: LocalDate): number {
  const { y, m, day } = parseLocalDate(d);
  return Date.UTC(y, m - 1, day);
}

const DAY_MS = 86_400_000;

export function addCalendarDays(d: LocalDate, n: number): LocalDate {
  return fromUtcMs(toUtcMs(d) + n * DAY_MS);
}

/** Days from a to b (b − a). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday */
export function weekday(d: LocalDate): number {
  return new Date(toUtcMs(d)).getUTCDay();
}

const dateFmt = new Intl.DateTimeFormat('en-CA', {
  timeZone: REGION_TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The civil date of an instant in the region. */
export function toLocalDate(instant: Date): LocalDate {
  return dateFmt.format(instant);
}

/**
 * Non-working holidays of the Labour Code, art. 112 part 1. Used for a year
 * without decree data; January holidays do not move when they fall on a
 * weekend (art. 112 part 2), the others move to the next working day.
 */
const STATUTORY_HOLIDAYS: [number, number][] = [
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
];

/** A year's non-working days by the statutory rules alone (no government decree on transfers). */
export function statutoryYear(year: number): Set<LocalDate> {
  const off = new Set<LocalDate>();
  const pad = (n: number) => String(n).padStart(2, '0');
  for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += DAY_MS) {
    const wd = new Date(t).getUTCDay();
    if (wd === 0 || wd === 6) off.add(fromUtcMs(t));
  }
  const isHoliday = (d: LocalDate) =>
    STATUTORY_HOLIDAYS.some(([m, day]) => d === `${year}-${pad(m)}-${pad(day)}`);
  for (const [m, day] of STATUTORY_HOLIDAYS) {
    const d = `${year}-${pad(m)}-${pad(day)}`;
    const wd = weekday(d);
    if ((wd === 0 || wd === 6) && m !== 1) {
      // the holiday falls on a weekend: the next working day becomes a day off
      let next = addCalendarDays(d, 1);
      while (off.has(next) || isHoliday(next)) next = addCalendarDays(next, 1);
      off.add(next);
    }
    off.add(d);
  }
  return off;
}

export class ProductionCalendar {
  private readonly nonWorking = new Map<number, Set<LocalDate>>();
  private readonly shortened = new Map<number, Set<LocalDate>>();

  /** years: decree data per year (shipped or entered by an administrator). */
  constructor(years: Record<string, YearData>) {
    for (const [y, months] of Object.entries(years)) this.setYear(Number(y), months);
  }

  /** Enter or replace a year's decree data (an administrator confirms the year's transfers). */
  setYear(year: number, months: YearData): void {
    if (months.length !== 12) throw new RangeError(`year ${year}: 12 months expected`);
    const off = new Set<LocalDate>();
    const short = new Set<LocalDate>();
    months.forEach((days, i) => {
      for (const raw of days) {
        const s = String(raw);
        const day = Number(s.replace('*', ''));
        const d = `${year}-${String(i + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        if (s.endsWith('*')) short.add(d);
        else off.add(d);
      }
    });
    this.nonWorking.set(year, off);
    this.shortened.set(year, short);
    this.offSortedCache.delete(year);
  }

  /** true when the year's transfers are known from a decree; false means statutory rules only. */
  hasYear(year: number): boolean {
    return this.nonWorking.has(year);
  }

  /** A date in a year without decree data: its deadlines are provisional until the year is entered. */
  isProvisional(d: LocalDate): boolean {
    return !this.hasYear(parseLocalDate(d).y);
  }

  private readonly statutoryCache = new Map<number, Set<LocalDate>>();

  private offDays(year: number): Set<LocalDate> {
    const decreed = this.nonWorking.get(year);
    if (decreed) return decreed;
    let s = this.statutoryCache.get(year);
    if (!s) {
      s = statutoryYear(year);
      this.statutoryCache.set(year, s);
    }
    return s;
  }

  isWorkingDay(d: LocalDate): boolean {
    return !this.offDays(parseLocalDate(d).y).has(d);
  }

  isShortenedDay(d: LocalDate): boolean {
    return this.shortened.get(parseLocalDate(d).y)?.has(d) ?? false;
  }

  /** The n-th working day after d (n ≥ 1); d itself is not counted. n = 0 gives d. */
  addWorkingDays(d: LocalDate, n: number): LocalDate {
    if (n < 0 || !Number.isInteger(n)) throw new RangeError('n must be a whole number ≥ 0');
    let cur = d;
    let left = n;
    while (left > 0) {
      cur = addCalendarDays(cur, 1);
      if (this.isWorkingDay(cur)) left--;
    }
    return cur;
  }

  /** Working days after `from` up to and including `to` (negative when `to` is before `from`). */
  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    if (to === from) return 0;
    const sign = to > from ? 1 : -1;
    const [a, b] = sign > 0 ? [from, to] : [to, from];
    // by years' counts, not day by day: a queue or cabinet shows this for appeals years past their deadline
    let count = this.workingThrough(b) - this.workingThrough(a);
    for (let y = parseLocalDate(a).y; y < parseLocalDate(b).y; y++)
      count += this.workingThrough(`${y}-12-31`);
    return sign * count;
  }

  private readonly offSortedCache = new Map<number, LocalDate[]>();

  /** Working days from 1 January of d's year through d. */
  private workingThrough(d: LocalDate): number {
    const { y } = parseLocalDate(d);
    let offs = this.offSortedCache.get(y);
    if (!offs) {
      // real dates of that year only (a decree's list could name a day twice, or one that does not exist)
      offs = [...this.offDays(y)].filter((x) => x.startsWith(`${y}-`) && fromUtcMs(toUtcMs(x)) === x).sort();
      this.offSortedCache.set(y, offs);
    }
    let lo = 0;
    let hi = offs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((offs[mid] as LocalDate) <= d) lo = mid + 1;
      else hi = mid;
    }
    return (toUtcMs(d) - Date.UTC(y, 0, 1)) / DAY_MS + 1 - lo;
  }

  /** Move a date off a non-working day as the deployment's rule says. */
  adjust(d: LocalDate, rule: NonWorkingRule): LocalDate {
    if (rule === 'none' || this.isWorkingDay(d)) return d;
    let cur = d;
    const step = rule === 'previous' ? -1 : 1;
    while (!this.isWorkingDay(cur)) cur = addCalendarDays(cur, step);
    return cur;
  }

  /**
   * A legal deadline: `days` calendar or working days after the starting day
   * (the starting day is not counted), moved off a non-working day by `rule`.
   * A deadline never falls on or before its starting day: when the move back
   * to the previous working day would reach it (a 7-day term over the New
   * Year holidays), the next working day is taken instead (ГК art. 193).
   */
  deadline(
    start: LocalDate,
    spec: { days: number; unit: 'calendar' | 'working'; rule?: NonWorkingRule },
  ): { date: LocalDate; provisional: boolean } {
    const raw =
      spec.unit === 'working' ? this.addWorkingDays(start, spec.days) : addCalendarDays(start, spec.days);
    let date = spec.unit === 'working' ? raw : this.adjust(raw, spec.rule ?? 'previous');
    if (date <= start && raw > start) date = this.adjust(raw, 'next');
    // provisional when any year the computation looked at lacks decree data (the raw date too: it may move back)
    const lastYear = parseLocalDate(raw > date ? raw : date).y;
    let provisional = false;
    for (let y = parseLocalDate(start).y; y <= lastYear; y++) if (!this.hasYear(y)) provisional = true;
    return { date, provisional };
  }
}

/** The calendar from the shipped data (1999–2026); administrators' entries are layered on with setYear. */
export function shippedCalendar(): ProductionCalendar {
  return new ProductionCalendar((shipped as { years: Record<string, YearData> }).years);
}
