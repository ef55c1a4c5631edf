import { parseLocalDate, toLocalDate } from '../../../platform/calendar/index.ts';

/** The rating period of an instant: the quarter in the region, `2026-Q4`. */
export function periodOf(instant: Date): string {
  const { y, m } = parseLocalDate(toLocalDate(instant));
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
}

/** «IV квартал 2026» / "Q4 2026" */
export function periodLabel(period: string, locale: 'ru' | 'en'): string {
  const [y, q] = period.split('-Q');
  return locale === 'en' ? `Q${q} ${y}` : `${['I', 'II', 'III', 'IV'][Number(q) - 1] ?? q} квартал ${y}`;
}
