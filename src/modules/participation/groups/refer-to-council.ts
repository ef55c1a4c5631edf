import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import { isSignedIn } from '../../../platform/authz/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { authorize, NotFound } from '../../../platform/errors/index.ts';
import { groupsPolicy } from './groups.policy.ts';
import { type ReferralRow, groupsRepository as repo } from './groups.repository.ts';
import { periodOf } from './period.ts';

/**
 * Staff pass a group's summary for the current period to the public council's
 * agenda (task 2.2): recorded with its date («передано в общественный совет»)
 * until the councils module takes the item itself.
 */
export async function referToCouncil(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { groupId: string; note: string | null },
): Promise<ReferralRow> {
  const group = await repo.groupById(deps.db, input.groupId);
  if (!group) throw new NotFound('reference_group');
  authorize(groupsPolicy.canManage(origin.actor, group.orgId), true);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const row = await repo.insertReferral(tx, {
      groupId: group.id,
      period: periodOf(now),
      note: input.note,
      referredAt: now,
      referredBy: isSignedIn(origin.actor) ? origin.actor.userId : null,
    });
    await recordAction(tx, {
      ...origin,
      action: 'reference_group.refer_to_council',
      objectType: 'reference_group',
      objectId: group.id,
      orgId: group.orgId,
      details: { period: row.period },
    });
    return row;
  });
}
