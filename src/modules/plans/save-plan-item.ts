import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { InvalidInput, NotFound } from '../../platform/errors/index.ts';
import { planForEditing, requireEditableTree } from './plan-access.ts';
import type { ItemInput } from './plans.input.ts';
import { type PlanItemRow, plansRepository as repo } from './plans.repository.ts';
import { indexPlan } from './plans.search.ts';

/** Which parent each kind hangs under. */
const PARENT_KINDS: Record<string, readonly string[]> = {
  goal: [],
  task: ['goal'],
  indicator: ['goal', 'task'],
  activity: ['goal', 'task'],
};

/** Add an item to a plan's tree or edit one; only while the plan is a draft or in discussion; audited. */
export async function savePlanItem(
  deps: Pick<Deps, 'db'>,
  origin: Origin,
  input: { planId: string; itemId?: string | undefined; item: ItemInput },
): Promise<PlanItemRow> {
  const plan = await planForEditing(deps.db, origin.actor, input.planId);
  const existing = input.itemId ? await repo.findItem(deps.db, input.itemId) : undefined;
  if (input.itemId && existing?.planId !== plan.id) throw new NotFound('plan_item');
  requireEditableTree(plan);
  const v = input.item;
  const kind = existing?.kind ?? v.kind;
  if (v.parentId !== null) {
    const parent = await repo.findItem(deps.db, v.parentId);
    if (
      parent?.planId !== plan.id ||
      !PARENT_KINDS[kind]?.includes(parent.kind) ||
      parent.id === existing?.id
    )
      throw new InvalidInput([{ field: 'parentId', message: 'plans.input.parent' }]);
  } else if (kind !== 'goal') throw new InvalidInput([{ field: 'parentId', message: 'plans.input.parent' }]);
  if (v.implementsItemId) {
    const target = await repo.findItem(deps.db, v.implementsItemId);
    const targetPlan = target ? await repo.findPlan(deps.db, target.planId) : undefined;
    if (targetPlan?.kind !== 'comprehensive')
      throw new InvalidInput([{ field: 'implementsItemId', message: 'plans.input.implements' }]);
  }
  const fields = {
    parentId: v.parentId,
    code: v.code,
    titleRu: v.titleRu,
    descriptionRu: v.descriptionRu,
    weight: v.weight,
    unit: kind === 'indicator' ? v.unit : null,
    direction: kind === 'indicator' ? v.direction : null,
    baseline: kind === 'indicator' ? v.baseline : null,
    baselineYear: kind === 'indicator' ? v.baselineYear : null,
    contractWeight: kind === 'indicator' ? v.contractWeight : null,
    deadline: kind === 'activity' ? v.deadline : null,
    activityStatus: kind === 'activity' ? (v.activityStatus ?? 'planned') : null,
    responsibleName: v.responsibleName,
    responsiblePosition: v.responsiblePosition,
    implementsItemId: v.implementsItemId,
    links: v.links,
  };
  return deps.db.transaction(async (tx) => {
    let row: PlanItemRow;
    if (existing) {
      await repo.updateItem(tx, existing.id, fields);
      row = { ...existing, ...fields };
    } else {
      row = await repo.insertItem(tx, {
        ...fields,
        kind,
        planId: plan.id,
        position: await repo.nextPosition(tx, plan.id),
      });
    }
    await repo.updatePlan(tx, plan.id, {});
    await recordAction(tx, {
      ...origin,
      action: existing ? 'plan_item.update' : 'plan_item.create',
      objectType: 'plan_item',
      objectId: row.id,
      orgId: plan.orgId,
      details: { plan: plan.id, kind },
    });
    await indexPlan(tx, plan.id);
    return row;
  });
}
