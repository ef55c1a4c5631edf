import { type Actor, hasOrgRole, orgIdsWithRole } from '../../platform/authz/index.ts';

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
};
