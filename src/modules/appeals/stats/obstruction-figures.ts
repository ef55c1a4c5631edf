import type { Deps } from '../../../platform/deps.ts';
import { type ObstructionCounts, statsRepository } from './stats.repository.ts';
import { type Cell, suppressBreakdown, suppressCount } from './suppress.ts';

/**
 * The public figures of complaints that an official obstructed public control
 * (concept task 6.5) for one year: suppressed by the appeals statistics' rule
 * (every count under 3 is «<3»; a breakdown whose total is shown hides a
 * neighbour too), so no complaint, author or official can be singled out.
 */
export type ObstructionFigures = {
  year: number;
  received: Cell;
  /** received = confirmed + not confirmed + without a finding yet (under review, withdrawn, left without answer) */
  confirmed: Cell;
  notConfirmed: Cell;
  withoutFinding: Cell;
  /** the measures among the confirmed; null when the confirmed count itself is hidden (they would add up to it) */
  measures: { disciplinary: Cell; other: Cell; none: Cell } | null;
};

function figuresOf(year: number, c: ObstructionCounts | undefined): ObstructionFigures {
  const r = c ?? { received: 0, confirmed: 0, notConfirmed: 0, disciplinary: 0, other: 0, none: 0 };
  const [confirmed, notConfirmed, withoutFinding] = suppressBreakdown([
    r.confirmed,
    r.notConfirmed,
    r.received - r.confirmed - r.notConfirmed,
  ]) as [Cell, Cell, Cell];
  const [disciplinary, other, none] = suppressBreakdown([r.disciplinary, r.other, r.none]) as [
    Cell,
    Cell,
    Cell,
  ];
  return {
    year,
    received: suppressCount(r.received),
    confirmed,
    notConfirmed,
    withoutFinding,
    measures: typeof confirmed === 'number' ? { disciplinary, other, none } : null,
  };
}

/**
 * Per year, the complaints of obstructed public control registered that year
 * about the officials of one body (`complainedOrgId`), or the region's when
 * null: public, suppressed figures for the plans module's reports.
 */
export async function getObstructionFigures(
  deps: Pick<Deps, 'db'>,
  input: { years: readonly number[]; complainedOrgId: string | null },
): Promise<ObstructionFigures[]> {
  const counts = await statsRepository.obstructionByYear(deps.db, input.years, input.complainedOrgId);
  return input.years.map((y) => figuresOf(y, counts.get(y)));
}
