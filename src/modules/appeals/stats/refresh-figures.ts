import { REGION_TZ } from '../../../platform/calendar/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { appealsRepository } from '../appeals.repository.ts';
import { statsRepository as repo } from './stats.repository.ts';

/** The job that recomputes the months of figures changed since (issue 11): every minute, and once at start. */
export const FIGURES_QUEUE = 'appeals.figures.refresh';

/**
 * Recompute every month of figures listed as changed, a batch a transaction; returns how many.
 * Reads stay exact meanwhile: a month still listed is computed live (stats.repository.ts).
 */
export async function refreshAppealFigures(deps: Pick<Deps, 'db'>): Promise<number> {
  // and the staff queue's counts by status, kept the same way (appeals.repository.ts queueCounts)
  await appealsRepository.foldStatusDeltas(deps.db);
  let done = 0;
  for (;;) {
    const n = await repo.refreshMonths(deps.db);
    if (n === 0) return done;
    done += n;
  }
}

export async function startFiguresRefresh(deps: Deps): Promise<void> {
  await deps.jobs.work(FIGURES_QUEUE, async () => {
    await refreshAppealFigures(deps);
  });
  await deps.jobs.boss.schedule(FIGURES_QUEUE, '* * * * *', {}, { tz: REGION_TZ });
  // the months a migration or an import listed need not wait for the first minute
  await deps.jobs.enqueue(deps.db, FIGURES_QUEUE, {}, { singletonKey: 'start', retryLimit: 2 });
}
