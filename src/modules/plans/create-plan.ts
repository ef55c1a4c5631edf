import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, InvalidInput } from '../../platform/errors/index.ts';
import { markOrgSectionFilled } from '../orgs/index.ts';
import { copyItems } from './copy-items.ts';
import type { PlanInput } from './plans.input.ts';
import { plansPolicy } from './plans.policy.ts';
import { type PlanRow, plansRepository as repo } from './plans.repository.ts';
import { indexPlan } from './plans.search.ts';

/**
 * Create a plan in «проект», blank or from the project office's template (its
 * directions and target indicators copied; the body fills in targets); audited.
 */
export async function createPlan(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: PlanInput,
): Promise<PlanRow> {
  authorize(plansPolicy.canCreate(origin.actor, input.orgId));
  const template = input.templateId ? await repo.findPlan(deps.db, input.templateId) : undefined;
  if (input.templateId && !template?.isTemplate)
    throw new InvalidInput([{ field: 'templateId', message: 'plans.input.template' }]);
  const userId = isSignedIn(origin.actor) ? origin.actor.userId : null;
  return deps.db.transaction(async (tx) => {
    const plan = await repo.insertPlan(tx, {
      orgId: input.orgId,
      kind: template?.kind ?? input.kind,
      titleRu: input.titleRu,
      summaryRu: input.summaryRu ?? template?.summaryRu ?? null,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      templateId: template?.id ?? null,
      createdBy: userId,
    });
    if (template) await copyItems(tx, template.id, plan.id, { withValues: false });
    await repo.insertEvent(tx, {
      planId: plan.id,
      action: 'created',
      toStatus: 'draft',
      actorUserId: userId,
      remarks: template ? `По шаблону: ${template.titleRu}` : null,
      at: deps.clock.now(),
    });
    await markOrgSectionFilled(tx, plan.orgId, 'plans', deps.clock.now());
    await recordAction(tx, {
      ...origin,
      action: 'plan.create',
      objectType: 'plan',
      objectId: plan.id,
      orgId: plan.orgId,
      details: { kind: plan.kind, template: template?.id ?? null },
    });
    await indexPlan(tx, plan.id);
    return plan;
  });
}
