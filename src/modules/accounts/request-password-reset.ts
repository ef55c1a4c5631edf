import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize } from '../../platform/errors/index.ts';
import { accountsPolicy } from './accounts.policy.ts';
import { accountsRepository as repo } from './accounts.repository.ts';
import { sendResetMail } from './mails.ts';

/** Mail a one-time link to set a new password; says nothing about whether the address has an account. */
export async function requestPasswordReset(
  deps: Deps,
  origin: Origin,
  input: { email: string },
): Promise<void> {
  authorize(accountsPolicy.canUseEmailToken(origin.actor));
  await deps.db.transaction(async (tx) => {
    const user = await repo.findUserByEmail(tx, input.email);
    if (!user || user.disabledAt) return;
    await sendResetMail(deps, tx, user);
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'account.request_password_reset',
      objectType: 'user',
      objectId: user.id,
    });
  });
}
