import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { authorize, Conflict, NotFound } from '../../../platform/errors/index.ts';
import type { PollInput } from './polls.input.ts';
import { pollsPolicy } from './polls.policy.ts';
import { type PollRow, pollsRepository as repo } from './polls.repository.ts';
import { indexPoll } from './polls.search.ts';

/** Create a poll of a body or edit one (task 8.5); once anyone has voted, its options stay as they are. Audited. */
export async function savePoll(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { id?: string | undefined; poll: PollInput },
): Promise<PollRow> {
  const existing = input.id ? await repo.pollById(deps.db, input.id) : undefined;
  if (input.id && !existing) throw new NotFound('poll');
  const orgId = existing?.orgId ?? input.poll.orgId;
  authorize(pollsPolicy.canManage(origin.actor, orgId), existing !== undefined);
  const p = input.poll;
  const fields = {
    question: p.question,
    description: p.description,
    options: p.options,
    multiple: p.multiple,
    opensOn: p.opensOn,
    closesOn: p.closesOn,
    eligibility: p.eligibility,
    residentsOrgId: p.eligibility === 'residents' ? (p.residentsOrgId ?? null) : null,
    residenceSource: p.residenceSource,
    changeable: p.changeable,
    results: p.results,
    topic: p.topic,
    publishedAt: p.published ? (existing?.publishedAt ?? deps.clock.now()) : null,
  };
  return deps.db.transaction(async (tx) => {
    let row: PollRow;
    if (existing) {
      const voted = await repo.votesCount(tx, existing.id);
      const sameBallot =
        JSON.stringify(existing.options) === JSON.stringify(p.options) && existing.multiple === p.multiple;
      // Votes keep option indexes: changing the ballot under them would change what people chose.
      if (voted > 0 && !sameBallot) throw new Conflict('polls.manage.ballotLocked');
      await repo.updatePoll(tx, existing.id, fields);
      row = { ...existing, ...fields };
    } else {
      row = await repo.insertPoll(tx, {
        ...fields,
        orgId,
        createdBy: origin.actor.kind === 'user' ? origin.actor.userId : null,
      });
    }
    await recordAction(tx, {
      ...origin,
      action: existing ? 'poll.update' : 'poll.create',
      objectType: 'poll',
      objectId: row.id,
      orgId,
      details: { published: row.publishedAt !== null, eligibility: row.eligibility },
    });
    await indexPoll(tx, row);
    return row;
  });
}
