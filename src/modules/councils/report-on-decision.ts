import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { NotFound } from '../../platform/errors/index.ts';
import { councilForStaff } from './council-access.ts';
import { councilsRepository as repo } from './councils.repository.ts';

/** The body reports what it did with a council's decision or recommendation; the decision is then closed (task 1.3). */
export async function reportOnDecision(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { decisionId: string; reportRu: string },
): Promise<{ meetingId: string }> {
  return deps.db.transaction(async (tx) => {
    const decision = await repo.findDecision(tx, input.decisionId);
    if (!decision) throw new NotFound('council_decision');
    const council = await councilForStaff(tx, origin.actor, decision.councilId);
    await repo.reportDecision(tx, decision.id, input.reportRu, deps.clock.now());
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'council_decision.report',
      objectType: 'council_decision',
      objectId: decision.id,
      orgId: council.orgId,
    });
    return { meetingId: decision.meetingId };
  });
}
