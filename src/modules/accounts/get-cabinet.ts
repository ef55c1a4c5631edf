import { type Actor, isSignedIn } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, NotFound } from '../../platform/errors/index.ts';
import { accountsPolicy } from './accounts.policy.ts';
import { accountsRepository as repo } from './accounts.repository.ts';

/** What the person's own cabinet shows: profile, identification, identities, roles, live sessions. */
export async function getCabinet(deps: Deps, actor: Actor) {
  authorize(accountsPolicy.canViewCabinet(actor));
  if (!isSignedIn(actor)) throw new NotFound();
  const now = deps.clock.now();
  const user = await repo.findUserById(deps.db, actor.userId);
  if (!user) throw new NotFound();
  const [identities, roles, sessions] = await Promise.all([
    repo.identitiesOf(deps.db, user.id),
    repo.roleAssignmentsOf(deps.db, user.id),
    repo.liveSessionsOf(deps.db, user.id, now),
  ]);
  return { user, identities, roles, sessions };
}
