import type { Actor } from '../../../platform/authz/index.ts';
import { isSignedIn } from '../../../platform/authz/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { authorize, NotFound } from '../../../platform/errors/index.ts';
import { findOrganizationById, type OrgRow } from '../../orgs/index.ts';
import { type CommentBlocker, discussionState, discussionsPolicy } from './discussions.policy.ts';
import {
  type CommentEditRow,
  type CommentWithAuthor,
  type DiscussionRow,
  discussionsRepository as repo,
} from './discussions.repository.ts';

/** A comment as the viewer may see it. */
export type CommentView = CommentWithAuthor & {
  mine: boolean;
  canEdit: boolean;
  /** cited by the body's outcome */
  inOutcome: boolean;
  replies: CommentView[];
};

/** Everything the discussion section renders, for this viewer. */
export type DiscussionView = {
  discussion: DiscussionRow;
  org: OrgRow;
  state: 'upcoming' | 'open' | 'closed';
  /** top-level comments, each with its replies */
  comments: CommentView[];
  /** published comments and replies */
  publishedCount: number;
  blocker: CommentBlocker | 'banned' | null;
  bannedUntil: Date | null;
  canModerate: boolean;
  canAnswerOfficially: boolean;
  canWriteOutcome: boolean;
  /** the viewer's participant number and consent, once they took part */
  participant: { number: number; nameConsent: boolean } | null;
};

export async function getDiscussionById(deps: Pick<Deps, 'db'>, id: string): Promise<DiscussionRow> {
  const d = /^[0-9a-f-]{36}$/i.test(id) ? await repo.findById(deps.db, id) : undefined;
  if (!d) throw new NotFound();
  return d;
}

/**
 * The discussion section for a viewer: comments they may see (the public see
 * published and hidden ones, hidden with the reason; authors also their own
 * waiting ones; moderators everything), what they may do, why not.
 */
export async function loadDiscussionView(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  discussion: DiscussionRow,
  /** the discussion's organisation when the owner's page has read it already */
  knownOrg?: OrgRow,
): Promise<DiscussionView> {
  const now = deps.clock.now();
  const org =
    knownOrg?.id === discussion.orgId ? knownOrg : await findOrganizationById(deps.db, discussion.orgId);
  if (!org) throw new NotFound();
  const canModerate = discussionsPolicy.canModerate(actor, discussion);
  const userId = isSignedIn(actor) ? actor.userId : null;
  const [rows, participant, ban] = await Promise.all([
    repo.commentsOf(deps.db, discussion.id),
    userId ? repo.findParticipant(deps.db, discussion.id, userId) : undefined,
    userId ? repo.activeBan(deps.db, userId, now) : undefined,
  ]);
  const cited = new Set(discussion.outcomeCommentIds);
  const visible = rows.filter((c) => c.status !== 'pending' || canModerate || c.authorUserId === userId);
  const view = (c: CommentWithAuthor): CommentView => ({
    ...c,
    mine: c.authorUserId === userId,
    canEdit: discussionsPolicy.canEdit(actor, c, discussion, now),
    inOutcome: cited.has(c.id),
    replies: [],
  });
  const top: CommentView[] = [];
  const byId = new Map<string, CommentView>();
  for (const c of visible) {
    const v = view(c);
    if (!c.parentId) {
      top.push(v);
      byId.set(c.id, v);
    }
  }
  for (const c of visible) if (c.parentId) byId.get(c.parentId)?.replies.push(view(c));
  const blocker = discussionsPolicy.commentBlocker(actor, discussion, now) ?? (ban ? 'banned' : null);
  return {
    discussion,
    org,
    state: discussionState(discussion, now),
    comments: top,
    publishedCount: rows.filter((c) => c.status === 'published').length,
    blocker,
    bannedUntil: ban?.until ?? null,
    canModerate,
    canAnswerOfficially: discussionsPolicy.canAnswerOfficially(actor, discussion),
    canWriteOutcome: discussionsPolicy.canWriteOutcome(actor, discussion),
    participant: participant
      ? { number: participant.number, nameConsent: participant.nameConsentAt !== null }
      : null,
  };
}

/** A comment's history of edits, for everyone who may see the comment. */
export async function getCommentHistory(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  discussion: DiscussionRow,
  commentId: string,
): Promise<{ comment: CommentWithAuthor; edits: CommentEditRow[] }> {
  const comments = await repo.commentsOf(deps.db, discussion.id);
  const c = comments.find((x) => x.id === commentId);
  const mayRead =
    c &&
    (c.status !== 'pending' ||
      discussionsPolicy.canModerate(actor, discussion) ||
      (isSignedIn(actor) && actor.userId === c.authorUserId));
  if (!c || !mayRead) throw new NotFound();
  // A hidden comment keeps its reason in place; its text and history stay off the page.
  return { comment: c, edits: c.status === 'hidden' ? [] : await repo.editsOf(deps.db, c.id) };
}

/** Discussions of an organisation, or of the whole region, open ones first. */
export async function listDiscussions(
  deps: Pick<Deps, 'db' | 'clock'>,
  o: { orgId?: string; limit?: number },
) {
  return repo.list(deps.db, {
    ...(o.orgId ? { orgId: o.orgId } : {}),
    now: deps.clock.now(),
    limit: o.limit ?? 100,
  });
}

/** A comment with its open reports, for a moderator of its discussion (a 404 to anyone else). */
export async function getCommentForModeration(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  discussionId: string,
  commentId: string,
) {
  const d = await getDiscussionById(deps, discussionId);
  if (!discussionsPolicy.canModerate(actor, d)) throw new NotFound();
  const c = (await repo.commentsOf(deps.db, d.id)).find((x) => x.id === commentId);
  if (!c) throw new NotFound();
  const org = await findOrganizationById(deps.db, d.orgId);
  if (!org) throw new NotFound();
  return { discussion: d, org, comment: c, reports: await repo.openReports(deps.db, c.id) };
}

/** The moderator queue of the person's discussions, with its counts. */
export async function getModerationQueue(deps: Pick<Deps, 'db'>, actor: Actor) {
  const scope = discussionsPolicy.moderationScope(actor);
  const [items, counts] = await Promise.all([
    repo.queue(deps.db, scope, 200),
    repo.queueCounts(deps.db, scope),
  ]);
  return { items, counts };
}

/** The discussion and its comments for the body's outcome form. */
export async function getDiscussionForOutcome(deps: Pick<Deps, 'db'>, actor: Actor, id: string) {
  const d = await getDiscussionById(deps, id);
  authorize(discussionsPolicy.canWriteOutcome(actor, d));
  return { discussion: d, comments: await repo.commentsOf(deps.db, d.id) };
}
