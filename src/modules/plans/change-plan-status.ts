import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { type Actor, isSignedIn } from '../../platform/authz/index.ts';
import type { Db } from '../../platform/db/client.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, Conflict, InvalidInput, NotFound } from '../../platform/errors/index.ts';
import { closePlanDiscussion, openPlanDiscussion, reopenPlanDiscussion } from './plan-discussion.ts';
import type { PlanAction, PlanStatus, TransitionInput } from './plans.input.ts';
import { plansPolicy } from './plans.policy.ts';
import { type PlanRow, plansRepository as repo } from './plans.repository.ts';
import { indexPlan } from './plans.search.ts';

type Step = {
  from: readonly PlanStatus[];
  to: (plan: PlanRow) => PlanStatus;
  allowed: (actor: Actor, plan: PlanRow) => boolean;
  /** how the history names the one who acted */
  role: string;
};

/**
 * The approval route (tasks 5.2, section V): проект → на обсуждении → на
 * согласовании (the commission agrees, or returns with remarks) → утверждён
 * (by the head) → исполнен. A departmental openness plan needs the
 * commission's agreement before the head approves it.
 */
export const STEPS: Record<PlanAction, Step> = {
  start_discussion: {
    from: ['draft'],
    to: () => 'discussion',
    allowed: plansPolicy.canEdit,
    role: 'body',
  },
  submit: {
    from: ['draft', 'discussion'],
    to: () => 'agreement',
    allowed: plansPolicy.canEdit,
    role: 'body',
  },
  agree: {
    from: ['agreement'],
    to: () => 'agreement',
    allowed: (a) => plansPolicy.canAgree(a),
    role: 'commission',
  },
  return: {
    from: ['discussion', 'agreement'],
    to: () => 'draft',
    allowed: (a, p) => plansPolicy.canAgree(a) || plansPolicy.canApprove(a, p),
    role: 'commission',
  },
  approve: { from: ['agreement'], to: () => 'approved', allowed: plansPolicy.canApprove, role: 'head' },
  complete: { from: ['approved'], to: () => 'completed', allowed: plansPolicy.canEdit, role: 'body' },
};

/** The steps this actor may take on the plan now (the buttons staff see). */
export function availableSteps(actor: Actor, plan: PlanRow): PlanAction[] {
  if (plan.isTemplate || plan.supersededAt) return [];
  return (Object.keys(STEPS) as PlanAction[]).filter((a) => {
    const s = STEPS[a];
    if (!s.from.includes(plan.status as PlanStatus) || !s.allowed(actor, plan)) return false;
    if (a === 'agree' && plan.agreedAt) return false;
    if (a === 'approve' && plan.kind === 'departmental_openness' && !plan.agreedAt) return false;
    return true;
  });
}

/** Take one step of the approval route with its remarks; history, audit in one transaction. */
export async function changePlanStatus(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { planId: string; step: TransitionInput },
): Promise<PlanRow> {
  const plan = await repo.findPlan(deps.db, input.planId);
  if (!plan) throw new NotFound('plan');
  authorize(plansPolicy.canRead(origin.actor, plan), true);
  const { action, remarks } = input.step;
  const step = STEPS[action];
  authorize(step.allowed(origin.actor, plan));
  if (!availableSteps(origin.actor, plan).includes(action)) throw new Conflict('plans.conflict.step');
  if (action === 'submit' && plan.status === 'discussion' && !input.step.discussionResult)
    throw new InvalidInput([{ field: 'discussionResult', message: 'plans.input.discussionResult' }]);
  const now = deps.clock.now();
  const to = step.to(plan);
  return deps.db.transaction(async (tx) => {
    const set: Partial<PlanRow> = { status: to };
    if (action === 'agree') set.agreedAt = now;
    if (action === 'return') set.agreedAt = null;
    if (action === 'submit' && input.step.discussionResult)
      set.discussionResult = input.step.discussionResult;
    if (action === 'approve') {
      set.approvedAt = now;
      // the new version replaces the approved one only now: until then readers see the approved one
      if (plan.previousVersionId) await repo.updatePlan(tx, plan.previousVersionId, { supersededAt: now });
    }
    // the comments are the participation engine's: one discussion per plan, its items as anchors;
    // it takes comments while the plan is «на обсуждении», and reopens when the plan is put up again
    const engine = { db: tx as unknown as Db, clock: deps.clock };
    if (action === 'start_discussion' && !plan.discussionId)
      set.discussionId = await openPlanDiscussion(engine, origin, plan);
    else if (action === 'start_discussion') await reopenPlanDiscussion(engine, origin, plan);
    if (plan.status === 'discussion' && to !== 'discussion') await closePlanDiscussion(engine, origin, plan);
    await repo.updatePlan(tx, plan.id, set);
    await indexPlan(tx, plan.id);
    if (action === 'approve' && plan.previousVersionId) await indexPlan(tx, plan.previousVersionId);
    await repo.insertEvent(tx, {
      planId: plan.id,
      action,
      fromStatus: plan.status,
      toStatus: to,
      actorUserId: isSignedIn(origin.actor) ? origin.actor.userId : null,
      actorRole: step.role,
      remarks: remarks ?? (action === 'submit' ? (input.step.discussionResult ?? null) : null),
      at: now,
    });
    await recordAction(tx, {
      ...origin,
      action: `plan.${action}`,
      objectType: 'plan',
      objectId: plan.id,
      orgId: plan.orgId,
      details: { from: plan.status, to },
    });
    return { ...plan, ...set } as PlanRow;
  });
}
