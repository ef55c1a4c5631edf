import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import { isSignedIn } from '../../../platform/authz/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { authorize, InvalidInput, NotFound } from '../../../platform/errors/index.ts';
import { findPersonalData } from '../../appeals/index.ts';
import { markOrgSectionFilled } from '../../orgs/index.ts';
import { openDiscussion } from '../../participation/index.ts';
import type { PracticeCommentInput } from './practice.input.ts';
import { practicePolicy } from './practice.policy.ts';
import { type PracticeCaseRow, practiceRepository as repo } from './practice.repository.ts';

/** The discussion engine's object type of a practice case. */
export const PRACTICE_OBJECT = 'practice_case';
const DISCUSSION_DAYS = 30;

/**
 * The body publishes its comment on a case together with the description
 * cleared of personal data; a text in which the anonymiser still finds a
 * name, a phone, an address or a document number is refused (152-ФЗ).
 * Publishing again changes the comment; the first publication date stays.
 * The first publication opens a public discussion of the case (30 days).
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
    if (c.status !== 'published') {
      const now = deps.clock.now();
      // the body's «Правоприменительная практика» section on its home stops showing as empty
      await markOrgSectionFilled(tx, c.orgId, 'practice', now);
      // the public discusses the published case for 30 days (the participation module's engine)
      await openDiscussion({ db: tx as unknown as Deps['db'], clock: deps.clock }, origin, {
        objectType: PRACTICE_OBJECT,
        objectId: c.id,
        orgId: c.orgId,
        title: c.act,
        ownerUrl: `/practice/${c.id}`,
        rules: 'Обсуждается практика применения акта в этом случае; не указывайте персональные данные.',
        opensAt: now,
        closesAt: new Date(now.getTime() + DISCUSSION_DAYS * 86_400_000),
        moderation: 'post',
      });
    }
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
