import { toLocalDate } from '../../platform/calendar/index.ts';
import type { Deps } from '../../platform/deps.ts';
import type { Locale, Translate } from '../../platform/i18n/index.ts';
import { formatCell, getObstructionFigures, type ObstructionFigures } from '../appeals/index.ts';
import type { PlanRow } from './plans.repository.ts';
import './obstruction.messages.ts';

/*
 * Concept task 6.5 in the reports: the complaints of obstructed public
 * control, counted by the appeals module (suppressed there), as one table —
 * a row per figure, a column per year — for the page, the DOCX and the PDF.
 */

/** The table's header: the figure, then the years. */
export function obstructionHead(figures: readonly ObstructionFigures[], t: Translate): string[] {
  return [t('plans.obstruction.indicator'), ...figures.map((f) => String(f.year))];
}

/** The table's rows as text: received, the findings, the measures among the confirmed. */
export function obstructionRows(
  figures: readonly ObstructionFigures[],
  t: Translate,
  locale: Locale,
): string[][] {
  const row = (key: string, cell: (f: ObstructionFigures) => string) => [t(key), ...figures.map(cell)];
  const measure = (k: 'disciplinary' | 'other' | 'none') => (f: ObstructionFigures) =>
    f.measures ? formatCell(f.measures[k], locale) : t('plans.obstruction.hidden');
  return [
    row('plans.obstruction.received', (f) => formatCell(f.received, locale)),
    row('plans.obstruction.confirmed', (f) => formatCell(f.confirmed, locale)),
    row('plans.obstruction.notConfirmed', (f) => formatCell(f.notConfirmed, locale)),
    row('plans.obstruction.withoutFinding', (f) => formatCell(f.withoutFinding, locale)),
    row('plans.obstruction.disciplinary', measure('disciplinary')),
    row('plans.obstruction.other', measure('other')),
    row('plans.obstruction.none', measure('none')),
  ];
}

/** The region's figures for each year of the comprehensive plan's period up to this one. */
export function regionObstructionFigures(
  deps: Pick<Deps, 'db' | 'clock'>,
  plan: Pick<PlanRow, 'periodStart' | 'periodEnd'>,
): Promise<ObstructionFigures[]> {
  const thisYear = Number(toLocalDate(deps.clock.now()).slice(0, 4));
  const years: number[] = [];
  for (let y = plan.periodStart; y <= Math.min(plan.periodEnd, thisYear); y++) years.push(y);
  return getObstructionFigures(deps, { years, complainedOrgId: null });
}
