import type { Actor } from '../../platform/authz/index.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, NotFound } from '../../platform/errors/index.ts';
import {
  findOrganizationBySlug,
  findOrganizationsByIds,
  listAllOrganizations,
  type OrgRow,
} from '../orgs/index.ts';
import { buildPlanTree, type PlanNode, type PlanTree } from './plan-tree.ts';
import { plansPolicy } from './plans.policy.ts';
import {
  type PlanEventRow,
  type PlanItemRow,
  type PlanRow,
  plansRepository as repo,
} from './plans.repository.ts';

export type PlanView = {
  org: OrgRow;
  plan: PlanRow;
  tree: PlanTree;
  events: PlanEventRow[];
  /** the version being prepared to replace this one, or the one that replaced it */
  nextVersion: PlanRow | undefined;
  previousVersion: PlanRow | undefined;
  /** comprehensive-plan items this plan's measures implement, by id */
  implemented: Map<string, { item: PlanItemRow; plan: PlanRow }>;
  /** for the comprehensive plan: the measures of departmental plans implementing each item */
  implementers: Map<string, { item: PlanItemRow; plan: PlanRow; org: OrgRow | undefined }[]>;
  /** organisations named as responsible bodies */
  orgs: Map<string, OrgRow>;
};

async function orgOr404(db: Deps['db'], slug: string): Promise<OrgRow> {
  const org = await findOrganizationBySlug(db, slug);
  if (!org) throw new NotFound('organization');
  return org;
}

/** An organisation's plans for its «Планы и отчёты» section. */
export async function listOrgPlans(
  deps: Pick<Deps, 'db'>,
  slug: string,
): Promise<{ org: OrgRow; plans: PlanRow[] }> {
  const org = await orgOr404(deps.db, slug);
  return { org, plans: await repo.plansOfOrg(deps.db, org.id) };
}

/** Load a plan with its computed tree (no access check: callers check). */
export async function loadPlanView(
  deps: Pick<Deps, 'db' | 'clock'>,
  org: OrgRow,
  plan: PlanRow,
): Promise<PlanView> {
  const { db } = deps;
  const items = await repo.items(db, plan.id);
  const ids = items.map((i) => i.id);
  const [targets, actuals, events, nextVersion, previousVersion] = await Promise.all([
    repo.targets(db, ids),
    repo.actuals(db, ids),
    repo.events(db, plan.id),
    repo.nextVersion(db, plan.id),
    plan.previousVersionId ? repo.findPlan(db, plan.previousVersionId) : Promise.resolve(undefined),
  ]);
  const tree = buildPlanTree(items, targets, actuals, toLocalDate(deps.clock.now()));

  const implemented = new Map<string, { item: PlanItemRow; plan: PlanRow }>();
  const targetIds = [...new Set(items.map((i) => i.implementsItemId).filter((x): x is string => x !== null))];
  const targetItems = await repo.itemsByIds(db, targetIds);
  const planCache = new Map<string, PlanRow | undefined>();
  const planOf = async (id: string) => {
    if (!planCache.has(id)) planCache.set(id, await repo.findPlan(db, id));
    return planCache.get(id);
  };
  for (const t of targetItems) {
    const p = await planOf(t.planId);
    if (p) implemented.set(t.id, { item: t, plan: p });
  }

  const implementers = new Map<string, { item: PlanItemRow; plan: PlanRow; org: OrgRow | undefined }[]>();
  const orgIds = new Set(items.map((i) => i.responsibleOrgId).filter((x): x is string => x !== null));
  if (plan.kind === 'comprehensive') {
    const rows = await repo.implementers(db, ids);
    for (const r of rows) {
      const p = await planOf(r.planId);
      if (!p || p.isTemplate || p.supersededAt) continue;
      orgIds.add(p.orgId);
      const list = implementers.get(r.implementsItemId as string) ?? [];
      list.push({ item: r, plan: p, org: undefined });
      implementers.set(r.implementsItemId as string, list);
    }
  }
  const orgs = new Map((await findOrganizationsByIds(db, [...orgIds])).map((o) => [o.id, o]));
  for (const list of implementers.values()) for (const x of list) x.org = orgs.get(x.plan.orgId);
  return { org, plan, tree, events, nextVersion, previousVersion, implemented, implementers, orgs };
}

/** A plan's public page: the tree with progress, history, versions (a template is a 404). */
export async function getPlanPage(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: { slug: string; planId: string },
): Promise<PlanView> {
  const org = await orgOr404(deps.db, input.slug);
  const plan = await repo.findPlan(deps.db, input.planId);
  if (plan?.orgId !== org.id) throw new NotFound('plan');
  authorize(plansPolicy.canRead(actor, plan) && !plan.isTemplate, true);
  return loadPlanView(deps, org, plan);
}

/** One item of a plan with its ancestors (the indicator page). */
export async function getPlanItemPage(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: { slug: string; planId: string; itemId: string },
): Promise<PlanView & { node: PlanNode; ancestors: PlanNode[] }> {
  const view = await getPlanPage(deps, actor, input);
  const node = view.tree.byId.get(input.itemId);
  if (!node) throw new NotFound('plan_item');
  const ancestors: PlanNode[] = [];
  for (let p = node.item.parentId; p; ) {
    const a = view.tree.byId.get(p);
    if (!a) break;
    ancestors.unshift(a);
    p = a.item.parentId;
  }
  return { ...view, node, ancestors };
}

/** A plan for its staff workspace (templates included for the project office). */
export async function getPlanForStaff(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  planId: string,
): Promise<PlanView> {
  const plan = await repo.findPlan(deps.db, planId);
  if (!plan) throw new NotFound('plan');
  authorize(plansPolicy.canRead(actor, plan), true);
  authorize(
    plansPolicy.canEdit(actor, plan) || plansPolicy.canAgree(actor) || plansPolicy.canApprove(actor, plan),
  );
  const [org] = await findOrganizationsByIds(deps.db, [plan.orgId]);
  if (!org) throw new NotFound('organization');
  return loadPlanView(deps, org, plan);
}

/** The plans staff may work on, templates first, and the templates they may create from. */
export async function listPlansForStaff(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
): Promise<{ plans: PlanRow[]; templates: PlanRow[]; orgs: OrgRow[] }> {
  authorize(plansPolicy.canManageAny(actor));
  const ids = plansPolicy.managedOrgIds(actor);
  const plans = await repo.plansOf(deps.db, ids);
  const templates = await repo.templates(deps.db);
  const all = await listAllOrganizations(deps.db);
  const orgs = ids === 'all' ? all : all.filter((o) => ids.includes(o.id));
  return { plans, templates, orgs };
}
