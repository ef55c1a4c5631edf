import {
  type Actor,
  hasAnyOrgRole,
  isSignedIn,
  type OrgRole,
  orgIdsWithRole,
} from '../../../platform/authz/index.ts';

/** The staff of a body who keep its reference groups. */
export const GROUP_ROLES: readonly OrgRole[] = ['editor', 'head'];

/** Pure access rules of reference groups (tasks 2.1–2.5). */
export const groupsPolicy = {
  /** Define and edit the body's groups, decide on members, pass a summary to the public council. */
  canManage(actor: Actor, orgId: string): boolean {
    return hasAnyOrgRole(actor, GROUP_ROLES, orgId);
  },
  canManageAny(actor: Actor): boolean {
    const ids = orgIdsWithRole(actor, GROUP_ROLES);
    return ids === 'all' || ids.length > 0;
  },
  managedOrgIds(actor: Actor): string[] | 'all' {
    return orgIdsWithRole(actor, GROUP_ROLES);
  },
  canJoin(actor: Actor): boolean {
    return isSignedIn(actor);
  },
  /** Only approved members rate the body. */
  canRate(member: { status: string } | undefined): boolean {
    return member?.status === 'approved';
  },
};
