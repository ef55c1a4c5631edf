import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { InvalidInput, NotFound } from '../../platform/errors/index.ts';
import { planForEditing, requireEditableTree } from './plan-access.ts';
import { plansRepository as repo } from './plans.repository.ts';
import { comparePeriods, type Direction, directionContradictsBaseline, periodInPlan } from './progress.ts';

/**
 * Set an indicator's targets per period (year or quarter). Refused: a period
 * outside the plan, and targets that aim against the indicator's direction
 * from its baseline. Only while the plan's tree may change; audited.
 */
export async function setIndicatorTargets(
  deps: Pick<Deps, 'db'>,
  origin: Origin,
  input: { planId: string; itemId: string; targets: ReadonlyMap<string, number> },
): Promise<void> {
  const plan = await planForEditing(deps.db, origin.actor, input.planId);
  const item = await repo.findItem(deps.db, input.itemId);
  if (item?.planId !== plan.id || item.kind !== 'indicator') throw new NotFound('plan_item');
  requireEditableTree(plan);
  const outside = [...input.targets.keys()].filter((p) => !periodInPlan(p, plan));
  if (outside.length > 0)
    throw new InvalidInput(
      outside.map((p) => ({ field: `target_${p}`, message: 'plans.input.periodOutside' })),
    );
  const ordered = [...input.targets].sort(([a], [b]) => comparePeriods(a, b)).map(([, v]) => v);
  if (directionContradictsBaseline((item.direction as Direction) ?? 'up', item.baseline, ordered))
    throw new InvalidInput([{ field: 'form', message: 'plans.input.directionContradicts' }]);
  await deps.db.transaction(async (tx) => {
    await repo.setTargets(tx, item.id, input.targets);
    await recordAction(tx, {
      ...origin,
      action: 'plan_item.targets',
      objectType: 'plan_item',
      objectId: item.id,
      orgId: plan.orgId,
      details: { plan: plan.id, periods: [...input.targets.keys()] },
    });
  });
}
