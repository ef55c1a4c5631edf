import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize } from '../../platform/errors/index.ts';
import { appealsRepository as repo } from './appeals.repository.ts';
import { staffPolicy } from './staff.policy.ts';
import { appealForAction } from './staff-action.ts';

/**
 * An internal comment on an appeal, for its staff only: never shown to the
 * author, never in public pages, the API or open data. The audit entry keeps
 * the appeal's number, not the comment's text.
 */
export async function commentOnAppeal(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { id: string; text: string },
): Promise<{ commentId: string }> {
  return deps.db.transaction(async (tx) => {
    const a = await appealForAction(tx, origin.actor, input.id);
    authorize(staffPolicy.canComment(origin.actor, a));
    const c = await repo.insertComment(tx, {
      appealId: a.id,
      authorUserId: isSignedIn(origin.actor) ? origin.actor.userId : null,
      text: input.text,
      createdAt: deps.clock.now(),
    });
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'appeal.comment',
      objectType: 'appeal',
      objectId: a.id,
      orgId: a.orgId,
      details: { number: a.number, commentId: c.id },
    });
    return { commentId: c.id };
  });
}
