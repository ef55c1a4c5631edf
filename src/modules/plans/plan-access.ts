import type { Actor } from '../../platform/authz/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { authorize, Conflict, NotFound } from '../../platform/errors/index.ts';
import { plansPolicy } from './plans.policy.ts';
import { type PlanRow, plansRepository as repo } from './plans.repository.ts';

/** A plan the actor may edit, or NotFound/Forbidden (a template the actor may not see is a 404). */
export async function planForEditing(db: DbOrTx, actor: Actor, planId: string): Promise<PlanRow> {
  const plan = await repo.findPlan(db, planId);
  if (!plan) throw new NotFound('plan');
  authorize(plansPolicy.canRead(actor, plan), true);
  authorize(plansPolicy.canEdit(actor, plan));
  return plan;
}

/**
 * The tree of a plan changes only in «проект» and «на обсуждении»: an agreed or
 * approved plan is changed by a new version, so the version readers saw stays.
 */
export function requireEditableTree(plan: PlanRow): void {
  if (plan.supersededAt) throw new Conflict('plans.conflict.superseded');
  if (plan.status === 'approved' || plan.status === 'completed')
    throw new Conflict('plans.conflict.approved');
  if (plan.status === 'agreement') throw new Conflict('plans.conflict.agreement');
}
