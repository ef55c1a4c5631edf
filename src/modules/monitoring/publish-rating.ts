import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, Conflict, InvalidInput, NotFound } from '../../platform/errors/index.ts';
import { markOrgSectionFilled } from '../orgs/index.ts';
import { cycleResults } from './cycle-results.ts';
import { ratedLevels } from './monitoring.model.ts';
import { monitoringPolicy } from './monitoring.policy.ts';
import { monitoringRepository as repo } from './monitoring.repository.ts';
import { indexRating } from './monitoring.search.ts';
import { rank } from './scoring.ts';

/**
 * Compute the composite index of every organisation of the cycle, rank bodies
 * and municipalities apart, and publish the rating (a snapshot the public pages
 * read). Refused until the automatic figures are frozen and while experts'
 * scores wait for reconciliation. Audited.
 */
export async function publishRating(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { cycleId: string },
): Promise<{ organisations: number }> {
  authorize(monitoringPolicy.canRun(origin.actor));
  const cycle = await repo.findCycle(deps.db, input.cycleId);
  if (!cycle) throw new NotFound('cycle');
  if (cycle.status === 'published') throw new Conflict('monitoring.conflict.published');
  if (cycle.status !== 'frozen') throw new Conflict('monitoring.conflict.notFrozen');
  const { results, pending } = await cycleResults(deps.db, cycle);
  if (pending.length)
    throw new InvalidInput([
      {
        field: 'form',
        message: `Согласуйте оценки экспертов, расходящиеся больше порога: ${pending.map((p) => p.code).join(', ')}`,
      },
    ]);
  const rows = ratedLevels.flatMap((level) =>
    rank(results.filter((r) => r.level === level).map((r) => ({ ...r, index: r.result.index }))).map((r) => ({
      cycleId: cycle.id,
      orgId: r.orgId,
      level,
      index: r.index,
      rank: r.rank,
      byMechanism: r.result.byMechanism,
      lines: r.result.lines,
    })),
  );
  await deps.db.transaction(async (tx) => {
    await repo.replaceResults(tx, cycle.id, rows);
    await repo.updateCycle(tx, cycle.id, { status: 'published', publishedAt: deps.clock.now() });
    // each rated organisation's «Рейтинг открытости» section now has content
    for (const r of rows) await markOrgSectionFilled(tx, r.orgId, 'openness_rating', deps.clock.now());
    // the rating and each organisation's page in it join the portal's search
    const published = await repo.findCycle(tx, cycle.id);
    if (published) await indexRating(tx, published);
    await recordAction(tx, {
      ...origin,
      action: 'monitoring.rating.publish',
      objectType: 'monitoring_cycle',
      objectId: cycle.id,
      details: { year: cycle.year, organisations: rows.length },
    });
  });
  return { organisations: rows.length };
}
