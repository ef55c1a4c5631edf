import type { Actor } from '../../platform/authz/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize } from '../../platform/errors/index.ts';
import { subscriptionsRepository as repo, type SubscriptionRow } from './subscriptions.repository.ts';

/** The signed-in person's own subscriptions. */
export async function listSubscriptions(deps: Pick<Deps, 'db'>, actor: Actor): Promise<SubscriptionRow[]> {
  authorize(isSignedIn(actor));
  return isSignedIn(actor) ? repo.ofUser(deps.db, actor.userId) : [];
}
