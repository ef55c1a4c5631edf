import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import { isSignedIn } from '../../../platform/authz/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { authorize, NotFound } from '../../../platform/errors/index.ts';
import { translator } from '../../../platform/i18n/index.ts';
import { findUserContact } from '../../accounts/index.ts';
import { consultPolicy } from './consult.policy.ts';
import { consultRepository as repo } from './consult.repository.ts';
import { indexConsultation } from './consult.search.ts';

const tRu = translator('ru');

/**
 * The body's official answers a question (or corrects the answer); the answer
 * joins the published transcript and the author gets a notice by e-mail.
 */
export async function answerQuestion(
  deps: Pick<Deps, 'db' | 'clock' | 'mail' | 'config'>,
  origin: Origin,
  input: { consultationId: string; questionId: string; answer: string },
): Promise<void> {
  const c = await repo.consultationById(deps.db, input.consultationId);
  const q = await repo.questionById(deps.db, input.questionId);
  if (!c || !q || q.consultationId !== c.id) throw new NotFound('consultation_question');
  authorize(consultPolicy.canRun(origin.actor, c.orgId), true);
  const by = isSignedIn(origin.actor) ? origin.actor.userId : null;
  const first = q.answer === null;
  const author = first ? await findUserContact(deps.db, q.authorUserId) : undefined;
  await deps.db.transaction(async (tx) => {
    await repo.answerQuestion(tx, q.id, input.answer, by, deps.clock.now());
    await indexConsultation(tx, c);
    await recordAction(tx, {
      ...origin,
      action: first ? 'consultation.answer' : 'consultation.answer_edit',
      objectType: 'consultation_question',
      objectId: q.id,
      orgId: c.orgId,
    });
    if (author)
      await deps.mail.send(tx, {
        to: author.email,
        kind: 'consultation.answered',
        subject: tRu('consult.mail.answered.subject', { topic: c.topic }),
        text: tRu('consult.mail.answered.text', {
          topic: c.topic,
          link: `${deps.config.publicUrl}/consultations/${c.id}#q-${q.id}`,
        }),
      });
  });
}
