import type { DbOrTx } from '../../platform/db/client.ts';
import { plansRepository as repo } from './plans.repository.ts';

/** One indicator of a public plan in one period: its target and the latest reported actual. */
export type IndicatorValue = {
  orgId: string;
  planId: string;
  planTitle: string;
  planKind: string;
  planStatus: string;
  code: string | null;
  indicator: string;
  unit: string | null;
  direction: string | null;
  baseline: number | null;
  period: string;
  target: number | null;
  actual: number | null;
};

/**
 * Every indicator of every public plan in force (not a template, not replaced
 * by a later version), one row per period that has a target or an actual
 * (task 10.4: plans, indicators and their values as open data).
 */
export async function listPublicIndicatorValues(db: DbOrTx, orgId?: string): Promise<IndicatorValue[]> {
  const out: IndicatorValue[] = [];
  const byItem = <T extends { itemId: string; period: string; value: number | null }>(rows: T[]) => {
    const m = new Map<string, Map<string, number | null>>();
    // later rows win: actuals come oldest first, so the latest per period is kept
    for (const r of rows) {
      const periods = m.get(r.itemId) ?? new Map<string, number | null>();
      periods.set(r.period, r.value);
      m.set(r.itemId, periods);
    }
    return m;
  };
  for (const plan of (await repo.publicPlans(db, orgId)).filter((p) => !p.supersededAt)) {
    const indicators = (await repo.items(db, plan.id)).filter((i) => i.kind === 'indicator');
    const ids = indicators.map((i) => i.id);
    const [targets, actuals] = await Promise.all([repo.targets(db, ids), repo.actuals(db, ids)]);
    const targetsOf = byItem(targets);
    const actualsOf = byItem(actuals);
    for (const item of indicators) {
      const target = targetsOf.get(item.id) ?? new Map<string, number | null>();
      const actual = actualsOf.get(item.id) ?? new Map<string, number | null>();
      for (const period of [...new Set([...target.keys(), ...actual.keys()])].sort())
        out.push({
          orgId: plan.orgId,
          planId: plan.id,
          planTitle: plan.titleRu,
          planKind: plan.kind,
          planStatus: plan.status,
          code: item.code,
          indicator: item.titleRu,
          unit: item.unit,
          direction: item.direction,
          baseline: item.baseline,
          period,
          target: target.get(period) ?? null,
          actual: actual.get(period) ?? null,
        });
    }
  }
  return out;
}
