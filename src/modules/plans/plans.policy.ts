import {
  type Actor,
  hasAnyOrgRole,
  hasGlobalRole,
  hasOrgRole,
  type OrgRole,
  orgIdsWithRole,
} from '../../platform/authz/index.ts';

/** Org roles that keep a body's plans: write the tree, set targets, report actuals. */
export const PLAN_ROLES: readonly OrgRole[] = ['editor', 'head'];

type PlanRef = { orgId: string; isTemplate: boolean };

/**
 * Pure access rules of plans. The project office keeps the comprehensive plan
 * and the template and sits as the commission that agrees openness plans; the
 * head of the body approves its plans.
 */
export const plansPolicy = {
  /** Write the plan's tree, targets and actuals; open its discussion; submit it for agreement. */
  canEdit(actor: Actor, plan: PlanRef): boolean {
    if (hasGlobalRole(actor, 'project_office') || hasGlobalRole(actor, 'admin')) return true;
    return !plan.isTemplate && hasAnyOrgRole(actor, PLAN_ROLES, plan.orgId);
  },
  /** Create a plan for this organisation. */
  canCreate(actor: Actor, orgId: string): boolean {
    return hasGlobalRole(actor, 'project_office') || hasAnyOrgRole(actor, PLAN_ROLES, orgId);
  },
  /** The commission's step: agree or return with remarks. */
  canAgree(actor: Actor): boolean {
    return hasGlobalRole(actor, 'project_office') || hasGlobalRole(actor, 'admin');
  },
  /** The head's approval. */
  canApprove(actor: Actor, plan: PlanRef): boolean {
    return hasOrgRole(actor, 'head', plan.orgId);
  },
  /** The /manage section. */
  canManageAny(actor: Actor): boolean {
    if (hasGlobalRole(actor, 'project_office')) return true;
    const ids = orgIdsWithRole(actor, PLAN_ROLES);
    return ids === 'all' || ids.length > 0;
  },
  /** The organisations whose plans the person keeps. */
  managedOrgIds(actor: Actor): string[] | 'all' {
    if (hasGlobalRole(actor, 'project_office')) return 'all';
    return orgIdsWithRole(actor, PLAN_ROLES);
  },
  /** A template is the project office's working object; readers never see it. */
  canRead(actor: Actor, plan: PlanRef): boolean {
    return !plan.isTemplate || plansPolicy.canEdit(actor, plan);
  },
};
