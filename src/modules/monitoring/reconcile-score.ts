import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, Conflict, InvalidInput, NotFound } from '../../platform/errors/index.ts';
import { onScale } from './monitoring.model.ts';
import { monitoringPolicy } from './monitoring.policy.ts';
import { monitoringRepository as repo } from './monitoring.repository.ts';

/** The project office's reconciled value of a criterion the experts scored too far apart, with its reasons. Audited. */
export async function reconcileScore(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { cycleId: string; orgId: string; criterionId: string; value: number; note: string },
): Promise<void> {
  authorize(monitoringPolicy.canRun(origin.actor));
  const cycle = await repo.findCycle(deps.db, input.cycleId);
  const criterion = await repo.findCriterion(deps.db, input.criterionId);
  if (!cycle || !criterion || criterion.methodologyId !== cycle.methodologyId)
    throw new NotFound('criterion');
  if (cycle.status === 'published') throw new Conflict('monitoring.conflict.closed');
  if (!onScale(criterion.scale, input.value))
    throw new InvalidInput([{ field: 'value', message: 'monitoring.err.outOfScale' }]);
  await deps.db.transaction(async (tx) => {
    await repo.upsertReconciliation(tx, {
      cycleId: cycle.id,
      orgId: input.orgId,
      criterionId: criterion.id,
      value: input.value,
      note: input.note,
      decidedBy: isSignedIn(origin.actor) ? origin.actor.userId : null,
      decidedAt: deps.clock.now(),
    });
    await recordAction(tx, {
      ...origin,
      action: 'monitoring.expert.reconcile',
      objectType: 'monitoring_cycle',
      objectId: cycle.id,
      orgId: input.orgId,
      details: { criterion: criterion.code, value: input.value },
    });
  });
}
