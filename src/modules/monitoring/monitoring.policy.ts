import {
  type Actor,
  hasAnyOrgRole,
  hasGlobalRole,
  isSignedIn,
  type OrgRole,
  orgIdsWithRole,
} from '../../platform/authz/index.ts';

/** Org roles that fill the body's self-assessment. */
export const SELF_ROLES: readonly OrgRole[] = ['editor', 'head'];

/**
 * Pure access rules of monitoring. The project office keeps the methodology and
 * runs the cycle; a body's editors and head fill its self-assessment; an
 * expert scores the organisations assigned to them, never one they work in.
 */
export const monitoringPolicy = {
  /** Edit the methodology, open and close cycles, assign experts, reconcile, publish. */
  canRun(actor: Actor): boolean {
    return hasGlobalRole(actor, 'project_office') || hasGlobalRole(actor, 'admin');
  },
  /** Fill and submit the organisation's self-assessment. */
  canSelfAssess(actor: Actor, orgId: string): boolean {
    return hasAnyOrgRole(actor, SELF_ROLES, orgId);
  },
  /** Read a self-assessment (its body, the project office). */
  canReadSelf(actor: Actor, orgId: string): boolean {
    return monitoringPolicy.canRun(actor) || monitoringPolicy.canSelfAssess(actor, orgId);
  },
  /** Does the person hold any role in that organisation (an expert there would judge their own)? */
  belongsTo(actor: Actor, orgId: string): boolean {
    return isSignedIn(actor) && actor.grants.some((g) => g.orgId === orgId);
  },
  /** May be assigned to score this organisation. */
  canBeAssigned(actor: Actor, orgId: string): boolean {
    return hasGlobalRole(actor, 'expert') && !monitoringPolicy.belongsTo(actor, orgId);
  },
  /** Score under this assignment: the assigned expert only. */
  canScore(actor: Actor, assignment: { expertUserId: string; orgId: string }): boolean {
    return (
      isSignedIn(actor) &&
      actor.userId === assignment.expertUserId &&
      monitoringPolicy.canBeAssigned(actor, assignment.orgId)
    );
  },
  /** The organisations whose self-assessment the person fills. */
  selfOrgIds(actor: Actor): string[] | 'all' {
    return orgIdsWithRole(actor, SELF_ROLES);
  },
  /** The /manage section. */
  canOpenManage(actor: Actor): boolean {
    if (monitoringPolicy.canRun(actor) || hasGlobalRole(actor, 'expert')) return true;
    const ids = orgIdsWithRole(actor, SELF_ROLES);
    return ids === 'all' || ids.length > 0;
  },
};
