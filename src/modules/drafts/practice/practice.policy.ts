import { type Actor, hasAnyOrgRole, isSignedIn, type OrgRole } from '../../../platform/authz/index.ts';
import type { PracticeCaseRow } from './practice.repository.ts';

/** The body's staff who answer practice cases: its editors and its head. */
export const PRACTICE_STAFF: readonly OrgRole[] = ['editor', 'head'];

/** Who may do what with law-enforcement practice cases (truth table in practice.policy.test.ts). */
export const practicePolicy = {
  /** any signed-in person may describe a case */
  canSubmit: (a: Actor) => isSignedIn(a),
  /** a published case is public; before that only its author and the body's staff see it */
  canView: (a: Actor, c: Pick<PracticeCaseRow, 'orgId' | 'status' | 'authorUserId'>) =>
    c.status === 'published' ||
    (isSignedIn(a) && a.userId === c.authorUserId) ||
    hasAnyOrgRole(a, PRACTICE_STAFF, c.orgId),
  /** the attachments and the author's own words: the author and the body's staff */
  canSeePrivate: (a: Actor, c: Pick<PracticeCaseRow, 'orgId' | 'authorUserId'>) =>
    (isSignedIn(a) && a.userId === c.authorUserId) || hasAnyOrgRole(a, PRACTICE_STAFF, c.orgId),
  canWork: (a: Actor, orgId: string) => hasAnyOrgRole(a, PRACTICE_STAFF, orgId),
};
