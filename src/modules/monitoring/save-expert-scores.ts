import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, Conflict, InvalidInput, NotFound } from '../../platform/errors/index.ts';
import { parseAnswers } from './answers.ts';
import type { TypedAnswer } from './monitoring.input.ts';
import { appliesToLevel } from './monitoring.model.ts';
import { monitoringPolicy } from './monitoring.policy.ts';
import { type CriterionRow, monitoringRepository as repo } from './monitoring.repository.ts';

/** The criteria an expert scores for an organisation of this level: expert and outside-view ones. */
export function expertCriteria(criteria: readonly CriterionRow[], level: string): CriterionRow[] {
  return criteria.filter(
    (c) => (c.source === 'expert' || c.source === 'outside') && appliesToLevel(c, level),
  );
}

/**
 * The assigned expert saves or submits their scores of an organisation. Only
 * the assigned expert, never one who works in it; once submitted the scores are
 * final (and the expert then sees the other experts'). Audited.
 */
export async function saveExpertScores(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { assignmentId: string; action: 'save' | 'submit'; answers: Map<string, TypedAnswer> },
): Promise<void> {
  const a = await repo.findAssignment(deps.db, input.assignmentId);
  if (!a) throw new NotFound('assignment');
  authorize(monitoringPolicy.canScore(origin.actor, a));
  const cycle = await repo.findCycle(deps.db, a.cycleId);
  const member = await repo.cycleOrg(deps.db, a.cycleId, a.orgId);
  if (!cycle || !member) throw new NotFound('cycle');
  if (cycle.status === 'published') throw new Conflict('monitoring.conflict.closed');
  if (a.submittedAt) throw new Conflict('monitoring.conflict.scored');
  const criteria = expertCriteria(await repo.criteriaOf(deps.db, cycle.methodologyId), member.level);
  const submit = input.action === 'submit';
  const { answers, errors } = parseAnswers(criteria, input.answers, {
    requireAll: submit,
    withEvidence: false,
  });
  if (errors.length) throw new InvalidInput(errors);
  await deps.db.transaction(async (tx) => {
    await repo.replaceScores(
      tx,
      a.id,
      answers
        .filter((x) => x.value !== null)
        .map((x) => ({
          assignmentId: a.id,
          criterionId: x.criterionId,
          value: x.value as number,
          comment: x.comment,
        })),
    );
    if (submit) await repo.markAssignmentSubmitted(tx, a.id, deps.clock.now());
    await recordAction(tx, {
      ...origin,
      action: submit ? 'monitoring.expert.submit' : 'monitoring.expert.save',
      objectType: 'monitoring_assignment',
      objectId: a.id,
      orgId: a.orgId,
    });
  });
}
