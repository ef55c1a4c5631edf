import type { Locale, Translate } from '../../../platform/i18n/index.ts';
import type { PublicFigures } from './figures.ts';
import { formatCell, formatMeasure } from './suppress.ts';

/** One line of the summary table: a figure's label and its public value. */
export type FigureRow = { key: string; label: string; value: string };

/** The summary figures in the order every page, the DOCX review and the comparison show them. */
export function figureRows(f: PublicFigures, t: Translate, locale: Locale): FigureRow[] {
  const c = (key: keyof PublicFigures & string, v: PublicFigures[keyof PublicFigures]) => ({
    key,
    label: t(`appeals.stats.${key}`),
    value:
      typeof v === 'number' || typeof v === 'string' ? formatCell(v, locale) : formatMeasure(null, locale),
  });
  return [
    c('received', f.received),
    c('answered', f.answered),
    c('answeredOnTime', f.answeredOnTime),
    {
      key: 'onTimeShare',
      label: t('appeals.stats.onTimeShare'),
      value: formatMeasure(f.onTimeShare, locale, ' %'),
    },
    c('forwarded', f.forwarded),
    c('leftWithoutAnswer', f.leftWithoutAnswer),
    c('extended', f.extended),
    c('inReview', f.inReview),
    {
      key: 'averageDaysToAnswer',
      label: t('appeals.stats.averageDaysToAnswer'),
      value: formatMeasure(f.averageDaysToAnswer, locale),
    },
    c('rated', f.rated),
    {
      key: 'satisfiedShare',
      label: t('appeals.stats.satisfiedShare'),
      value: formatMeasure(f.satisfiedShare, locale, ' %'),
    },
    c('infoRequests', f.infoRequests),
    c('mediaRequests', f.mediaRequests),
    c('corruptionReports', f.corruptionReports),
  ];
}

const MONTHS_RU = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const SHORT_RU = ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];
const SHORT_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** «январь 2026» from 2026-01. */
export function monthLabel(month: string, locale: Locale): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${(locale === 'en' ? MONTHS_EN : MONTHS_RU)[m - 1]} ${y}`;
}

/** «янв» from 2026-01, for chart axes (the table beside says the full month). */
export function shortMonthLabel(month: string, locale: Locale): string {
  const m = Number(month.slice(5, 7));
  return (locale === 'en' ? SHORT_EN : SHORT_RU)[m - 1] as string;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
/** «I квартал» / «Q1». */
export function quarterLabel(q: 1 | 2 | 3 | 4, t: Translate): string {
  return t('appeals.review.quarter', { q: ROMAN[q - 1] as string, n: q });
}
