import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import { isSignedIn } from '../../../platform/authz/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { FORM_LEVEL, InvalidInput, NotFound, Unauthenticated } from '../../../platform/errors/index.ts';
import { groupsPolicy } from './groups.policy.ts';
import { groupsRepository as repo } from './groups.repository.ts';
import { periodOf } from './period.ts';

/**
 * A member rates the body for the current quarter: its feedback channels and
 * services (task 2.3) and its work (task 2.4), 1–5; a second rating in the
 * same quarter replaces the first (one row per member and period).
 */
export async function rateBody(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { groupId: string; channels: number; work: number; comment: string | null },
): Promise<{ period: string }> {
  const { actor } = origin;
  if (!isSignedIn(actor)) throw new Unauthenticated();
  const group = await repo.groupById(deps.db, input.groupId);
  if (!group) throw new NotFound('reference_group');
  const member = await repo.membership(deps.db, group.id, actor.userId);
  if (!groupsPolicy.canRate(member))
    throw new InvalidInput([{ field: FORM_LEVEL, message: 'groups.rate.membersOnly' }]);
  const period = periodOf(deps.clock.now());
  await deps.db.transaction(async (tx) => {
    await repo.upsertRating(tx, {
      groupId: group.id,
      userId: actor.userId,
      period,
      channels: input.channels,
      work: input.work,
      comment: input.comment,
    });
    // the scores are the person's opinion: the log keeps that they rated, not what
    await recordAction(tx, {
      ...origin,
      action: 'reference_group.rate',
      objectType: 'reference_group',
      objectId: group.id,
      orgId: group.orgId,
      details: { period },
    });
  });
  return { period };
}
