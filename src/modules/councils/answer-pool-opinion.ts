import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { Conflict, NotFound } from '../../platform/errors/index.ts';
import { councilsRepository as repo } from './councils.repository.ts';

/** The pool expert answers a request for an opinion; the answer is recorded and shown on the council page. */
export async function answerPoolOpinion(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { requestId: string; answer: string },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const actor = origin.actor;
    if (!isSignedIn(actor)) throw new NotFound();
    const request = await repo.findOpinionRequest(tx, input.requestId);
    const expert = request && (await repo.findPoolMember(tx, request.poolMemberId));
    // someone else's request is one they may not know exists
    if (!request || !expert || expert.userId !== actor.userId) throw new NotFound('council_opinion_request');
    if ((await repo.answerOpinionRequest(tx, request.id, input.answer, deps.clock.now())) === 0)
      throw new Conflict('councils.err.alreadyAnswered');
    await recordAction(tx, {
      actor,
      ip: origin.ip,
      action: 'council_opinion.answer',
      objectType: 'council_opinion_request',
      objectId: request.id,
    });
  });
}
