import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, Conflict, InvalidInput } from '../../platform/errors/index.ts';
import { findOrganizationsByIds } from '../orgs/index.ts';
import type { CycleInput } from './monitoring.input.ts';
import { ratedLevels } from './monitoring.model.ts';
import { monitoringPolicy } from './monitoring.policy.ts';
import { type CycleRow, monitoringRepository as repo } from './monitoring.repository.ts';

/**
 * Open the yearly cycle (one per year) on the active methodology for a set of
 * executive bodies and municipalities; the cycle keeps that version whatever
 * is edited later. Audited.
 */
export async function openCycle(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: CycleInput,
): Promise<CycleRow> {
  authorize(monitoringPolicy.canRun(origin.actor));
  const methodology = await repo.activeMethodology(deps.db);
  if (!methodology) throw new Conflict('monitoring.conflict.noMethodology');
  if (await repo.cycleOfYear(deps.db, input.year))
    throw new InvalidInput([{ field: 'year', message: 'monitoring.err.yearTaken' }]);
  if (!input.cutoffOn.startsWith(String(input.year)) && !input.cutoffOn.startsWith(String(input.year + 1)))
    throw new InvalidInput([{ field: 'cutoffOn', message: 'monitoring.err.cutoffYear' }]);
  const orgs = (await findOrganizationsByIds(deps.db, [...new Set(input.orgIds)])).filter((o) =>
    (ratedLevels as readonly string[]).includes(o.level),
  );
  if (orgs.length === 0) throw new InvalidInput([{ field: 'orgIds', message: 'monitoring.err.orgs' }]);
  return deps.db.transaction(async (tx) => {
    const cycle = await repo.insertCycle(tx, {
      year: input.year,
      methodologyId: methodology.id,
      cutoffOn: input.cutoffOn,
      openedBy: isSignedIn(origin.actor) ? origin.actor.userId : null,
      openedAt: deps.clock.now(),
    });
    await repo.insertCycleOrgs(
      tx,
      orgs.map((o) => ({ cycleId: cycle.id, orgId: o.id, level: o.level })),
    );
    await recordAction(tx, {
      ...origin,
      action: 'monitoring.cycle.open',
      objectType: 'monitoring_cycle',
      objectId: cycle.id,
      details: { year: cycle.year, orgs: orgs.length, methodologyVersion: methodology.version },
    });
    return cycle;
  });
}
