import type { Deps } from '../../platform/deps.ts';
import { NotFound } from '../../platform/errors/index.ts';
import { findOrganizationBySlug, type OrgRow } from '../orgs/index.ts';
import { loadPlanView } from './get-plan.ts';
import { flatten } from './plan-tree.ts';
import type { PlanItemRow, PlanRow } from './plans.repository.ts';
import { plansRepository as repo } from './plans.repository.ts';
import {
  type Direction,
  indicatorProgress,
  type PeriodStatus,
  parsePeriod,
  periodStatus,
  rollUp,
} from './progress.ts';

export type ContractLine = {
  plan: PlanRow;
  item: PlanItemRow;
  weight: number;
  target: number | null;
  actual: number | null;
  status: PeriodStatus | null;
  progress: number | null;
};

export type EffectiveContract = {
  org: OrgRow;
  year: number;
  years: number[];
  lines: ContractLine[];
  result: number | null;
};

/**
 * The head's effective contract (task 5.3): the indicators of the body's
 * current plans marked with a contract weight, each with the year's target,
 * the year's actual (the annual value, else the latest quarter of the year),
 * its status and progress; the result is their weighted average by the
 * contract weights. The monitoring module reads the same figures.
 */
export async function getEffectiveContract(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: { slug: string; year?: number | undefined },
): Promise<EffectiveContract> {
  const org = await findOrganizationBySlug(deps.db, input.slug);
  if (!org) throw new NotFound('organization');
  const plans = (await repo.plansOfOrg(deps.db, org.id)).filter((p) => !p.supersededAt);
  const thisYear = Number(deps.clock.now().toISOString().slice(0, 4));
  const years = [
    ...new Set(
      plans.flatMap((p) =>
        Array.from({ length: p.periodEnd - p.periodStart + 1 }, (_, i) => p.periodStart + i),
      ),
    ),
  ].sort();
  const year =
    input.year && years.includes(input.year)
      ? input.year
      : years.includes(thisYear)
        ? thisYear
        : (years.at(-1) ?? thisYear);
  const lines: ContractLine[] = [];
  for (const plan of plans) {
    if (year < plan.periodStart || year > plan.periodEnd) continue;
    const view = await loadPlanView(deps, org, plan);
    for (const n of flatten(view.tree.roots)) {
      if (n.item.kind !== 'indicator' || n.item.contractWeight === null || !n.series) continue;
      const target = n.series.targets.get(String(year)) ?? null;
      let actual = n.series.actuals.get(String(year)) ?? null;
      if (actual === null) {
        const quarters = [...n.series.actuals.keys()]
          .filter((p) => parsePeriod(p)?.year === year && p.includes('Q'))
          .sort();
        const last = quarters.at(-1);
        actual = last ? (n.series.actuals.get(last) ?? null) : null;
      }
      const direction = (n.item.direction as Direction | null) ?? 'up';
      lines.push({
        plan,
        item: n.item,
        weight: n.item.contractWeight,
        target,
        actual,
        status: target === null ? null : periodStatus(target, actual ?? undefined, direction),
        progress:
          target !== null && actual !== null
            ? indicatorProgress(target, actual, direction, n.item.baseline)
            : null,
      });
    }
  }
  return {
    org,
    year,
    years,
    lines,
    result: rollUp(lines.map((l) => ({ progress: l.progress, weight: l.weight }))),
  };
}
