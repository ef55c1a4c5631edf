import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, Conflict, NotFound } from '../../platform/errors/index.ts';
import { monitoringPolicy } from './monitoring.policy.ts';
import { monitoringRepository as repo } from './monitoring.repository.ts';

/** The project office returns a submitted self-assessment for corrections, with remarks the body sees. Audited. */
export async function returnSelfAssessment(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { cycleId: string; orgId: string; remarks: string },
): Promise<void> {
  authorize(monitoringPolicy.canRun(origin.actor));
  const cycle = await repo.findCycle(deps.db, input.cycleId);
  const member = cycle ? await repo.cycleOrg(deps.db, cycle.id, input.orgId) : undefined;
  if (!cycle || !member) throw new NotFound('cycle');
  if (cycle.status === 'published') throw new Conflict('monitoring.conflict.closed');
  if (member.selfStatus !== 'submitted') throw new Conflict('monitoring.conflict.notSubmitted');
  await deps.db.transaction(async (tx) => {
    await repo.setSelfStatus(tx, cycle.id, input.orgId, {
      selfStatus: 'returned',
      selfRemarks: input.remarks,
    });
    await recordAction(tx, {
      ...origin,
      action: 'monitoring.self.return',
      objectType: 'monitoring_cycle',
      objectId: cycle.id,
      orgId: input.orgId,
    });
  });
}
