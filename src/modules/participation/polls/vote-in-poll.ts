import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import { isSignedIn } from '../../../platform/authz/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import {
  Conflict,
  Forbidden,
  InvalidInput,
  NotFound,
  Unauthenticated,
} from '../../../platform/errors/index.ts';
import { periodState, todayOf } from './poll-state.ts';
import type { VoteInput } from './polls.input.ts';
import { pollsPolicy } from './polls.policy.ts';
import { isUniqueViolation, pollsRepository as repo } from './polls.repository.ts';

/**
 * Vote in an open poll (task 8.5). One vote per person is kept by the primary
 * key (poll, person): a second vote, also a concurrent one, fails on the insert
 * and is refused with 409, unless the poll allows a change until its close and
 * the person says so (`change`). A declared residence given with the vote is
 * recorded first, where the poll accepts one. Audited without the choice.
 */
export async function voteInPoll(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { pollId: string; vote: VoteInput; change?: boolean },
): Promise<'recorded' | 'changed'> {
  const { actor } = origin;
  const poll = await repo.pollById(deps.db, input.pollId);
  if (!poll || !pollsPolicy.canSeePoll(actor, poll)) throw new NotFound('poll');
  if (!isSignedIn(actor)) throw new Unauthenticated();
  if (periodState(poll, todayOf(deps.clock)) !== 'open') throw new Conflict('polls.vote.notOpen');
  const { choice } = input.vote;
  const choices = [...new Set(choice)].sort((a, b) => a - b);
  if (choices.some((c) => c >= poll.options.length))
    throw new InvalidInput([{ field: 'choice', message: 'polls.vote.choose' }]);
  if (!poll.multiple && choices.length > 1)
    throw new InvalidInput([{ field: 'choice', message: 'polls.vote.one' }]);

  return deps.db.transaction(async (tx) => {
    if (
      poll.eligibility === 'residents' &&
      poll.residenceSource === 'declared' &&
      input.vote.municipalityOrgId &&
      actor.identification === 'esia'
    ) {
      if (!input.vote.address) throw new InvalidInput([{ field: 'address', message: 'polls.vote.address' }]);
      await repo.saveResidence(tx, {
        userId: actor.userId,
        source: 'declared',
        municipalityOrgId: input.vote.municipalityOrgId,
        address: input.vote.address,
      });
    }
    const refusal = pollsPolicy.voteRefusal(actor, poll, await repo.residencesOf(tx, actor.userId));
    if (refusal === 'not_resident' && input.vote.municipalityOrgId)
      throw new InvalidInput([{ field: 'municipalityOrgId', message: 'polls.refusal.not_resident' }]);
    if (refusal === 'residence' && poll.residenceSource === 'declared')
      throw new InvalidInput([{ field: 'municipalityOrgId', message: 'polls.vote.municipality' }]);
    if (refusal) throw new Forbidden(`polls.refusal.${refusal}`);
    let outcome: 'recorded' | 'changed' = 'recorded';
    if (input.change) {
      if (!poll.changeable) throw new Conflict('polls.vote.already');
      if ((await repo.changeVote(tx, { pollId: poll.id, userId: actor.userId, choices })) === 0)
        await repo.insertVote(tx, { pollId: poll.id, userId: actor.userId, choices, at: deps.clock.now() });
      else outcome = 'changed';
    } else {
      try {
        await repo.insertVote(tx, { pollId: poll.id, userId: actor.userId, choices, at: deps.clock.now() });
      } catch (e) {
        if (isUniqueViolation(e)) throw new Conflict('polls.vote.already');
        throw e;
      }
    }
    await recordAction(tx, {
      ...origin,
      action: outcome === 'changed' ? 'poll.vote_change' : 'poll.vote',
      objectType: 'poll',
      objectId: poll.id,
      orgId: poll.orgId,
    });
    return outcome;
  });
}
