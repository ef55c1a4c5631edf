import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import { toLocalDate } from '../../../platform/calendar/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { authorize, Conflict, NotFound } from '../../../platform/errors/index.ts';
import { markOrgSectionFilled } from '../../orgs/index.ts';
import { requireReviewPublishable } from '../faq/publication-check.ts';
import type { ReviewInput } from '../public.input.ts';
import { publicSidePolicy } from '../public.policy.ts';
import { type ReviewRow, publicRepository as repo } from '../public.repository.ts';
import { quarterPeriod } from '../stats/figures.ts';
import { getOrgAppealStats } from '../stats/get-appeal-stats.ts';

/**
 * Build (or rebuild) a body's quarterly review of appeals from the data
 * (task 4.2): the figures are frozen already suppressed, with the body's
 * comment on measures taken. Audited.
 */
export async function prepareReview(
  deps: Pick<Deps, 'db'>,
  origin: Origin,
  input: ReviewInput,
): Promise<ReviewRow> {
  authorize(publicSidePolicy.canManage(origin.actor, input.orgId));
  const figures = await getOrgAppealStats(deps, input.orgId, quarterPeriod(input.year, input.quarter));
  return deps.db.transaction(async (tx) => {
    // a published review is checked again on every edit, like an FAQ item
    const before = await repo.review(tx, input.orgId, input.year, input.quarter);
    if (before?.publishedAt) await requireReviewPublishable(tx, input.comment ?? null, input.orgId);
    const row = await repo.upsertReview(tx, { ...input, figures });
    await recordAction(tx, {
      ...origin,
      action: 'appeal_review.save',
      objectType: 'appeal_review',
      objectId: row.id,
      orgId: row.orgId,
      details: { year: row.year, quarter: row.quarter },
    });
    return row;
  });
}

/** The last day of the review's quarter has passed (in Europe/Kaliningrad). */
export function quarterEnded(r: Pick<ReviewRow, 'year' | 'quarter'>, now: Date): boolean {
  return toLocalDate(now) > quarterPeriod(r.year, r.quarter).to;
}

/** Publish a review once its quarter has ended, or withdraw it; audited. */
export async function publishReview(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { id: string; publish: boolean },
): Promise<void> {
  const r = await repo.reviewById(deps.db, input.id);
  if (!r) throw new NotFound('appeal_review');
  authorize(publicSidePolicy.canManage(origin.actor, r.orgId), true);
  const now = deps.clock.now();
  if (input.publish && !quarterEnded(r, now)) throw new Conflict('quarter_not_ended');
  await deps.db.transaction(async (tx) => {
    if (input.publish) await requireReviewPublishable(tx, r.comment, r.orgId);
    await repo.setReviewPublished(
      tx,
      r.id,
      input.publish ? now : null,
      input.publish && origin.actor.kind === 'user' ? origin.actor.userId : null,
    );
    if (input.publish) await markOrgSectionFilled(tx, r.orgId, 'appeals', now);
    await recordAction(tx, {
      ...origin,
      action: input.publish ? 'appeal_review.publish' : 'appeal_review.unpublish',
      objectType: 'appeal_review',
      objectId: r.id,
      orgId: r.orgId,
      details: { year: r.year, quarter: r.quarter },
    });
  });
}
