import type { Origin } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, Conflict, NotFound } from '../../platform/errors/index.ts';
import { opendataPolicy } from './opendata.policy.ts';
import { opendataRepository as repo } from './opendata.repository.ts';

/**
 * A signed-in person other than the author supports an open proposal, once:
 * a second support changes nothing ('already'). Kept out of the audit log, as votes are.
 */
export async function supportProposal(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { id: string },
): Promise<'supported' | 'already'> {
  const p = await repo.proposalById(deps.db, input.id);
  if (!p) throw new NotFound('dataset_proposal');
  authorize(isSignedIn(origin.actor));
  if (!opendataPolicy.canSupport(origin.actor, p))
    throw new Conflict(
      p.userId === (isSignedIn(origin.actor) ? origin.actor.userId : null)
        ? 'opendata.proposals.ownSupport'
        : 'opendata.proposals.closed',
    );
  const userId = isSignedIn(origin.actor) ? origin.actor.userId : '';
  return (await repo.addSupport(deps.db, p.id, userId, deps.clock.now())) ? 'supported' : 'already';
}
