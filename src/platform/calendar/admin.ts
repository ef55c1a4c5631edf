import { z } from 'zod';
import { type Origin, recordAction } from '../audit/index.ts';
import { type Actor, hasGlobalRole } from '../authz/index.ts';
import type { Deps } from '../deps.ts';
import { authorize, InvalidInput } from '../errors/index.ts';
import { type ProductionCalendar, shippedCalendar, type YearData } from './index.ts';
import { loadCalendar, saveCalendarYear, shippedYearSet, statutoryYearData } from './store.ts';

/** Administrators keep the production calendar (the deadlines of every body depend on it). */
export const calendarPolicy = {
  canManageCalendar: (a: Actor): boolean => hasGlobalRole(a, 'admin'),
};

const DAYS_RE = /^\s*(\d{1,2}\*?)(\s*[,;\s]\s*\d{1,2}\*?)*\s*$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The admin form: twelve lists of days (m1 … m12) and the decree they come from. */
export function calendarYearInput(year: number) {
  const month = z.string().max(200, 'calendar.days.invalid').optional().default('');
  const shape: Record<string, typeof month> = {};
  for (let m = 1; m <= 12; m++) shape[`m${m}`] = month;
  return z
    .object({
      ...shape,
      note: z.string().trim().max(300, 'calendar.sourceNote.required').optional().default(''),
    })
    .transform((v, ctx) => {
      const months: YearData = [];
      for (let m = 1; m <= 12; m++) {
        const raw = String((v as Record<string, string>)[`m${m}`] ?? '').trim();
        if (raw === '') {
          months.push([]);
          continue;
        }
        if (!DAYS_RE.test(raw)) {
          ctx.addIssue({ code: 'custom', path: [`m${m}`], message: 'calendar.days.invalid' });
          months.push([]);
          continue;
        }
        const days = raw.split(/[\s,;]+/).filter(Boolean);
        const max = daysInMonth(year, m);
        if (days.some((d) => Number(d.replace('*', '')) < 1 || Number(d.replace('*', '')) > max))
          ctx.addIssue({ code: 'custom', path: [`m${m}`], message: 'calendar.days.outOfMonth' });
        const unique = [...new Map(days.map((d) => [Number(d.replace('*', '')), d])).values()];
        months.push(unique.sort((a, b) => Number(a.replace('*', '')) - Number(b.replace('*', ''))));
      }
      // checked here, not in the object, so every wrong field is reported at once
      if (v.note === '')
        ctx.addIssue({ code: 'custom', path: ['note'], message: 'calendar.sourceNote.required' });
      return { months, note: v.note };
    });
}

export type CalendarYearRow = {
  year: number;
  source: 'shipped' | 'entered' | 'statutory';
  offDays: number;
  note: string | null;
};

/** The years an administrator sees: recent shipped years, every entered year, and the next years. */
export async function listCalendarYears(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
): Promise<CalendarYearRow[]> {
  authorize(calendarPolicy.canManageCalendar(actor));
  const { calendar, entered } = await loadCalendar(deps.db);
  const thisYear = deps.clock.now().getUTCFullYear();
  const years = new Set<number>([thisYear - 1, thisYear, thisYear + 1, thisYear + 2, ...entered.keys()]);
  const shipped = shippedYearSet();
  return [...years]
    .sort((a, b) => b - a)
    .map((year) => {
      const e = entered.get(year);
      const source = e ? 'entered' : shipped.has(year) ? 'shipped' : 'statutory';
      let offDays = 0;
      for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86_400_000)
        if (!calendar.isWorkingDay(new Date(t).toISOString().slice(0, 10))) offDays++;
      return { year, source, offDays, note: e?.note ?? null };
    });
}

/** The form's starting values for a year: what is in force, or the Labour Code's days when nothing is. */
export async function calendarYearForm(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  year: number,
): Promise<{ values: Record<string, string>; source: CalendarYearRow['source'] }> {
  authorize(calendarPolicy.canManageCalendar(actor));
  const { entered } = await loadCalendar(deps.db);
  const e = entered.get(year);
  const shipped = shippedYearSet().has(year);
  let months: YearData;
  if (e) months = e.months;
  else if (shipped) months = shippedMonths(year);
  else months = statutoryYearData(year);
  const values: Record<string, string> = { note: e?.note ?? '' };
  months.forEach((days, i) => {
    values[`m${i + 1}`] = days.join(', ');
  });
  return { values, source: e ? 'entered' : shipped ? 'shipped' : 'statutory' };
}

function shippedMonths(year: number): YearData {
  // read back from the shipped data through the calendar's own API, day by day
  return Array.from({ length: 12 }, (_, i) => {
    const out: string[] = [];
    for (let d = 1; d <= daysInMonth(year, i + 1); d++) {
      const date = `${year}-${String(i + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      if (!shippedCal().isWorkingDay(date)) out.push(String(d));
      else if (shippedCal().isShortenedDay(date)) out.push(`${d}*`);
    }
    return out;
  });
}

let shippedInstance: ProductionCalendar | undefined;
function shippedCal(): ProductionCalendar {
  shippedInstance ??= shippedCalendar();
  return shippedInstance;
}

/**
 * An administrator enters or confirms a year's transfers. The year then counts
 * as decree data (deadlines in it are no longer provisional) and every module's
 * deadlines falling in it are recomputed in the same transaction.
 */
export async function confirmCalendarYear(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { year: number; months: YearData; note: string },
): Promise<{ recomputed: number }> {
  authorize(calendarPolicy.canManageCalendar(origin.actor));
  if (!Number.isInteger(input.year) || input.year < 1999 || input.year > 2100)
    throw new InvalidInput([{ field: 'year', message: 'calendar.year.invalid' }]);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const { recomputed, version } = await saveCalendarYear(
      tx,
      {
        year: input.year,
        months: input.months,
        note: input.note,
        enteredBy: origin.actor.kind === 'user' ? origin.actor.userId : null,
        enteredAt: now.toISOString(),
      },
      now,
    );
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'calendar.year_confirm',
      objectType: 'calendar_year',
      objectId: String(input.year),
      details: { note: input.note, version, recomputed },
    });
    return { recomputed };
  });
}
