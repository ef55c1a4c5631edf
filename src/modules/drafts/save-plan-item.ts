import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, NotFound } from '../../platform/errors/index.ts';
import { findOrganizationById, markOrgSectionFilled, type OrgRow } from '../orgs/index.ts';
import { orgForStaff, userIdOf } from './draft-access.ts';
import type { PlanItemInput } from './drafts.input.ts';
import { canManageDrafts } from './drafts.policy.ts';
import { type PlanItemRow, draftsRepository as repo } from './drafts.repository.ts';

/** Add a planned act to a body's legislative plan, or change one (`id`). */
export async function savePlanItem(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { slug: string; id?: string | undefined; item: PlanItemInput },
): Promise<PlanItemRow> {
  return deps.db.transaction(async (tx) => {
    const org = await orgForStaff(tx, origin.actor, input.slug);
    const now = deps.clock.now();
    const i = input.item;
    const fields = {
      year: i.year,
      horizon: i.horizon,
      yearTo: i.horizon === 'medium_term' ? i.yearTo : null,
      title: i.title,
      problem: i.problem,
      affects: i.affects,
      actType: i.actType,
      plannedFrom: i.plannedFrom,
      plannedTo: i.plannedTo,
      responsibleName: i.responsibleName,
      responsiblePosition: i.responsiblePosition,
      state: i.state,
      councilOpinion: i.councilOpinion,
      updatedAt: now,
    };
    let row: PlanItemRow;
    if (input.id) {
      const old = await repo.planItem(tx, input.id);
      if (!old || old.orgId !== org.id) throw new NotFound();
      const opinionChanged = (old.councilOpinion ?? null) !== (i.councilOpinion ?? null);
      await repo.updatePlanItem(tx, old.id, {
        ...fields,
        councilOpinionAt: opinionChanged ? (i.councilOpinion ? now : null) : old.councilOpinionAt,
      });
      row = { ...old, ...fields };
    } else {
      row = await repo.insertPlanItem(tx, {
        ...fields,
        orgId: org.id,
        councilOpinionAt: i.councilOpinion ? now : null,
        createdBy: userIdOf(origin),
        createdAt: now,
      });
    }
    await markOrgSectionFilled(tx, org.id, 'regulation', now);
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: input.id ? 'legislative_plan.update' : 'legislative_plan.add',
      objectType: 'legislative_plan_item',
      objectId: row.id,
      orgId: org.id,
      details: { year: i.year, state: i.state },
    });
    return row;
  });
}

/** A plan item for its edit form (staff of its body only). */
export async function getPlanItemForStaff(
  deps: Pick<Deps, 'db'>,
  origin: Origin,
  id: string,
): Promise<{ item: PlanItemRow; org: OrgRow }> {
  const item = await repo.planItem(deps.db, id);
  if (!item) throw new NotFound();
  const org = await findOrganizationById(deps.db, item.orgId);
  if (!org) throw new NotFound();
  authorize(canManageDrafts(origin.actor, org));
  return { item, org };
}
