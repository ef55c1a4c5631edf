import {
  type Actor,
  hasAnyOrgRole,
  isSignedIn,
  type OrgRole,
  orgIdsWithRole,
} from '../../../platform/authz/index.ts';
import type { PollRow, ResidenceRow, SurveyRow } from './polls.repository.ts';

/** Roles that run a body's polls and surveys. */
export const POLL_ROLES: readonly OrgRole[] = ['editor', 'head', 'data_steward'];

/** Why a person may not vote in a poll, or null when they may. */
export type VoteRefusal = 'sign_in' | 'esia' | 'residence' | 'not_resident' | null;

/** Pure access rules of polls and surveys (task 8.5). */
export const pollsPolicy = {
  /** Create, edit, publish the body's polls and surveys, read a survey's answers. */
  canManage(actor: Actor, orgId: string): boolean {
    return hasAnyOrgRole(actor, POLL_ROLES, orgId);
  },
  canManageAny(actor: Actor): boolean {
    const ids = orgIdsWithRole(actor, POLL_ROLES);
    return ids === 'all' || ids.length > 0;
  },
  managedOrgIds(actor: Actor): string[] | 'all' {
    return orgIdsWithRole(actor, POLL_ROLES);
  },
  /** A draft is seen only by those who run it. */
  canSeePoll(actor: Actor, poll: Pick<PollRow, 'orgId' | 'publishedAt'>): boolean {
    return poll.publishedAt !== null || pollsPolicy.canManage(actor, poll.orgId);
  },
  canSeeSurvey(actor: Actor, survey: Pick<SurveyRow, 'orgId' | 'publishedAt'>): boolean {
    return survey.publishedAt !== null || pollsPolicy.canManage(actor, survey.orgId);
  },
  /**
   * Who votes, by the poll's rule: any signed-in person; only people identified
   * through ЕСИА; only residents of the municipality, by the residence source the poll names.
   */
  voteRefusal(
    actor: Actor,
    poll: Pick<PollRow, 'eligibility' | 'residentsOrgId' | 'residenceSource'>,
    residences: readonly Pick<ResidenceRow, 'source' | 'municipalityOrgId'>[],
  ): VoteRefusal {
    if (!isSignedIn(actor)) return 'sign_in';
    if (poll.eligibility === 'signed_in') return null;
    if (actor.identification !== 'esia') return 'esia';
    if (poll.eligibility === 'esia') return null;
    // residents: ЕСИА's address always counts; a declared one only where the poll accepts it
    const usable = residences.filter((r) => r.source === 'esia' || poll.residenceSource === 'declared');
    if (usable.length === 0) return 'residence';
    return usable.some((r) => r.municipalityOrgId === poll.residentsOrgId) ? null : 'not_resident';
  },
  /** Results show after the close, or live when the poll says so; its staff see them always. */
  canSeeResults(actor: Actor, poll: Pick<PollRow, 'orgId' | 'results' | 'closesOn'>, today: string): boolean {
    return poll.results === 'live' || poll.closesOn < today || pollsPolicy.canManage(actor, poll.orgId);
  },
};
