import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import { isSignedIn } from '../../../platform/authz/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { authorize, Conflict, NotFound } from '../../../platform/errors/index.ts';
import { expertisePolicy } from './expertise.policy.ts';
import { type ConclusionRow, expertiseRepository as repo } from './expertise.repository.ts';

/** The body's reasoned answer to an expert's conclusion (172-ФЗ art. 5 ч.3); given once, then public on the card. */
export async function answerConclusion(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { id: string; answer: string },
): Promise<ConclusionRow> {
  return deps.db.transaction(async (tx) => {
    const c = await repo.findConclusion(tx, input.id);
    if (!c) throw new NotFound();
    authorize(expertisePolicy.canAnswer(origin.actor, c));
    if (c.answeredAt) throw new Conflict('expertise.answer.already');
    const row = await repo.answer(tx, c.id, {
      answer: input.answer,
      by: isSignedIn(origin.actor) ? origin.actor.userId : null,
      at: deps.clock.now(),
    });
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'expertise.conclusion.answer',
      objectType: 'expertise_conclusion',
      objectId: c.id,
      orgId: c.orgId,
      details: { draftId: c.draftId, dueOn: c.answerDueOn },
    });
    return row;
  });
}
