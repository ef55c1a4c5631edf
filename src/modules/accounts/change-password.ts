import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, InvalidInput, NotFound } from '../../platform/errors/index.ts';
import type { ChangePasswordInput } from './accounts.input.ts';
import { accountsPolicy } from './accounts.policy.ts';
import { accountsRepository as repo } from './accounts.repository.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

/**
 * Change (or, for a person who only ever signed in through ЕСИА, set) one's
 * own password. The current password is required when there is one; every
 * other session of the person ends.
 */
export async function changePassword(
  deps: Deps,
  origin: Origin,
  input: ChangePasswordInput,
  opts: { currentSessionId: string | null },
): Promise<void> {
  const { actor } = origin;
  authorize(accountsPolicy.canViewCabinet(actor));
  if (!isSignedIn(actor)) return;
  const user = await repo.findUserById(deps.db, actor.userId);
  if (!user) throw new NotFound();
  authorize(accountsPolicy.canEditOwnAccount(actor, user.id));
  if (user.passwordHash && !(await verifyPassword(user.passwordHash, input.currentPassword ?? ''))) {
    throw new InvalidInput([{ field: 'currentPassword', message: 'accounts.currentPassword.wrong' }]);
  }
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, { passwordHash }, now);
    const ended = await repo.deleteUserSessions(tx, user.id, opts.currentSessionId ?? undefined);
    await recordAction(tx, {
      actor,
      ip: origin.ip,
      action: 'account.change_password',
      objectType: 'user',
      objectId: user.id,
      details: { otherSessionsEnded: ended },
    });
  });
}
