import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, Conflict } from '../../platform/errors/index.ts';
import { appealsRepository as repo } from './appeals.repository.ts';
import { staffPolicy } from './staff.policy.ts';
import { appealForAction } from './staff-action.ts';

/** An officer prepares the answer's text; the head or an authorised official signs it off later. */
export async function saveAnswerDraft(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { id: string; text: string },
): Promise<{ answerId: string }> {
  return deps.db.transaction(async (tx) => {
    const a = await appealForAction(tx, origin.actor, input.id);
    if (!['registered', 'in_review', 'extended'].includes(a.status))
      throw new Conflict('appeals.staff.conflict.closed');
    authorize(staffPolicy.canDraftAnswer(origin.actor, a));
    const now = deps.clock.now();
    const userId = origin.actor.kind === 'user' ? origin.actor.userId : null;
    const draft = (await repo.answers(tx, a.id)).find((x) => x.status === 'draft');
    let answerId: string;
    if (draft) {
      await repo.updateAnswer(tx, draft.id, { text: input.text, draftedBy: userId, updatedAt: now });
      answerId = draft.id;
    } else {
      answerId = (
        await repo.insertAnswer(tx, {
          appealId: a.id,
          text: input.text,
          status: 'draft',
          draftedBy: userId,
          createdAt: now,
          updatedAt: now,
        })
      ).id;
    }
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'appeal.answer_draft',
      objectType: 'appeal',
      objectId: a.id,
      orgId: a.orgId,
      details: { number: a.number, answerId },
    });
    return { answerId };
  });
}
