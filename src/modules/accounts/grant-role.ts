import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, InvalidInput, NotFound } from '../../platform/errors/index.ts';
import type { GrantRoleInput } from './accounts.input.ts';
import { accountsPolicy } from './accounts.policy.ts';
import { accountsRepository as repo } from './accounts.repository.ts';
import { allOrgs } from './orgs-lookup.ts';

/** Administrators grant a role to a person: per organisation or global. Recorded in the audit log. */
export async function grantRole(
  deps: Deps,
  origin: Origin,
  input: GrantRoleInput & { userId: string },
): Promise<string> {
  authorize(accountsPolicy.canGrantRole(origin.actor));
  const user = await repo.findUserById(deps.db, input.userId);
  if (!user) throw new NotFound();
  if (input.orgId && !(await allOrgs(deps.db)).some((o) => o.id === input.orgId)) {
    throw new InvalidInput([{ field: 'orgId', message: 'accounts.org.unknown' }]);
  }
  return deps.db.transaction(async (tx) => {
    const row = await repo.insertRoleAssignment(tx, user.id, { role: input.role, orgId: input.orgId });
    if (!row) throw new InvalidInput([{ field: 'role', message: 'accounts.role.alreadyHeld' }]);
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'role.grant',
      objectType: 'user',
      objectId: user.id,
      orgId: input.orgId,
      details: { role: input.role, assignmentId: row.id },
    });
    return row.id;
  });
}
