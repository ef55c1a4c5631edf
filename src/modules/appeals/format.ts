import { type LocalDate, type ProductionCalendar, toLocalDate } from '../../platform/calendar/index.ts';

/** Where the author follows an appeal. */
export function statusPath(number: string): string {
  return `/cabinet/appeals/${encodeURIComponent(number)}`;
}

/** Working days from today (Europe/Kaliningrad) up to the deadline, negative once it has passed. */
export function workingDaysLeft(cal: ProductionCalendar, dueDate: LocalDate, now: Date): number {
  return cal.workingDaysBetween(toLocalDate(now), dueDate);
}
