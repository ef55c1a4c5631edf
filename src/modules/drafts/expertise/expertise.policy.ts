import { type Actor, hasAnyOrgRole, hasGlobalRole, type OrgRole } from '../../../platform/authz/index.ts';

/** The body's staff who answer conclusions on its drafts. */
export const EXPERTISE_STAFF: readonly OrgRole[] = ['editor', 'head'];

/** Who may do what in the anti-corruption expertise (truth table in expertise.policy.test.ts). */
export const expertisePolicy = {
  /** the register is kept by the project office (and administrators) */
  canKeepRegister: (a: Actor) => hasGlobalRole(a, 'project_office') || hasGlobalRole(a, 'admin'),
  /** an expert files a conclusion: the `expert` role, an active register entry linked to the account, the stage open */
  canConclude: (a: Actor, expert: { active: boolean } | undefined, draft: { stage: string }) =>
    hasGlobalRole(a, 'expert') && !!expert?.active && draft.stage === 'expertise',
  canAnswer: (a: Actor, c: { orgId: string }) => hasAnyOrgRole(a, EXPERTISE_STAFF, c.orgId),
};
