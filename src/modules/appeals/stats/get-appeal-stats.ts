import { type DbOrTx, inTurn } from '../../../platform/db/client.ts';
import { currentTotk } from '../current-totk.ts';
import {
  emptyRawFigures,
  monthsOf,
  type Period,
  type PublicFigures,
  publishFigures,
  type RawFigures,
  type TopicCount,
} from './figures.ts';
import { isWholeMonths, statsRepository as repo } from './stats.repository.ts';

/*
 * Public statistics of appeals: aggregated, suppressed, open to anyone, so
 * there is no access check (nothing here reads a single appeal).
 */

type Totals = Omit<RawFigures, 'byTopic' | 'byMonth'>;

/** Add b's counts to a (every key of the totals). */
function addTo(a: Totals, b: Totals): void {
  for (const k of Object.keys(a) as (keyof Totals)[]) a[k] += b[k];
}

async function rawFor(db: DbOrTx, orgIds: readonly string[] | 'all', p: Period): Promise<RawFigures> {
  const totk = await currentTotk(db);
  const named = (byTopic: TopicCount[]) =>
    byTopic.map((t) => ({ ...t, name: t.code ? totk.name(t.code, 'ru') : '' }));
  if (isWholeMonths(p)) {
    // years and quarters: the precomputed months (two reads, whatever the number of appeals)
    const [months, byTopic] = await inTurn([
      () => repo.monthly(db, orgIds, p),
      () => repo.monthlyByTheme(db, orgIds, p),
    ]);
    const sum = emptyRawFigures();
    const byMonth = new Map(monthsOf(p).map((m) => [m, { month: m, received: 0, answered: 0 }]));
    for (const m of months) {
      addTo(sum, m);
      const row = byMonth.get(m.month);
      if (row) {
        row.received += m.received;
        row.answered += m.answered;
      }
    }
    return { ...sum, byTopic: named(byTopic), byMonth: [...byMonth.values()] };
  }
  const [totals, byTopic, byMonth] = await inTurn([
    () => repo.totalsByOrg(db, orgIds, p),
    () => repo.byTheme(db, orgIds, p),
    () => repo.byMonth(db, orgIds, p),
  ]);
  const sum = emptyRawFigures();
  for (const t of totals.values()) addTo(sum, t);
  return { ...sum, byTopic: named(byTopic), byMonth };
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
  let totals: Map<string, Totals>;
  if (isWholeMonths(p)) {
    totals = new Map();
    for (const m of await repo.monthly(deps.db, orgIds, p)) {
      const { orgId, month: _month, ...counts } = m;
      const t = totals.get(orgId);
      if (t) addTo(t, counts);
      else totals.set(orgId, counts);
    }
  } else totals = await repo.totalsByOrg(deps.db, orgIds, p);
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
  const years = await repo.yearsMonthly(deps.db, orgIds);
  return [...new Set([current, ...years])].sort((a, b) => b - a);
}
