import type { Deps } from '../../platform/deps.ts';
import { subscriptionsRepository as repo } from './subscriptions.repository.ts';
import { hashToken, TOKEN_SHAPE } from './subscriptions.ts';

/** The link from the confirmation mail: the token is the proof, no sign-in needed. False for an unknown token. */
export async function confirmSubscription(deps: Pick<Deps, 'db' | 'clock'>, token: string): Promise<boolean> {
  if (!TOKEN_SHAPE.test(token)) return false;
  const row = await repo.byTokenHash(deps.db, hashToken(token));
  if (!row) return false;
  await repo.confirm(deps.db, row.id, deps.clock.now());
  return true;
}
