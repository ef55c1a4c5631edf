import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, Conflict, InvalidInput, NotFound } from '../../platform/errors/index.ts';
import { parseAnswers } from './answers.ts';
import type { TypedAnswer } from './monitoring.input.ts';
import { appliesToLevel } from './monitoring.model.ts';
import { monitoringPolicy } from './monitoring.policy.ts';
import { monitoringRepository as repo } from './monitoring.repository.ts';

/**
 * Save the body's self-assessment as a draft, or submit it (every question
 * answered, once; returned by the project office it may be submitted again).
 * Refused after the rating is published, and with the reason for an answer
 * outside a criterion's scale. Audited.
 */
export async function saveSelfAssessment(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { cycleId: string; orgId: string; action: 'save' | 'submit'; answers: Map<string, TypedAnswer> },
): Promise<void> {
  const cycle = await repo.findCycle(deps.db, input.cycleId);
  const member = cycle ? await repo.cycleOrg(deps.db, cycle.id, input.orgId) : undefined;
  if (!cycle || !member) throw new NotFound('cycle');
  authorize(monitoringPolicy.canSelfAssess(origin.actor, input.orgId));
  if (cycle.status === 'published') throw new Conflict('monitoring.conflict.closed');
  if (member.selfStatus === 'submitted') throw new Conflict('monitoring.conflict.submitted');
  const criteria = (await repo.criteriaOf(deps.db, cycle.methodologyId)).filter(
    (c) => c.source === 'self' && appliesToLevel(c, member.level),
  );
  const submit = input.action === 'submit';
  const { answers, errors } = parseAnswers(criteria, input.answers, {
    requireAll: submit,
    withEvidence: true,
  });
  if (errors.length) throw new InvalidInput(errors);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    for (const a of answers)
      await repo.upsertSelfAnswer(tx, { cycleId: cycle.id, orgId: input.orgId, ...a, updatedAt: now });
    if (submit)
      await repo.setSelfStatus(tx, cycle.id, input.orgId, { selfStatus: 'submitted', selfSubmittedAt: now });
    await recordAction(tx, {
      ...origin,
      action: submit ? 'monitoring.self.submit' : 'monitoring.self.save',
      objectType: 'monitoring_cycle',
      objectId: cycle.id,
      orgId: input.orgId,
      details: { answered: answers.filter((a) => a.value !== null).length },
    });
  });
}
