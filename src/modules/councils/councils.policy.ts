import { type Actor, hasAnyOrgRole, hasGlobalRole, isSignedIn } from '../../platform/authz/index.ts';

/**
 * Who may keep a council (members, calls, meetings, protocols, conclusions):
 * the council secretary, the head and the editors of the body it is attached
 * to, the project office, administrators.
 */
function canManage(actor: Actor, council: { orgId: string }): boolean {
  if (!isSignedIn(actor)) return false;
  return (
    hasGlobalRole(actor, 'admin') ||
    hasGlobalRole(actor, 'project_office') ||
    hasAnyOrgRole(actor, ['council_secretary', 'head', 'editor'], council.orgId)
  );
}

/**
 * An expert may score a candidate when they sit on the expert council, are not
 * the candidate, and have not declared a conflict with them (task 1.1).
 */
function canScore(
  actor: Actor,
  facts: { isExpertMember: boolean; candidateUserId: string; recused: boolean },
): boolean {
  if (!isSignedIn(actor)) return false;
  return facts.isExpertMember && actor.userId !== facts.candidateUserId && !facts.recused;
}

/** Anyone signed in applies to a call or registers to attend a meeting. */
function canTakePart(actor: Actor): boolean {
  return isSignedIn(actor);
}

/** Who sees the /manage/councils list at all: staff who could manage some council. */
function canOpenManage(actor: Actor): boolean {
  if (!isSignedIn(actor)) return false;
  return (
    hasGlobalRole(actor, 'admin') ||
    hasGlobalRole(actor, 'project_office') ||
    actor.grants.some((g) => ['council_secretary', 'head', 'editor'].includes(g.role) && g.orgId !== null)
  );
}

export const councilsPolicy = { canManage, canScore, canTakePart, canOpenManage };
