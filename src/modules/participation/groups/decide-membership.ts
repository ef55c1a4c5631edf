import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import { isSignedIn } from '../../../platform/authz/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { authorize, NotFound } from '../../../platform/errors/index.ts';
import { groupsPolicy } from './groups.policy.ts';
import { groupsRepository as repo } from './groups.repository.ts';

/** Staff admit or refuse a person who asked to join a group that needs a check; audited. */
export async function decideMembership(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { groupId: string; memberId: string; decision: 'approved' | 'rejected' },
): Promise<void> {
  const group = await repo.groupById(deps.db, input.groupId);
  const member = await repo.memberById(deps.db, input.memberId);
  if (!group || !member || member.groupId !== group.id) throw new NotFound('reference_group_member');
  authorize(groupsPolicy.canManage(origin.actor, group.orgId), true);
  const by = isSignedIn(origin.actor) ? origin.actor.userId : '';
  await deps.db.transaction(async (tx) => {
    await repo.decideMember(tx, member.id, input.decision, by, deps.clock.now());
    await recordAction(tx, {
      ...origin,
      action: `reference_group.member_${input.decision}`,
      objectType: 'reference_group',
      objectId: group.id,
      orgId: group.orgId,
      details: { memberUserId: member.userId },
    });
  });
}
