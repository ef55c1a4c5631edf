import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, NotFound } from '../../platform/errors/index.ts';
import { subscriptionsRepository as repo, type SubscriptionRow } from './subscriptions.repository.ts';
import { idFromUnsubscribeToken } from './subscriptions.ts';

/** The subscription behind a mail link, or undefined. */
export async function findSubscriptionByToken(
  deps: Pick<Deps, 'db' | 'config'>,
  token: string,
): Promise<SubscriptionRow | undefined> {
  const id = idFromUnsubscribeToken(token, deps.config.sessionSecret);
  return id ? repo.byId(deps.db, id) : undefined;
}

/**
 * Unsubscribe: by the token of a mail link (anyone holding the mail), or by
 * id for its signed-in owner.
 */
export async function removeSubscription(
  deps: Pick<Deps, 'db' | 'config'>,
  origin: Origin,
  input: { token: string } | { id: string },
): Promise<void> {
  const row =
    'token' in input
      ? await findSubscriptionByToken(deps, input.token)
      : /^[0-9a-f-]{36}$/i.test(input.id)
        ? await repo.byId(deps.db, input.id)
        : undefined;
  if (!row) throw new NotFound('subscription');
  if ('id' in input) authorize(isSignedIn(origin.actor) && origin.actor.userId === row.userId);
  await deps.db.transaction(async (tx) => {
    await repo.remove(tx, row.id);
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'search.subscription.remove',
      objectType: 'search_subscription',
      objectId: row.id,
      details: { kind: row.kind },
    });
  });
}
