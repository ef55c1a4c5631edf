import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import { isSignedIn } from '../../../platform/authz/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { FORM_LEVEL, InvalidInput, NotFound, Unauthenticated } from '../../../platform/errors/index.ts';
import { consultPolicy } from './consult.policy.ts';
import { type QuestionRow, consultRepository as repo } from './consult.repository.ts';

/** Questions one person may post to one consultation within an hour: enough to ask, too few to flood. */
export const QUESTIONS_PER_HOUR = 5;

/** A signed-in person asks a consultation's official a question, ahead of or during its window. */
export async function askQuestion(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { consultationId: string; body: string },
): Promise<QuestionRow> {
  const { actor } = origin;
  if (!isSignedIn(actor)) throw new Unauthenticated();
  const c = await repo.consultationById(deps.db, input.consultationId);
  if (!c) throw new NotFound('consultation');
  const now = deps.clock.now();
  if (!consultPolicy.canAsk(actor, c, now))
    throw new InvalidInput([{ field: FORM_LEVEL, message: 'consult.question.closed' }]);
  const recent = await repo.recentQuestionsBy(
    deps.db,
    c.id,
    actor.userId,
    new Date(now.getTime() - 3600_000),
  );
  if (recent >= QUESTIONS_PER_HOUR)
    throw new InvalidInput([{ field: 'body', message: 'consult.question.tooMany' }]);
  return deps.db.transaction(async (tx) => {
    const q = await repo.insertQuestion(tx, {
      consultationId: c.id,
      authorUserId: actor.userId,
      body: input.body,
      createdAt: now,
    });
    await recordAction(tx, {
      ...origin,
      action: 'consultation.ask',
      objectType: 'consultation_question',
      objectId: q.id,
      orgId: c.orgId,
      details: { consultationId: c.id },
    });
    return q;
  });
}
