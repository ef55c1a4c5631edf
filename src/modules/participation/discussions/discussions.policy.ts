import {
  type Actor,
  hasAnyOrgRole,
  hasGlobalRole,
  isSignedIn,
  type OrgRole,
  orgIdsWithRole,
} from '../../../platform/authz/index.ts';
import type { DiscussionRow, OrgScope } from './discussions.repository.ts';

/** The body's roles that run its discussions: open them, moderate them, answer on its behalf. */
const RUNNERS: readonly OrgRole[] = ['editor', 'head'];
/** Roles of other modules' owners that may attach a discussion to their objects. */
const OPENERS: readonly OrgRole[] = ['editor', 'head', 'council_secretary', 'data_steward'];

export type CommentBlocker = 'signIn' | 'notOpen' | 'closed' | 'esiaRequired' | 'emailUnconfirmed';

/** upcoming | open | closed at a moment */
export function discussionState(d: Pick<DiscussionRow, 'opensAt' | 'closesAt'>, now: Date) {
  if (now < d.opensAt) return 'upcoming' as const;
  if (now > d.closesAt) return 'closed' as const;
  return 'open' as const;
}

/** Pure access rules of discussions and comments. */
export const discussionsPolicy = {
  /** Why this person may not comment now (null: they may). A ban is checked by the use case (it needs the database). */
  commentBlocker(
    actor: Actor,
    d: Pick<DiscussionRow, 'opensAt' | 'closesAt' | 'identificationRequired'>,
    now: Date,
  ): CommentBlocker | null {
    const state = discussionState(d, now);
    if (state === 'upcoming') return 'notOpen';
    if (state === 'closed') return 'closed';
    if (!isSignedIn(actor)) return 'signIn';
    if (d.identificationRequired && actor.identification !== 'esia') return 'esiaRequired';
    if (actor.identification !== 'esia' && !actor.emailVerified) return 'emailUnconfirmed';
    return null;
  },
  /** Staff of another module attach a discussion to their body's object; the project office and administrators anywhere. */
  canOpen(actor: Actor, orgId: string): boolean {
    return hasAnyOrgRole(actor, OPENERS, orgId) || hasGlobalRole(actor, 'project_office');
  },
  /** Standalone topics are opened by the body's editors and head. */
  canOpenTopic(actor: Actor, orgId: string): boolean {
    return hasAnyOrgRole(actor, RUNNERS, orgId);
  },
  /** Portal moderators everywhere; the body's editors and head in its own discussions. */
  canModerate(actor: Actor, d: Pick<DiscussionRow, 'orgId'>): boolean {
    return hasGlobalRole(actor, 'moderator') || hasAnyOrgRole(actor, RUNNERS, d.orgId);
  },
  /** A reply marked as the body's official answer. */
  canAnswerOfficially(actor: Actor, d: Pick<DiscussionRow, 'orgId'>): boolean {
    return hasAnyOrgRole(actor, RUNNERS, d.orgId);
  },
  /** The body's summary of the outcome. */
  canWriteOutcome(actor: Actor, d: Pick<DiscussionRow, 'orgId'>): boolean {
    return hasAnyOrgRole(actor, RUNNERS, d.orgId);
  },
  /** Does the person see the moderator queue at all? */
  canSeeQueue(actor: Actor): boolean {
    const scope = this.moderationScope(actor);
    return scope === 'all' || scope.length > 0;
  },
  /** The discussions whose comments the person moderates. */
  moderationScope(actor: Actor): OrgScope {
    if (hasGlobalRole(actor, 'moderator')) return 'all';
    return orgIdsWithRole(actor, RUNNERS);
  },
  /** The author edits within the window, while the discussion is open and the comment not hidden. */
  canEdit(
    actor: Actor,
    c: { authorUserId: string; createdAt: Date; status: string; official: boolean },
    d: Pick<DiscussionRow, 'editWindowMinutes' | 'opensAt' | 'closesAt'>,
    now: Date,
  ): boolean {
    return (
      isSignedIn(actor) &&
      actor.userId === c.authorUserId &&
      c.status !== 'hidden' &&
      discussionState(d, now) === 'open' &&
      now.getTime() - c.createdAt.getTime() <= d.editWindowMinutes * 60_000
    );
  },
};
