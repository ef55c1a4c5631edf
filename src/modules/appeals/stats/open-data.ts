import type { DbOrTx } from '../../../platform/db/client.ts';
import { type FaqRow, publicRepository } from '../public.repository.ts';
import { yearPeriod } from './figures.ts';
import { getOrgAppealStats } from './get-appeal-stats.ts';
import { statsRepository } from './stats.repository.ts';
import type { Cell } from './suppress.ts';

/*
 * What the open-data register publishes of appeals (task 10.4): the same
 * public figures the body's appeals page shows, never a single appeal.
 */

/**
 * A body's appeals received and answered per month, up to `until` (YYYY-MM),
 * for every year it has appeals: each year's monthly breakdown exactly as its
 * public page suppresses it (under 3 hidden, a lone hidden month masked by a
 * neighbour), so the two publications cannot be combined to recover a count.
 */
export async function publicMonthlyAppealFigures(
  db: DbOrTx,
  orgId: string,
  until: string,
): Promise<{ month: string; received: Cell; answered: Cell }[]> {
  const years = (await statsRepository.years(db, [orgId])).sort((a, b) => a - b);
  const out: { month: string; received: Cell; answered: Cell }[] = [];
  for (const year of years) {
    const figures = await getOrgAppealStats({ db }, orgId, yearPeriod(year));
    out.push(...figures.byMonth.filter((m) => m.month <= until));
  }
  return out;
}

/** A body's published questions and answers (task 4.3), in the order its page shows them. */
export function listPublishedFaq(db: DbOrTx, orgId: string): Promise<FaqRow[]> {
  return publicRepository.publishedFaq(db, orgId);
}
