import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize } from '../../platform/errors/index.ts';
import type { NameInput } from './accounts.input.ts';
import { accountsPolicy } from './accounts.policy.ts';
import { accountsRepository as repo } from './accounts.repository.ts';
import { displayNameOf } from './sign-up.ts';

/** Change one's own фамилия, имя, отчество (not for ЕСИА-identified people: their name comes from ЕСИА). */
export async function changeName(deps: Deps, origin: Origin, input: NameInput): Promise<void> {
  const { actor } = origin;
  authorize(accountsPolicy.canChangeName(actor));
  if (!isSignedIn(actor)) return;
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await repo.updateUser(
      tx,
      actor.userId,
      {
        lastName: input.lastName,
        firstName: input.firstName,
        patronymic: input.patronymic,
        displayName: displayNameOf(input),
      },
      now,
    );
    await recordAction(tx, {
      actor,
      ip: origin.ip,
      action: 'account.change_name',
      objectType: 'user',
      objectId: actor.userId,
    });
  });
}
