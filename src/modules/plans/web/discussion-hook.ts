import type { Deps } from '../../../platform/deps.ts';
import type { PlanRow } from '../plans.repository.ts';

/**
 * ATTACH POINT: called inside the transaction of «вынести на обсуждение». When
 * the participation module exports its attach API (src/modules/participation/index.ts),
 * this opens a discussion on the plan with its items as anchors and returns the
 * discussion's id (kept in plans.discussion_id). Until then no discussion is opened.
 */
export function openPlanDiscussion(_deps: Pick<Deps, 'db'>): (plan: PlanRow) => Promise<string | null> {
  return async () => null;
}
