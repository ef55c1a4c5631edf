import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize } from '../../platform/errors/index.ts';
import { accountsPolicy } from './accounts.policy.ts';
import { accountsRepository as repo } from './accounts.repository.ts';
import { hashPassword } from './passwords.ts';
import { actorOf } from './sessions.ts';
import { hashToken } from './tokens.ts';

/** Is a reset link still usable (for showing the form or the "expired" page)? */
export async function resetTokenUsable(deps: Deps, token: string): Promise<boolean> {
  return !!(await repo.findUsableEmailToken(deps.db, hashToken(token), 'reset', deps.clock.now()));
}

/**
 * Set a new password by the mailed one-time token. Every session of the person
 * ends (whoever knew the old password is out); the address counts as
 * confirmed, since the link reached it. false when the token is not usable.
 */
export async function resetPassword(
  deps: Deps,
  origin: Origin,
  input: { token: string; password: string },
): Promise<boolean> {
  authorize(accountsPolicy.canUseEmailToken(origin.actor));
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const token = await repo.consumeEmailToken(tx, hashToken(input.token), 'reset', now);
    if (!token) return false;
    const user = await repo.findUserById(tx, token.userId);
    if (!user) return false;
    await repo.updateUser(tx, user.id, { passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? now }, now);
    const ended = await repo.deleteUserSessions(tx, user.id);
    await recordAction(tx, {
      actor: actorOf(user, []),
      ip: origin.ip,
      action: 'account.reset_password',
      objectType: 'user',
      objectId: user.id,
      details: { sessionsEnded: ended },
    });
    return true;
  });
}
