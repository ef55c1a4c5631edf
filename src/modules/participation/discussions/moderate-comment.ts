import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import { isSignedIn } from '../../../platform/authz/index.ts';
import type { DbOrTx } from '../../../platform/db/client.ts';
import type { Deps } from '../../../platform/deps.ts';
import { authorize, InvalidInput, NotFound } from '../../../platform/errors/index.ts';
import { discussionsPolicy } from './discussions.policy.ts';
import {
  type CommentRow,
  type DiscussionRow,
  discussionsRepository as repo,
} from './discussions.repository.ts';

type Target = { discussionId: string; commentId: string };

/** Load and lock the comment, then the moderator's access check (a 404 to people who may not moderate it). */
async function forModeration(
  tx: DbOrTx,
  origin: Origin,
  t: Target,
): Promise<{ d: DiscussionRow; c: CommentRow }> {
  const c = await repo.lockComment(tx, t.commentId);
  const d = c && c.discussionId === t.discussionId ? await repo.findById(tx, c.discussionId) : undefined;
  if (!c || !d) throw new NotFound();
  authorize(discussionsPolicy.canModerate(origin.actor, d), true);
  return { d, c };
}

const by = (o: Origin) => (isSignedIn(o.actor) ? o.actor.userId : null);

/** A moderator publishes a comment that waited (pre-moderation, spam hold) or keeps a reported one: its reports are closed. */
export async function approveComment(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  t: Target,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const { d, c } = await forModeration(tx, origin, t);
    await repo.setModeration(tx, c.id, {
      status: 'published',
      hiddenReason: null,
      moderatedBy: by(origin),
      moderatedAt: now,
    });
    const reports = await repo.resolveReports(tx, c.id, by(origin), now);
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'discussion.comment_approve',
      objectType: 'discussion_comment',
      objectId: c.id,
      orgId: d.orgId,
      details: { discussionId: d.id, from: c.status, reportsClosed: reports },
    });
  });
}

/** A moderator hides a comment with a stated reason, shown in its place to everyone (moderation is transparent). */
export async function hideComment(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: Target & { reason: string },
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const { d, c } = await forModeration(tx, origin, input);
    await repo.setModeration(tx, c.id, {
      status: 'hidden',
      hiddenReason: input.reason,
      moderatedBy: by(origin),
      moderatedAt: now,
    });
    const reports = await repo.resolveReports(tx, c.id, by(origin), now);
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'discussion.comment_hide',
      objectType: 'discussion_comment',
      objectId: c.id,
      orgId: d.orgId,
      details: { discussionId: d.id, from: c.status, reason: input.reason, reportsClosed: reports },
    });
  });
}

/** A moderator bars the author of a comment from commenting anywhere for a number of days. */
export async function banAuthor(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: Target & { days: number; reason: string },
): Promise<{ until: Date }> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const { d, c } = await forModeration(tx, origin, input);
    if (c.official) throw new InvalidInput([{ field: 'form', message: 'disc.ban.official' }]);
    const until = new Date(now.getTime() + input.days * 86_400_000);
    await repo.insertBan(tx, {
      userId: c.authorUserId,
      until,
      reason: input.reason,
      createdBy: by(origin),
      createdAt: now,
    });
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'discussion.ban',
      objectType: 'discussion_comment',
      objectId: c.id,
      orgId: d.orgId,
      // the person by id (the audit viewer lends the name), never the comment's text
      details: { discussionId: d.id, userId: c.authorUserId, days: input.days, until, reason: input.reason },
    });
    return { until };
  });
}
