import { REGION_TZ } from '../calendar/index.ts';
import type { Locale } from '../i18n/index.ts';

const formats = {
  ru: new Intl.DateTimeFormat('ru-RU', { timeZone: REGION_TZ, dateStyle: 'short', timeStyle: 'medium' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: REGION_TZ, dateStyle: 'short', timeStyle: 'medium' }),
};

/** A moment as the region's clock shows it. */
export function formatDateTime(d: Date, locale: Locale): string {
  return formats[locale].format(d);
}
