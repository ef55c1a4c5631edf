import {
  type Actor,
  hasAnyOrgRole,
  hasGlobalRole,
  hasOrgRole,
  isSignedIn,
  type OrgRole,
  orgIdsWithRole,
} from '../../platform/authz/index.ts';
import type { AppealStatus, AppealType } from './appeals.model.ts';
import type { Visibility } from './appeals.repository.ts';

/*
 * Who on a body's staff may do what with an appeal (the staff side of issue 3).
 *
 * - Appeals and information requests: the body's appeals officers, its
 *   authorised signers and its head.
 * - Corruption reports (task 7.4): only the body's anti-corruption officer
 *   (org role `anti_corruption_officer`); not the head, not the appeals
 *   officers, and not an administrator unless granted that role (the role
 *   is confidential in platform/authz; a grant is audited).
 * - Signing an answer (59-ФЗ art. 10 ч.3): the head or an authorised official
 *   (org role `appeals_signer`).
 * - Extending the deadline (art. 12 ч.2) and ending the correspondence with a
 *   repeated appeal (art. 11 ч.5): the head's decision; a corruption report's
 *   extension, the anti-corruption officer's (the head does not see it).
 */

type AppealRef = { orgId: string; type: AppealType | string; status: AppealStatus | string };

const WORKERS: readonly OrgRole[] = ['appeals_officer', 'appeals_signer', 'head'];

/** The org roles that open an appeal of this type. */
export function staffRolesFor(type: string): readonly OrgRole[] {
  return type === 'corruption_report' ? ['anti_corruption_officer'] : WORKERS;
}

/** Which appeals the person sees in the queue (by organisation and type). */
export function visibilityOf(actor: Actor): Visibility {
  return {
    workerOrgs: orgIdsWithRole(actor, WORKERS),
    corruptionOrgs: orgIdsWithRole(actor, ['anti_corruption_officer']),
  };
}

const OPEN: readonly string[] = ['registered', 'in_review', 'extended', 'awaiting_signature'];

export const staffPolicy = {
  /** The deadline settings (legal terms, several still to be checked against the law): the platform's administrators. */
  canManageDeadlines(actor: Actor): boolean {
    return hasGlobalRole(actor, 'admin');
  },

  /** The /manage/appeals section: anyone who handles appeals or corruption reports somewhere. */
  canOpenQueue(actor: Actor): boolean {
    if (!isSignedIn(actor)) return false;
    if (hasGlobalRole(actor, 'admin')) return true;
    return actor.grants.some(
      (g) => g.orgId !== null && ([...WORKERS, 'anti_corruption_officer'] as string[]).includes(g.role),
    );
  },

  /** Read the appeal with the author's data (every read is written to the audit log). */
  canRead(actor: Actor, a: Pick<AppealRef, 'orgId' | 'type'>): boolean {
    return hasAnyOrgRole(actor, staffRolesFor(a.type), a.orgId);
  },

  /** Internal comments: anyone who may read the appeal, whatever its state. */
  canComment(actor: Actor, a: AppealRef): boolean {
    return staffPolicy.canRead(actor, a);
  },

  canAssign(actor: Actor, a: AppealRef): boolean {
    return staffPolicy.canRead(actor, a) && OPEN.includes(a.status);
  },

  canClassify(actor: Actor, a: AppealRef): boolean {
    return staffPolicy.canRead(actor, a) && a.status !== 'forwarded';
  },

  /** Forward (or send copies) while the body still holds it and has not answered. */
  canForward(actor: Actor, a: AppealRef): boolean {
    return staffPolicy.canRead(actor, a) && OPEN.includes(a.status);
  },

  /** Return a complaint to its author (59-ФЗ art. 8 ч.7) while the body still holds it. */
  canReturnComplaint(actor: Actor, a: AppealRef): boolean {
    return staffPolicy.canRead(actor, a) && OPEN.includes(a.status);
  },

  /**
   * The head decides an extension (59-ФЗ art. 12 ч.2); a corruption report's,
   * which the head does not see, the body's anti-corruption officer.
   */
  canExtend(actor: Actor, a: AppealRef): boolean {
    const decides = a.type === 'corruption_report' ? 'anti_corruption_officer' : 'head';
    return staffPolicy.canRead(actor, a) && hasOrgRole(actor, decides, a.orgId) && OPEN.includes(a.status);
  },

  /** Who may sign an answer: the head or an authorised official (59-ФЗ art. 10 ч.3). */
  isSigner(actor: Actor, orgId: string): boolean {
    return hasAnyOrgRole(actor, ['head', 'appeals_signer'], orgId);
  },

  /** Draft an answer: anyone who works the appeal. */
  canDraftAnswer(actor: Actor, a: AppealRef): boolean {
    return staffPolicy.canRead(actor, a) && OPEN.includes(a.status);
  },

  /** Sign and send the answer. */
  canAnswer(actor: Actor, a: AppealRef): boolean {
    return staffPolicy.canDraftAnswer(actor, a) && staffPolicy.isSigner(actor, a.orgId);
  },

  /** Leave without answer; ending the correspondence with a repeated appeal is the head's decision. */
  canLeaveWithoutAnswer(actor: Actor, a: AppealRef, reason: string): boolean {
    if (!staffPolicy.canRead(actor, a) || !OPEN.includes(a.status)) return false;
    return reason === 'repeated_no_new_args' ? hasOrgRole(actor, 'head', a.orgId) : true;
  },

  /** Keep a body's answer templates (issue 10): whoever works its appeals. */
  canKeepTemplates(actor: Actor, orgId: string): boolean {
    return hasAnyOrgRole(actor, WORKERS, orgId);
  },

  /** The bodies whose answer templates the person keeps (the /manage section). */
  templateOrgIds(actor: Actor): string[] | 'all' {
    return orgIdsWithRole(actor, WORKERS);
  },

  /** The monthly ССТУ report of a body: its appeals officers, signers and head. */
  canReport(actor: Actor, orgId: string): boolean {
    return hasAnyOrgRole(actor, WORKERS, orgId);
  },
};
