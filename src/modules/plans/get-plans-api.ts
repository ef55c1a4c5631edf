import type { Actor } from '../../platform/authz/index.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, NotFound } from '../../platform/errors/index.ts';
import { findOrganizationBySlug, findOrganizationsByIds, type OrgRow } from '../orgs/index.ts';
import { loadPlanView, type PlanView } from './get-plan.ts';
import { buildPlanTree, type PlanNode } from './plan-tree.ts';
import { plansPolicy } from './plans.policy.ts';
import { type PlanRow, plansRepository as repo } from './plans.repository.ts';

/** Each plan's overall progress, in three statements whatever the number of plans. */
async function plansProgress(
  deps: Pick<Deps, 'db' | 'clock'>,
  plans: readonly PlanRow[],
): Promise<Map<string, number | null>> {
  const items = await repo.itemsOfPlans(
    deps.db,
    plans.map((p) => p.id),
  );
  const ids = items.map((i) => i.id);
  const [targets, actuals] = await Promise.all([repo.targets(deps.db, ids), repo.actuals(deps.db, ids)]);
  const planOf = new Map(items.map((i) => [i.id, i.planId]));
  const today = toLocalDate(deps.clock.now());
  return new Map(
    plans.map((p) => [
      p.id,
      buildPlanTree(
        items.filter((i) => i.planId === p.id),
        targets.filter((t) => planOf.get(t.itemId) === p.id),
        actuals.filter((a) => planOf.get(a.itemId) === p.id),
        today,
      ).progress,
    ]),
  );
}

/** Public plans for the API, filtered by organisation and kind, paged; each with its progress. */
export async function listPlansApi(
  deps: Pick<Deps, 'db' | 'clock'>,
  q: { organization?: string | undefined; kind?: string | undefined; page: number; perPage: number },
): Promise<{ items: { plan: PlanRow; org: OrgRow; progress: number | null }[]; total: number }> {
  let plans = await repo.publicPlans(deps.db);
  if (q.organization) {
    const org = await findOrganizationBySlug(deps.db, q.organization);
    plans = org ? plans.filter((p) => p.orgId === org.id) : [];
  }
  if (q.kind) plans = plans.filter((p) => p.kind === q.kind);
  const page = plans.slice((q.page - 1) * q.perPage, q.page * q.perPage);
  const orgs = new Map(
    (await findOrganizationsByIds(deps.db, [...new Set(page.map((p) => p.orgId))])).map((o) => [o.id, o]),
  );
  const progress = await plansProgress(deps, page);
  const items = [];
  for (const plan of page) {
    const org = orgs.get(plan.orgId);
    if (org) items.push({ plan, org, progress: progress.get(plan.id) ?? null });
  }
  return { items, total: plans.length };
}

/** One public plan with its tree (a template is a 404). */
export async function getPlanApi(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
): Promise<PlanView> {
  const plan = await repo.findPlan(deps.db, id);
  if (!plan || plan.isTemplate) throw new NotFound('plan');
  authorize(plansPolicy.canRead(actor, plan), true);
  const [org] = await findOrganizationsByIds(deps.db, [plan.orgId]);
  if (!org) throw new NotFound('organization');
  return loadPlanView(deps, org, plan);
}

export async function getPlanItemApi(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  itemId: string,
): Promise<{ view: PlanView; node: PlanNode }> {
  const view = await getPlanApi(deps, actor, id);
  const node = view.tree.byId.get(itemId);
  if (!node) throw new NotFound('plan_item');
  return { view, node };
}
