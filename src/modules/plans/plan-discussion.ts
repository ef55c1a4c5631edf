import type { Origin } from '../../platform/audit/index.ts';
import type { Actor } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { findOrganizationById } from '../orgs/index.ts';
import {
  type DiscussionView,
  getDiscussionForObject,
  loadDiscussionView,
  openDiscussion,
  setDiscussionPeriod,
} from '../participation/index.ts';
import { type PlanRow, plansRepository as repo } from './plans.repository.ts';

/** The participation engine's object type for a plan's discussion. */
export const PLAN_DISCUSSION = 'plan';
/** How long a plan stays open for comments when staff put it up for discussion (calendar days). */
export const PLAN_DISCUSSION_DAYS = 30;
const RULES =
  'Предложения принимаются к плану в целом или к его цели, задаче, показателю, мероприятию: выберите пункт плана. Итоги обсуждения публикуются вместе с планом.';

/** «к пункту 1.2. Название» as a comment's anchor label. */
const anchorLabel = (item: { code: string | null; titleRu: string }) =>
  item.code ? `${item.code}. ${item.titleRu}` : item.titleRu;

/**
 * Attach the participation engine's discussion to a plan put up for discussion
 * (task 5.2), its items as anchors, open from now for PLAN_DISCUSSION_DAYS.
 * Runs inside the caller's transaction (the engine's own becomes a savepoint).
 */
export async function openPlanDiscussion(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  plan: PlanRow,
  opensAt: Date = deps.clock.now(),
): Promise<string> {
  const [org, items] = await Promise.all([
    findOrganizationById(deps.db, plan.orgId),
    repo.items(deps.db, plan.id),
  ]);
  const d = await openDiscussion(deps, origin, {
    objectType: PLAN_DISCUSSION,
    objectId: plan.id,
    orgId: plan.orgId,
    title: plan.titleRu,
    ownerUrl: org ? `/orgs/${org.slug}/plans/${plan.id}` : null,
    rules: RULES,
    opensAt,
    closesAt: new Date(opensAt.getTime() + PLAN_DISCUSSION_DAYS * 86_400_000),
    moderation: 'post',
    anchors: items.map((i) => ({ id: i.id, label: anchorLabel(i) })),
  });
  return d.id;
}

/** The plan has left «на обсуждении» (submitted for agreement, or returned): its discussion takes no more comments. */
export async function closePlanDiscussion(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  plan: PlanRow,
): Promise<void> {
  await setDiscussionPeriod(deps, origin, {
    objectType: PLAN_DISCUSSION,
    objectId: plan.id,
    closesAt: 'now',
    ownerAuthorized: true,
  });
}

/**
 * The plan is put up for discussion again: its discussion takes comments from now for
 * PLAN_DISCUSSION_DAYS, on the plan's items as they are now (items added since become anchors).
 */
export async function reopenPlanDiscussion(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  plan: PlanRow,
): Promise<void> {
  const items = await repo.items(deps.db, plan.id);
  await setDiscussionPeriod(deps, origin, {
    objectType: PLAN_DISCUSSION,
    objectId: plan.id,
    closesAt: new Date(deps.clock.now().getTime() + PLAN_DISCUSSION_DAYS * 86_400_000),
    ownerAuthorized: true,
    anchors: items.map((i) => ({ id: i.id, label: anchorLabel(i) })),
  });
}

/**
 * The plan's discussion as this reader sees it; for an item's page only the
 * comments on that item (with their replies), the form set to that item.
 */
export async function getPlanDiscussion(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  plan: PlanRow,
  itemId?: string,
): Promise<DiscussionView | null> {
  const d = await getDiscussionForObject(deps.db, PLAN_DISCUSSION, plan.id);
  if (!d) return null;
  const view = await loadDiscussionView(deps, actor, d);
  if (!itemId) return view;
  const comments = view.comments.filter((c) => c.anchorId === itemId);
  const publishedCount = comments.reduce(
    (n, c) =>
      n + (c.status === 'published' ? 1 : 0) + c.replies.filter((r) => r.status === 'published').length,
    0,
  );
  return { ...view, comments, publishedCount };
}
