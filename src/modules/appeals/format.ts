import { type LocalDate, type ProductionCalendar, toLocalDate } from '../../platform/calendar/index.ts';

/** 2026-03-02 → 02.03.2026, as Russian documents write dates. */
export function formatLocalDate(d: LocalDate): string {
  const [y, m, day] = d.split('-');
  return `${day}.${m}.${y}`;
}

/** Where the author follows an appeal. */
export function statusPath(number: string): string {
  return `/cabinet/appeals/${encodeURIComponent(number)}`;
}

/** Working days from today (Europe/Kaliningrad) up to the deadline, negative once it has passed. */
export function workingDaysLeft(cal: ProductionCalendar, dueDate: LocalDate, now: Date): number {
  return cal.workingDaysBetween(toLocalDate(now), dueDate);
}
