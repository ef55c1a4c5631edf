import type { Locale } from '../i18n/index.ts';
import { type LocalDate, REGION_TZ } from './index.ts';

/*
 * The one set of date formatters: every date a page, a notice or a file
 * shows goes through these, in the region's time zone.
 */

const intlLocale = (locale: Locale | string) => (locale === 'en' ? 'en-GB' : 'ru-RU');

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale | string, key: string, options: Intl.DateTimeFormatOptions) {
  const id = `${intlLocale(locale)}:${key}`;
  let f = cache.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale(locale), { timeZone: REGION_TZ, ...options });
    cache.set(id, f);
  }
  return f;
}

/** A civil date (YYYY-MM-DD, or the start of an ISO string) as Russian documents write it: 02.03.2026; '' for none. */
export function formatLocalDate(d: LocalDate | null | undefined): string {
  if (!d) return '';
  const [y, m, day] = d.slice(0, 10).split('-');
  return `${day}.${m}.${y}`;
}

/** An instant's day in the region, «15 марта 2026 г.» / «15 March 2026». */
export function formatDate(d: Date, locale: Locale | string): string {
  return formatter(locale, 'date', { day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}

/** An instant as the region's clock shows it, «02.03.2026, 09:00»; with seconds for logs. */
export function formatDateTime(d: Date, locale: Locale | string, opts: { seconds?: boolean } = {}): string {
  return formatter(locale, opts.seconds ? 'datetime-s' : 'datetime', {
    dateStyle: 'short',
    timeStyle: opts.seconds ? 'medium' : 'short',
  }).format(d);
}
