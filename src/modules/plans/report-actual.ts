import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { Conflict, InvalidInput, NotFound } from '../../platform/errors/index.ts';
import { planForEditing } from './plan-access.ts';
import type { ActualInput } from './plans.input.ts';
import { type ActualRow, plansRepository as repo } from './plans.repository.ts';
import { periodInPlan } from './progress.ts';

/**
 * Report an actual value of an indicator for a period of its plan. Reporting is
 * not an edit of the plan: it goes on after approval. Refused for a period
 * outside the plan and for a plan replaced by a newer version; audited.
 */
export async function reportActual(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { planId: string; itemId: string; actual: ActualInput },
): Promise<ActualRow> {
  const plan = await planForEditing(deps.db, origin.actor, input.planId);
  const item = await repo.findItem(deps.db, input.itemId);
  if (item?.planId !== plan.id || item.kind !== 'indicator') throw new NotFound('plan_item');
  if (plan.isTemplate) throw new Conflict('plans.conflict.template');
  if (plan.supersededAt) throw new Conflict('plans.conflict.superseded');
  if (!periodInPlan(input.actual.period, plan))
    throw new InvalidInput([{ field: 'period', message: 'plans.input.periodOutside' }]);
  return deps.db.transaction(async (tx) => {
    const row = await repo.insertActual(tx, {
      itemId: item.id,
      period: input.actual.period,
      value: input.actual.value,
      reportedOn: input.actual.reportedOn,
      source: input.actual.source,
      comment: input.actual.comment,
      createdBy: isSignedIn(origin.actor) ? origin.actor.userId : null,
      createdAt: deps.clock.now(),
    });
    await recordAction(tx, {
      ...origin,
      action: 'plan_item.report',
      objectType: 'plan_item',
      objectId: item.id,
      orgId: plan.orgId,
      details: { plan: plan.id, period: input.actual.period },
    });
    return row;
  });
}
