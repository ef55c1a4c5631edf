import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, NotFound } from '../../platform/errors/index.ts';
import { accountsPolicy } from './accounts.policy.ts';
import { accountsRepository as repo } from './accounts.repository.ts';

/** Administrators revoke one role assignment. Recorded in the audit log. */
export async function revokeRole(
  deps: Deps,
  origin: Origin,
  input: { assignmentId: string },
): Promise<string> {
  authorize(accountsPolicy.canManageUsers(origin.actor));
  const row = await repo.findRoleAssignment(deps.db, input.assignmentId);
  if (!row) throw new NotFound();
  authorize(accountsPolicy.canRevokeRole(origin.actor, row));
  await deps.db.transaction(async (tx) => {
    await repo.deleteRoleAssignment(tx, row.id);
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'role.revoke',
      objectType: 'user',
      objectId: row.userId,
      orgId: row.orgId,
      details: { role: row.role, assignmentId: row.id },
    });
  });
  return row.userId;
}
