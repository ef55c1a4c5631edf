import { type Actor, hasGlobalRole, hasOrgRole, isSignedIn } from '../../platform/authz/index.ts';

/**
 * Who may keep an organisation's details and its responsible officials:
 * its editors and its head, the project office, administrators.
 */
export function canManageOrg(actor: Actor, org: { id: string }): boolean {
  if (!isSignedIn(actor)) return false;
  return (
    hasGlobalRole(actor, 'admin') ||
    hasGlobalRole(actor, 'project_office') ||
    hasOrgRole(actor, 'editor', org.id) ||
    hasOrgRole(actor, 'head', org.id)
  );
}

/** Does the actor manage every organisation (so lists need no filter)? */
export function managesAllOrgs(actor: Actor): boolean {
  return hasGlobalRole(actor, 'admin') || hasGlobalRole(actor, 'project_office');
}

/** The organisations an actor manages through org roles (ids), when not all of them. */
export function managedOrgIds(actor: Actor): string[] {
  if (!isSignedIn(actor)) return [];
  return [
    ...new Set(
      actor.grants
        .filter((g) => (g.role === 'editor' || g.role === 'head') && g.orgId !== null)
        .map((g) => g.orgId as string),
    ),
  ];
}
