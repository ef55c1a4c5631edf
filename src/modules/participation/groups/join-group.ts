import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import { isSignedIn } from '../../../platform/authz/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { NotFound, Unauthenticated } from '../../../platform/errors/index.ts';
import { type MemberRow, groupsRepository as repo } from './groups.repository.ts';

/**
 * A person joins a reference group, for themselves or for an organisation:
 * at once, or waiting for the staff's check where the group needs one.
 */
export async function joinGroup(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { groupId: string; organisation: string | null },
): Promise<MemberRow> {
  const { actor } = origin;
  if (!isSignedIn(actor)) throw new Unauthenticated();
  const group = await repo.groupById(deps.db, input.groupId);
  if (!group) throw new NotFound('reference_group');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const m = await repo.upsertMember(tx, {
      groupId: group.id,
      userId: actor.userId,
      organisation: input.organisation,
      status: group.needsApproval ? 'pending' : 'approved',
      createdAt: now,
      decidedAt: group.needsApproval ? null : now,
    });
    await recordAction(tx, {
      ...origin,
      action: 'reference_group.join',
      objectType: 'reference_group',
      objectId: group.id,
      orgId: group.orgId,
      details: { status: m.status, forOrganisation: input.organisation !== null },
    });
    return m;
  });
}
