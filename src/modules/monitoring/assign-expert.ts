import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { orgRoles } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, Conflict, InvalidInput, NotFound } from '../../platform/errors/index.ts';
import { findGlobalRoleHolders, findOrgStaff } from '../accounts/index.ts';
import { monitoringPolicy } from './monitoring.policy.ts';
import { type AssignmentRow, monitoringRepository as repo } from './monitoring.repository.ts';

/**
 * Assign an expert of the pool to score an organisation of the cycle. Refused
 * with the reason for someone who is not an expert, or who works in that
 * organisation (they would judge their own). Audited.
 */
export async function assignExpert(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { cycleId: string; orgId: string; expertUserId: string },
): Promise<AssignmentRow> {
  authorize(monitoringPolicy.canRun(origin.actor));
  const cycle = await repo.findCycle(deps.db, input.cycleId);
  if (!cycle) throw new NotFound('cycle');
  if (cycle.status === 'published') throw new Conflict('monitoring.conflict.closed');
  if (!(await repo.cycleOrg(deps.db, cycle.id, input.orgId)))
    throw new InvalidInput([{ field: 'orgId', message: 'monitoring.err.org' }]);
  const experts = await findGlobalRoleHolders(deps.db, 'expert');
  if (!experts.some((e) => e.id === input.expertUserId))
    throw new InvalidInput([{ field: 'expertUserId', message: 'monitoring.err.expert' }]);
  const staff = await findOrgStaff(deps.db, input.orgId, orgRoles);
  if (staff.some((s) => s.id === input.expertUserId))
    throw new InvalidInput([{ field: 'expertUserId', message: 'monitoring.err.ownOrg' }]);
  return deps.db.transaction(async (tx) => {
    const row = await repo.insertAssignment(tx, {
      cycleId: cycle.id,
      orgId: input.orgId,
      expertUserId: input.expertUserId,
    });
    if (!row) throw new InvalidInput([{ field: 'expertUserId', message: 'monitoring.err.assigned' }]);
    await recordAction(tx, {
      ...origin,
      action: 'monitoring.expert.assign',
      objectType: 'monitoring_assignment',
      objectId: row.id,
      orgId: input.orgId,
      details: { expert: input.expertUserId },
    });
    return row;
  });
}
