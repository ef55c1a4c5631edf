import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, NotFound } from '../../platform/errors/index.ts';
import type { PositionInput } from './accounts.input.ts';
import { accountsPolicy } from './accounts.policy.ts';
import { accountsRepository as repo } from './accounts.repository.ts';

/**
 * Set a person's position (printed under the answers they sign, 59-ФЗ art. 10
 * ч.3): staff change their own, an administrator anyone's. Empty clears it.
 */
export async function changePosition(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: PositionInput & { userId: string },
): Promise<void> {
  const { actor } = origin;
  authorize(accountsPolicy.canChangePosition(actor, input.userId));
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (!(await repo.findUserById(tx, input.userId))) throw new NotFound('user');
    await repo.updateUser(tx, input.userId, { position: input.position || null }, now);
    await recordAction(tx, {
      actor,
      ip: origin.ip,
      action: 'account.change_position',
      objectType: 'user',
      objectId: input.userId,
      ...(isSignedIn(actor) && actor.userId !== input.userId ? { details: { byAdmin: true } } : {}),
    });
  });
}
