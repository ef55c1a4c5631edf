import type { DbOrTx } from '../../../platform/db/client.ts';
import { currentTotk } from '../current-totk.ts';
import {
  emptyRawFigures,
  type Period,
  type PublicFigures,
  publishFigures,
  type RawFigures,
} from './figures.ts';
import { statsRepository as repo } from './stats.repository.ts';

/*
 * Public statistics of appeals: aggregated, suppressed, open to anyone, so
 * there is no access check (nothing here reads a single appeal).
 */

async function rawFor(db: DbOrTx, orgIds: readonly string[] | 'all', p: Period): Promise<RawFigures> {
  const [totals, byTopic, byMonth] = await Promise.all([
    repo.totalsByOrg(db, orgIds, p),
    repo.byTheme(db, orgIds, p),
    repo.byMonth(db, orgIds, p),
  ]);
  const sum = emptyRawFigures();
  for (const t of totals.values()) {
    for (const k of Object.keys(t) as (keyof typeof t)[]) sum[k] += t[k];
  }
  const totk = await currentTotk(db);
  return {
    ...sum,
    byTopic: byTopic.map((t) => ({ ...t, name: t.code ? totk.name(t.code, 'ru') : '' })),
    byMonth,
  };
}

/** One body's figures over a period, suppressed for publication. */
export async function getOrgAppealStats(
  deps: { db: DbOrTx },
  orgId: string,
  p: Period,
): Promise<PublicFigures> {
  return publishFigures(await rawFor(deps.db, [orgId], p));
}

/** The region's figures over a period (the given bodies, or all), suppressed for publication. */
export async function getRegionTotals(
  deps: { db: DbOrTx },
  orgIds: readonly string[] | 'all',
  p: Period,
): Promise<PublicFigures> {
  return publishFigures(await rawFor(deps.db, orgIds, p));
}

/** Every body's summary figures over a period (no breakdowns), suppressed; bodies without appeals get zeros. */
export async function getFiguresByOrg(
  deps: { db: DbOrTx },
  orgIds: readonly string[],
  p: Period,
): Promise<Map<string, PublicFigures>> {
  const totals = await repo.totalsByOrg(deps.db, orgIds, p);
  return new Map(
    orgIds.map((id) => [
      id,
      publishFigures({ ...emptyRawFigures(), ...totals.get(id), byTopic: [], byMonth: [] }),
    ]),
  );
}

/** Years with appeals (newest first), always including the current one. */
export async function getStatsYears(
  deps: { db: DbOrTx },
  orgIds: readonly string[] | 'all',
  current: number,
) {
  const years = await repo.years(deps.db, orgIds);
  return [...new Set([current, ...years])].sort((a, b) => b - a);
}
