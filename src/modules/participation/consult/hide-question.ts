import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { authorize, NotFound } from '../../../platform/errors/index.ts';
import { consultPolicy } from './consult.policy.ts';
import { consultRepository as repo } from './consult.repository.ts';
import { indexConsultation } from './consult.search.ts';

/** Staff hide a question off the transcript with a stated reason, shown in its place; audited. */
export async function hideQuestion(
  deps: Pick<Deps, 'db'>,
  origin: Origin,
  input: { consultationId: string; questionId: string; reason: string },
): Promise<void> {
  const c = await repo.consultationById(deps.db, input.consultationId);
  const q = await repo.questionById(deps.db, input.questionId);
  if (!c || !q || q.consultationId !== c.id) throw new NotFound('consultation_question');
  authorize(consultPolicy.canRun(origin.actor, c.orgId), true);
  await deps.db.transaction(async (tx) => {
    await repo.hideQuestion(tx, q.id, input.reason);
    await indexConsultation(tx, c);
    await recordAction(tx, {
      ...origin,
      action: 'consultation.hide_question',
      objectType: 'consultation_question',
      objectId: q.id,
      orgId: c.orgId,
      details: { reason: input.reason },
    });
  });
}
