import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { Conflict } from '../../platform/errors/index.ts';
import { copyItems } from './copy-items.ts';
import { planForEditing } from './plan-access.ts';
import { type PlanRow, plansRepository as repo } from './plans.repository.ts';

/**
 * Start a new version of an approved plan: a copy in «проект» with its tree,
 * targets and actuals. The approved version stays current for readers until
 * the new one is approved. One open new version at a time; audited.
 */
export async function newPlanVersion(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { planId: string },
): Promise<PlanRow> {
  const plan = await planForEditing(deps.db, origin.actor, input.planId);
  if (plan.status !== 'approved' && plan.status !== 'completed')
    throw new Conflict('plans.conflict.notApproved');
  if (plan.supersededAt || (await repo.nextVersion(deps.db, plan.id)))
    throw new Conflict('plans.conflict.versionExists');
  const now = deps.clock.now();
  const userId = isSignedIn(origin.actor) ? origin.actor.userId : null;
  return deps.db.transaction(async (tx) => {
    const { id, createdAt: _c, updatedAt: _u, ...rest } = plan;
    const copy = await repo.insertPlan(tx, {
      ...rest,
      status: 'draft',
      version: plan.version + 1,
      previousVersionId: id,
      agreedAt: null,
      approvedAt: null,
      supersededAt: null,
      discussionId: null,
      discussionResult: null,
      createdBy: userId,
      createdAt: now,
    });
    await copyItems(tx, plan.id, copy.id, { withValues: true });
    for (const [planId, remarks] of [
      [copy.id, `Новая редакция плана (редакция ${plan.version} остаётся действующей до утверждения)`],
      [plan.id, `Начата редакция ${copy.version}`],
    ] as const)
      await repo.insertEvent(tx, {
        planId,
        action: 'new_version',
        fromStatus: planId === plan.id ? plan.status : null,
        toStatus: planId === plan.id ? plan.status : 'draft',
        actorUserId: userId,
        actorRole: 'body',
        remarks,
        at: now,
      });
    await recordAction(tx, {
      ...origin,
      action: 'plan.new_version',
      objectType: 'plan',
      objectId: copy.id,
      orgId: plan.orgId,
      details: { previous: plan.id, version: copy.version },
    });
    return copy;
  });
}
