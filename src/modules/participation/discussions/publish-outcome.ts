import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { authorize, InvalidInput, NotFound } from '../../../platform/errors/index.ts';
import { discussionsPolicy } from './discussions.policy.ts';
import { discussionsRepository as repo } from './discussions.repository.ts';
import { indexDiscussion } from './discussions.search.ts';

/** The body's summary of what it took from the discussion and why, citing published comments. */
export async function publishOutcome(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { discussionId: string; outcome: string; comments: string[] },
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const d = await repo.findById(tx, input.discussionId);
    if (!d) throw new NotFound();
    authorize(discussionsPolicy.canWriteOutcome(origin.actor, d));
    const published = new Set(
      (await repo.commentsOf(tx, d.id)).filter((c) => c.status === 'published').map((c) => c.id),
    );
    const cited = [...new Set(input.comments)];
    if (cited.some((id) => !published.has(id)))
      throw new InvalidInput([{ field: 'comments', message: 'disc.outcome.comments.invalid' }]);
    await repo.updateDiscussion(tx, d.id, {
      outcome: input.outcome,
      outcomeCommentIds: cited,
      outcomeAt: now,
    });
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'discussion.outcome',
      objectType: 'discussion',
      objectId: d.id,
      orgId: d.orgId,
      details: { comments: cited.length },
    });
    await indexDiscussion(tx, { ...d, outcome: input.outcome, outcomeAt: now });
  });
}
