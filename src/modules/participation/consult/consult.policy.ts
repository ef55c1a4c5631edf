import {
  type Actor,
  hasAnyOrgRole,
  isSignedIn,
  type OrgRole,
  orgIdsWithRole,
} from '../../../platform/authz/index.ts';

/** The staff of a body who run its consultations and answer its chat. */
export const CONSULT_ROLES: readonly OrgRole[] = ['editor', 'head', 'appeals_officer'];

/** Pure access rules of consultations (task 8.5) and the consultant chat (task 3.4). */
export const consultPolicy = {
  /** Schedule the body's consultations, answer and hide their questions, answer its chat. */
  canRun(actor: Actor, orgId: string): boolean {
    return hasAnyOrgRole(actor, CONSULT_ROLES, orgId);
  },
  canRunAny(actor: Actor): boolean {
    const ids = orgIdsWithRole(actor, CONSULT_ROLES);
    return ids === 'all' || ids.length > 0;
  },
  runOrgIds(actor: Actor): string[] | 'all' {
    return orgIdsWithRole(actor, CONSULT_ROLES);
  },
  /** Ask a question: signed in, from publication until the window closes. */
  canAsk(actor: Actor, c: { endsAt: Date }, now: Date): boolean {
    return isSignedIn(actor) && now < c.endsAt;
  },
  /** A conversation is seen by the person who began it and by the body's consultants. */
  canSeeConversation(actor: Actor, c: { userId: string; orgId: string }): boolean {
    return (isSignedIn(actor) && actor.userId === c.userId) || hasAnyOrgRole(actor, CONSULT_ROLES, c.orgId);
  },
};
