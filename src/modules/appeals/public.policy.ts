import { type Actor, hasAnyOrgRole, type OrgRole, orgIdsWithRole } from '../../platform/authz/index.ts';

/** Roles that keep a body's public side of appeals: its FAQ and quarterly reviews. */
export const PUBLIC_SIDE_ROLES: readonly OrgRole[] = ['appeals_officer', 'head', 'editor'];

/** Pure access rules of the public side of appeals (tasks 4.2, 4.3). */
export const publicSidePolicy = {
  /** Write, publish and withdraw the body's FAQ items and quarterly reviews. */
  canManage(actor: Actor, orgId: string): boolean {
    return hasAnyOrgRole(actor, PUBLIC_SIDE_ROLES, orgId);
  },
  /** Does the person keep the public side of any body (the /manage link)? */
  canManageAny(actor: Actor): boolean {
    const ids = orgIdsWithRole(actor, PUBLIC_SIDE_ROLES);
    return ids === 'all' || ids.length > 0;
  },
  /** The bodies whose public side the person keeps. */
  managedOrgIds(actor: Actor): string[] | 'all' {
    return orgIdsWithRole(actor, PUBLIC_SIDE_ROLES);
  },
};
