import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize } from '../../platform/errors/index.ts';
import { accountsPolicy } from './accounts.policy.ts';
import { accountsRepository as repo } from './accounts.repository.ts';

/** End one session (this browser), or every session of the person ("sign out everywhere"). */
export async function signOut(
  deps: Deps,
  origin: Origin,
  input: { sessionId: string; everywhere: boolean },
): Promise<void> {
  const { actor } = origin;
  authorize(accountsPolicy.canSignOut(actor));
  if (!isSignedIn(actor)) return;
  await deps.db.transaction(async (tx) => {
    let ended = 1;
    if (input.everywhere) ended = await repo.deleteUserSessions(tx, actor.userId);
    else await repo.deleteSession(tx, input.sessionId);
    await recordAction(tx, {
      actor,
      ip: origin.ip,
      action: input.everywhere ? 'account.sign_out_everywhere' : 'account.sign_out',
      objectType: 'user',
      objectId: actor.userId,
      details: { sessions: ended },
    });
  });
}
