import { type Actor, hasGlobalRole, hasOrgRole, orgIdsWithRole } from '../../platform/authz/index.ts';

/**
 * Who keeps a body's datasets: its data steward (administrators hold the role
 * everywhere). Everything published is public; the register has no private sets.
 */
export const opendataPolicy = {
  canManage(actor: Actor, orgId: string): boolean {
    return hasOrgRole(actor, 'data_steward', orgId);
  },
  /** The bodies whose datasets the person keeps ('all' for administrators). */
  stewardOf(actor: Actor): string[] | 'all' {
    return orgIdsWithRole(actor, ['data_steward']);
  },
  /** Any signed-in person may propose a dataset; the body answers it. */
  canPropose(actor: Actor): boolean {
    return actor.kind === 'user';
  },
  /** The body's data steward answers a proposal, or the region's coordinator (the project office). */
  canAnswerProposal(actor: Actor, orgId: string): boolean {
    return hasOrgRole(actor, 'data_steward', orgId) || hasGlobalRole(actor, 'project_office');
  },
  /** The bodies whose proposals the person answers ('all' for the project office and administrators). */
  proposalsScope(actor: Actor): string[] | 'all' {
    return hasGlobalRole(actor, 'project_office') ? 'all' : orgIdsWithRole(actor, ['data_steward']);
  },
  /** Signed-in people other than the author support a proposal once, while it is open (new or accepted). */
  canSupport(actor: Actor, p: { userId: string | null; status: string }): boolean {
    return (
      actor.kind === 'user' && actor.userId !== p.userId && (p.status === 'new' || p.status === 'accepted')
    );
  },
};
