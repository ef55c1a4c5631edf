import { toLocalDate } from '../../../platform/calendar/index.ts';
import type { PollRow, SurveyRow } from './polls.repository.ts';

export type PeriodState = 'upcoming' | 'open' | 'closed';

/** Where a poll or survey stands on a local day (periods are whole days in Europe/Kaliningrad). */
export function periodState(
  p: Pick<PollRow | SurveyRow, 'opensOn' | 'closesOn'>,
  today: string,
): PeriodState {
  if (today < p.opensOn) return 'upcoming';
  if (today > p.closesOn) return 'closed';
  return 'open';
}

/** Today in the region, from the clock. */
export function todayOf(clock: { now(): Date }): string {
  return toLocalDate(clock.now());
}
