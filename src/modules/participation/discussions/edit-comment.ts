import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import { isSignedIn } from '../../../platform/authz/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { authorize, InvalidInput, NotFound } from '../../../platform/errors/index.ts';
import { discussionsPolicy } from './discussions.policy.ts';
import { discussionsRepository as repo } from './discussions.repository.ts';

/** The author corrects a comment within the discussion's edit window; the previous text joins the visible history. */
export async function editComment(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { discussionId: string; commentId: string; text: string },
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const d = await repo.findById(tx, input.discussionId);
    const c = await repo.lockComment(tx, input.commentId);
    if (!d || !c || c.discussionId !== d.id) throw new NotFound();
    // Only the author learns the comment can be edited at all; past the window they are told so on the form.
    authorize(isSignedIn(origin.actor) && origin.actor.userId === c.authorUserId, true);
    if (!discussionsPolicy.canEdit(origin.actor, c, d, now))
      throw new InvalidInput([{ field: 'form', message: 'disc.edit.windowOver' }]);
    if (c.text === input.text) return;
    await repo.replaceText(tx, c, input.text, now);
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'discussion.comment_edit',
      objectType: 'discussion_comment',
      objectId: c.id,
      orgId: d.orgId,
      details: { discussionId: d.id },
    });
  });
}
