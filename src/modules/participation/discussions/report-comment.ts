import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import { isSignedIn } from '../../../platform/authz/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { Forbidden, InvalidInput, NotFound } from '../../../platform/errors/index.ts';
import { discussionsRepository as repo } from './discussions.repository.ts';

/** A signed-in reader reports a published comment with a reason; it joins the moderator queue. Once per reader. */
export async function reportComment(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { discussionId: string; commentId: string; reason: string },
): Promise<void> {
  const { actor } = origin;
  if (!isSignedIn(actor)) throw new Forbidden();
  await deps.db.transaction(async (tx) => {
    const c = await repo.findComment(tx, input.commentId);
    if (!c || c.discussionId !== input.discussionId || c.status !== 'published') throw new NotFound();
    const d = await repo.findById(tx, c.discussionId);
    if (!d) throw new NotFound();
    const fresh = await repo.insertReport(tx, {
      commentId: c.id,
      reporterUserId: actor.userId,
      reason: input.reason,
      createdAt: deps.clock.now(),
    });
    if (!fresh) throw new InvalidInput([{ field: 'form', message: 'disc.report.already' }]);
    await recordAction(tx, {
      actor,
      ip: origin.ip,
      action: 'discussion.report',
      objectType: 'discussion_comment',
      objectId: c.id,
      orgId: d.orgId,
      details: { discussionId: d.id },
    });
  });
}
