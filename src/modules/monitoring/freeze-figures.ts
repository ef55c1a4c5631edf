import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, Conflict, NotFound } from '../../platform/errors/index.ts';
import { findOrganizationsByIds, listAllOrganizations } from '../orgs/index.ts';
import { computeFigures } from './automatic-figures.ts';
import { appliesToLevel, isAutoKey } from './monitoring.model.ts';
import { monitoringPolicy } from './monitoring.policy.ts';
import { monitoringRepository as repo } from './monitoring.repository.ts';

/**
 * Compute the automatic and survey criteria of every organisation of the cycle
 * as of its cut-off and freeze them, with the figures behind each value and
 * the formula; done again, it replaces them (until the rating is published).
 */
export async function freezeFigures(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { cycleId: string },
): Promise<{ values: number }> {
  authorize(monitoringPolicy.canRun(origin.actor));
  const cycle = await repo.findCycle(deps.db, input.cycleId);
  if (!cycle) throw new NotFound('cycle');
  if (cycle.status === 'published') throw new Conflict('monitoring.conflict.published');
  const [members, criteria, all] = await Promise.all([
    repo.cycleOrgs(deps.db, cycle.id),
    repo.criteriaOf(deps.db, cycle.methodologyId),
    listAllOrganizations(deps.db),
  ]);
  const orgs = await findOrganizationsByIds(
    deps.db,
    members.map((m) => m.orgId),
  );
  const figures = await computeFigures(
    deps,
    cycle,
    orgs,
    all.find((o) => o.level === 'government'),
  );
  const now = deps.clock.now();
  const rows = members.flatMap((m) =>
    criteria
      .filter(
        (c) =>
          appliesToLevel(c, m.level) &&
          (c.source === 'survey' || (c.source === 'automatic' && isAutoKey(c.autoKey))),
      )
      .map((c) => {
        const f = figures.get(m.orgId)?.get(c.source === 'survey' ? 'survey' : (c.autoKey as never));
        return {
          cycleId: cycle.id,
          orgId: m.orgId,
          criterionId: c.id,
          value: f?.value ?? null,
          data: { ...(f?.data ?? {}), basis: f?.basis ?? 'Нет данных' },
          computedAt: now,
        };
      }),
  );
  await deps.db.transaction(async (tx) => {
    await repo.replaceAutoValues(tx, cycle.id, rows);
    await repo.updateCycle(tx, cycle.id, { status: 'frozen', frozenAt: now });
    await recordAction(tx, {
      ...origin,
      action: 'monitoring.cycle.freeze',
      objectType: 'monitoring_cycle',
      objectId: cycle.id,
      details: { year: cycle.year, values: rows.length },
    });
  });
  return { values: rows.length };
}
