import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize } from '../../platform/errors/index.ts';
import { accountsPolicy } from './accounts.policy.ts';
import { accountsRepository as repo } from './accounts.repository.ts';
import { actorOf } from './sessions.ts';
import { hashToken } from './tokens.ts';

/** Confirm the e-mail address by the mailed one-time token; false when it is unknown, used or expired. */
export async function confirmEmail(deps: Deps, origin: Origin, input: { token: string }): Promise<boolean> {
  authorize(accountsPolicy.canUseEmailToken(origin.actor));
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const token = await repo.consumeEmailToken(tx, hashToken(input.token), 'confirm', now);
    if (!token) return false;
    const user = await repo.findUserById(tx, token.userId);
    if (!user) return false;
    if (!user.emailVerifiedAt) await repo.updateUser(tx, user.id, { emailVerifiedAt: now }, now);
    await recordAction(tx, {
      actor: actorOf(user, []),
      ip: origin.ip,
      action: 'account.confirm_email',
      objectType: 'user',
      objectId: user.id,
    });
    return true;
  });
}
