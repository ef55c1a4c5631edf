import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import { isSignedIn } from '../../../platform/authz/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { authorize, InvalidInput, NotFound } from '../../../platform/errors/index.ts';
import { findPersonalData } from '../../appeals/index.ts';
import { markOrgSectionFilled } from '../../orgs/index.ts';
import type { PracticeCommentInput } from './practice.input.ts';
import { practicePolicy } from './practice.policy.ts';
import { type PracticeCaseRow, practiceRepository as repo } from './practice.repository.ts';

/**
 * The body publishes its comment on a case together with the description
 * cleared of personal data; a text in which the anonymiser still finds a
 * name, a phone, an address or a document number is refused (152-ФЗ).
 * Publishing again changes the comment; the first publication date stays.
 */
export async function commentOnPracticeCase(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { id: string; comment: PracticeCommentInput },
): Promise<PracticeCaseRow> {
  return deps.db.transaction(async (tx) => {
    const c = await repo.findById(tx, input.id);
    if (!c) throw new NotFound();
    authorize(practicePolicy.canWork(origin.actor, c.orgId), !practicePolicy.canView(origin.actor, c));
    const blocked = (['publicDescription', 'comment'] as const).filter(
      (field) => findPersonalData(input.comment[field]).length > 0,
    );
    if (blocked.length)
      throw new InvalidInput(blocked.map((field) => ({ field, message: 'practice.personalData' })));
    const row = await repo.publish(tx, c.id, {
      ...input.comment,
      commentedBy: isSignedIn(origin.actor) ? origin.actor.userId : null,
      at: deps.clock.now(),
    });
    // the body's «Правоприменительная практика» section on its home stops showing as empty
    if (c.status !== 'published') await markOrgSectionFilled(tx, c.orgId, 'practice', deps.clock.now());
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: c.status === 'published' ? 'practice.comment.change' : 'practice.publish',
      objectType: 'practice_case',
      objectId: c.id,
      orgId: c.orgId,
      details: {},
    });
    return row;
  });
}
