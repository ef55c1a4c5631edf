import { createHash } from 'node:crypto';
import { like, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../db/client.ts';
import { settings } from '../db/settings.tables.ts';
import { writeSetting } from '../db/settings.ts';
import shipped from './data/production-calendar-ru.json' with { type: 'json' };
import { type ProductionCalendar, shippedCalendar, statutoryYear, type YearData } from './index.ts';

/*
 * Administrators' calendar years, layered over the shipped data: each entered
 * year is a row of the settings table under `calendar.year.<YYYY>`. Every
 * process reads them from the database (no process-local state to drift), and
 * a change calls the listeners modules registered, in the same transaction, so
 * their deadlines in that year are recomputed together with the change.
 */

export const CALENDAR_KEY_PREFIX = 'calendar.year.';
/** settings rows `calendar.shipped.<YYYY>`: the fingerprint of the shipped data of that year the database last saw */
export const SHIPPED_KEY_PREFIX = 'calendar.shipped.';

export type EnteredYear = {
  year: number;
  months: YearData;
  /** the decree it was taken from (or «checked against the Labour Code») */
  note: string;
  enteredBy: string | null;
  enteredAt: string;
};

export type LoadedCalendar = {
  calendar: ProductionCalendar;
  /** 'shipped' or a short hash of the entered years: stored with deadlines computed from it */
  version: string;
  entered: Map<number, EnteredYear>;
};

let cache: { fingerprint: string; loaded: LoadedCalendar } | undefined;
let shippedYears: Set<number> | undefined;

/** The years the release ships decree data for. */
export function shippedYearSet(): Set<number> {
  if (!shippedYears) {
    const cal = shippedCalendar();
    shippedYears = new Set();
    for (let y = 1990; y <= 2200; y++) if (cal.hasYear(y)) shippedYears.add(y);
  }
  return shippedYears;
}

/** The production calendar in force: the shipped data with administrators' years on top. */
export async function loadCalendar(db: DbOrTx): Promise<LoadedCalendar> {
  const rows = await db
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .where(like(settings.key, `${CALENDAR_KEY_PREFIX}%`));
  rows.sort((a, b) => a.key.localeCompare(b.key));
  const fingerprint = rows.length === 0 ? '' : JSON.stringify(rows);
  if (cache && cache.fingerprint === fingerprint) return cache.loaded;
  const calendar = shippedCalendar();
  const entered = new Map<number, EnteredYear>();
  for (const r of rows) {
    const v = r.value as EnteredYear;
    calendar.setYear(v.year, v.months);
    entered.set(v.year, v);
  }
  const version =
    rows.length === 0
      ? 'shipped'
      : `entered-${createHash('sha256').update(fingerprint).digest('hex').slice(0, 12)}`;
  const loaded = { calendar, version, entered };
  cache = { fingerprint, loaded };
  return loaded;
}

/** A year's non-working days by the Labour Code alone, in the data's month lists (for the admin form). */
export function statutoryYearData(year: number): YearData {
  const months: YearData = Array.from({ length: 12 }, () => []);
  for (const d of [...statutoryYear(year)].sort()) {
    const [, m, day] = d.split('-').map(Number) as [number, number, number];
    months[m - 1]?.push(String(day));
  }
  return months;
}

/** A listener runs in the saving transaction; it returns how many deadlines it recomputed. */
export type CalendarChangeListener = (
  tx: Tx,
  change: { year: number; calendar: ProductionCalendar; version: string; now: Date },
) => Promise<number>;

const listeners = new Map<string, CalendarChangeListener>();

/** A module recomputes its deadlines when a year's calendar changes (register from its index.ts, by key). */
export function onCalendarChange(key: string, listener: CalendarChangeListener): void {
  listeners.set(key, listener);
}

/** Store an administrator's year and run every listener in the same transaction; returns the recomputed count. */
export async function saveCalendarYear(
  tx: Tx,
  entry: EnteredYear,
  now: Date,
): Promise<{ recomputed: number; version: string }> {
  const value = { ...entry };
  await writeSetting(tx, `${CALENDAR_KEY_PREFIX}${entry.year}`, value, now);
  const { calendar, version } = await loadCalendar(tx);
  let recomputed = 0;
  for (const l of listeners.values()) recomputed += await l(tx, { year: entry.year, calendar, version, now });
  return { recomputed, version };
}

/** The fingerprint of one year's data. */
export function yearFingerprint(months: YearData): string {
  return createHash('sha256').update(JSON.stringify(months)).digest('hex').slice(0, 16);
}

/** A fingerprint of each year of the shipped data (a release that corrects a year changes its fingerprint). */
export function shippedFingerprints(): Map<number, string> {
  const out = new Map<number, string>();
  for (const [y, months] of Object.entries((shipped as { years: Record<string, YearData> }).years))
    out.set(Number(y), yearFingerprint(months));
  return out;
}

/**
 * A release may ship corrected calendar data (23 March 2026 was marked a day
 * off by mistake). At start, each shipped year's fingerprint is compared with
 * the one the database saw last; a changed year (every year, the first time)
 * is handled like an administrator's change: in one transaction the listeners
 * recompute the deadlines that depend on it and the new fingerprints are
 * stored. Two processes starting at once take turns on an advisory lock, so
 * the second finds nothing changed.
 */
export async function syncShippedCalendar(
  db: Db,
  now: Date,
): Promise<{ changedYears: number[]; recomputed: number }> {
  const current = shippedFingerprints();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('calendar.shipped'))`);
    const rows = await tx
      .select({ key: settings.key, value: settings.value })
      .from(settings)
      .where(like(settings.key, `${SHIPPED_KEY_PREFIX}%`));
    const seen = new Map(rows.map((r) => [Number(r.key.slice(SHIPPED_KEY_PREFIX.length)), String(r.value)]));
    const changedYears = [...current.keys()].filter((y) => seen.get(y) !== current.get(y)).sort();
    if (changedYears.length === 0) return { changedYears, recomputed: 0 };
    for (const y of changedYears) {
      await writeSetting(tx, `${SHIPPED_KEY_PREFIX}${y}`, current.get(y), now);
    }
    const { calendar, version } = await loadCalendar(tx);
    let recomputed = 0;
    for (const year of changedYears)
      for (const l of listeners.values()) recomputed += await l(tx, { year, calendar, version, now });
    return { changedYears, recomputed };
  });
}
