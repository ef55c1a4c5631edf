import type { Actor } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, NotFound } from '../../platform/errors/index.ts';
import { accountsPolicy } from './accounts.policy.ts';
import { accountsRepository as repo } from './accounts.repository.ts';

/** Administrators: people whose name or e-mail contains the text, with their role assignments. */
export async function findUsers(deps: Deps, actor: Actor, input: { q: string }) {
  authorize(accountsPolicy.canManageUsers(actor));
  const users = await repo.searchUsers(deps.db, input.q);
  return Promise.all(
    users.map(async (u) => ({ user: u, roles: await repo.roleAssignmentsOf(deps.db, u.id) })),
  );
}

/** Administrators: one person and their role assignments. */
export async function getUserForAdmin(deps: Deps, actor: Actor, userId: string) {
  authorize(accountsPolicy.canManageUsers(actor));
  const user = await repo.findUserById(deps.db, userId);
  if (!user) throw new NotFound();
  return { user, roles: await repo.roleAssignmentsOf(deps.db, user.id) };
}
