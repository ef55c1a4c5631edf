import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, Conflict, NotFound } from '../../platform/errors/index.ts';
import type { AssessmentInput } from './councils.input.ts';
import { assessmentQuestions } from './councils.model.ts';
import { councilsPolicy } from './councils.policy.ts';
import { councilsRepository as repo } from './councils.repository.ts';

/**
 * The yearly independent assessment of how the body works with its council
 * (task 1.5): a pool expert fills the questionnaire (`expert`), the council's
 * keepers its self-assessment (`self`); once per person, council and year.
 */
export async function submitAssessment(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { councilId: string; kind: 'expert' | 'self'; assessment: AssessmentInput },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const actor = origin.actor;
    if (!isSignedIn(actor)) throw new NotFound();
    const council = await repo.findCouncil(tx, input.councilId);
    if (!council) throw new NotFound('council');
    if (input.kind === 'self') authorize(councilsPolicy.canManage(actor, council));
    else authorize((await repo.poolMemberOfUser(tx, actor.userId)) !== undefined);
    const a = input.assessment;
    const answers = Object.fromEntries(assessmentQuestions.map((q) => [q, a[q]]));
    const fresh = await repo.insertAssessment(tx, {
      councilId: council.id,
      year: a.year,
      kind: input.kind,
      respondentUserId: actor.userId,
      answers,
      comment: a.comment,
      createdAt: deps.clock.now(),
    });
    if (!fresh) throw new Conflict('councils.err.alreadyAssessed');
    await recordAction(tx, {
      actor,
      ip: origin.ip,
      action: 'council_assessment.submit',
      objectType: 'council',
      objectId: council.id,
      orgId: council.orgId,
      details: { year: a.year, kind: input.kind },
    });
  });
}
