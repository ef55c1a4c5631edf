import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Deps } from '../../platform/deps.ts';
import { Conflict, InvalidInput } from '../../platform/errors/index.ts';
import { findOrgStaff } from '../accounts/index.ts';
import { appealsRepository as repo } from './appeals.repository.ts';
import { staffPolicy, staffRolesFor } from './staff.policy.ts';
import { actingRole, appealForAction, requireMove } from './staff-action.ts';

/** Give an appeal to an officer of the body (a registered appeal goes into review). */
export async function assignAppeal(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { id: string; userId: string },
): Promise<void> {
  await deps.db.transaction((tx) => assignOne(tx, deps.clock.now(), origin, input, 'userId'));
}

/**
 * Give several appeals of the queue to one officer at once, all or none: each
 * appeal is checked and audited as if assigned alone; an appeal the person may
 * not see is a 404, one whose body the officer does not work for is refused.
 */
export async function assignAppeals(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { ids: string[]; userId: string },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    for (const id of [...new Set(input.ids)])
      await assignOne(tx, now, origin, { id, userId: input.userId }, 'ids');
  });
}

async function assignOne(
  tx: DbOrTx,
  now: Date,
  origin: Origin,
  input: { id: string; userId: string },
  field: string,
): Promise<void> {
  const a = await appealForAction(tx, origin.actor, input.id);
  if (!staffPolicy.canAssign(origin.actor, a))
    throw new Conflict(field === 'ids' ? 'appeals.staff.bulk.closed' : 'appeals.staff.conflict.closed');
  const officers = await findOrgStaff(tx, a.orgId, staffRolesFor(a.type));
  const officer = officers.find((o) => o.id === input.userId);
  if (!officer)
    throw new InvalidInput([
      {
        field: 'userId',
        message: field === 'ids' ? 'appeals.staff.bulk.otherBody' : 'appeals.staff.assign.notOfficer',
      },
    ]);
  const to = a.status === 'registered' ? 'in_review' : a.status;
  if (to !== a.status) requireMove(a, 'in_review');
  await repo.update(tx, a.id, { assignedUserId: officer.id, assignedAt: now, status: to, updatedAt: now });
  await repo.insertEvent(tx, {
    appealId: a.id,
    at: now,
    kind: 'assigned',
    actorUserId: origin.actor.kind === 'user' ? origin.actor.userId : null,
    actorRole: actingRole(origin.actor, a.orgId),
    fromStatus: a.status,
    toStatus: to,
    visibleToAuthor: false,
    details: { assignedUserId: officer.id },
  });
  await recordAction(tx, {
    actor: origin.actor,
    ip: origin.ip,
    action: 'appeal.assign',
    objectType: 'appeal',
    objectId: a.id,
    orgId: a.orgId,
    details: { number: a.number, assignedUserId: officer.id, ...(field === 'ids' ? { bulk: true } : {}) },
  });
}
