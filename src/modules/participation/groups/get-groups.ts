import { type Actor, isSignedIn } from '../../../platform/authz/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { authorize, NotFound } from '../../../platform/errors/index.ts';
import { groupsPolicy } from './groups.policy.ts';
import { type GroupRow, groupsRepository as repo } from './groups.repository.ts';
import { periodOf } from './period.ts';

/** /orgs/<slug>/groups: the body's groups with their rating summaries and council referrals (task 2.5). */
export async function getOrgGroups(deps: Pick<Deps, 'db'>, orgId: string) {
  const groups = await repo.groupsOf(deps.db, [orgId]);
  const ids = groups.map((g) => g.id);
  const [summaries, referrals] = await Promise.all([
    repo.summaries(deps.db, ids),
    repo.referralsOf(deps.db, ids),
  ]);
  return { groups, summaries, referrals };
}

/** A group's page: the group, the person's membership and this period's rating, its summaries. */
export async function getGroupPage(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, groupId: string) {
  const group = await repo.groupById(deps.db, groupId);
  if (!group) throw new NotFound('reference_group');
  const period = periodOf(deps.clock.now());
  const member = isSignedIn(actor) ? await repo.membership(deps.db, group.id, actor.userId) : undefined;
  const rating =
    member && isSignedIn(actor) ? await repo.ratingOf(deps.db, group.id, actor.userId, period) : undefined;
  const [summaries, referrals] = await Promise.all([
    repo.summaries(deps.db, [group.id]),
    repo.referralsOf(deps.db, [group.id]),
  ]);
  return { group, member, rating, period, summaries, referrals };
}

/** /manage/groups: the groups of the bodies this person keeps, with members and waiting requests. */
export async function listGroupsForStaff(deps: Pick<Deps, 'db'>, actor: Actor) {
  authorize(groupsPolicy.canManageAny(actor));
  return repo.groupsOf(deps.db, groupsPolicy.managedOrgIds(actor));
}

/** A group for its staff: members (waiting first), summaries, this period's comments, referrals. */
export async function getGroupForStaff(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, groupId: string) {
  const group = await repo.groupById(deps.db, groupId);
  if (!group) throw new NotFound('reference_group');
  authorize(groupsPolicy.canManage(actor, group.orgId), true);
  const period = periodOf(deps.clock.now());
  const [members, summaries, comments, referrals] = await Promise.all([
    repo.membersOf(deps.db, group.id),
    repo.summaries(deps.db, [group.id]),
    repo.comments(deps.db, group.id, period),
    repo.referralsOf(deps.db, [group.id]),
  ]);
  return { group, members, summaries, comments, referrals, period };
}

/** The person's groups (the cabinet). */
export async function getOwnGroups(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
): Promise<{ member: { status: string; organisation: string | null }; group: GroupRow }[]> {
  if (!isSignedIn(actor)) return [];
  return repo.groupsOfUser(deps.db, actor.userId);
}
