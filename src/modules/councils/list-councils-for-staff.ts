import type { Actor } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize } from '../../platform/errors/index.ts';
import { listAllOrganizations, type OrgRow } from '../orgs/index.ts';
import { councilForStaff } from './council-access.ts';
import { councilsPolicy } from './councils.policy.ts';
import { type CouncilRow, councilsRepository as repo } from './councils.repository.ts';

/** The bodies a staff member keeps and the organisations they may create one for. */
export async function listCouncilsForStaff(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
): Promise<{ councils: CouncilRow[]; orgs: OrgRow[] }> {
  authorize(councilsPolicy.canOpenManage(actor));
  const orgs = (await listAllOrganizations(deps.db)).filter((o) =>
    councilsPolicy.canManage(actor, { orgId: o.id }),
  );
  const councils = await repo.listCouncils(
    deps.db,
    orgs.map((o) => o.id),
  );
  return { councils, orgs };
}

/** A body with everything its staff page lists. */
export async function getCouncilForStaff(deps: Pick<Deps, 'db'>, actor: Actor, councilId: string) {
  const council = await councilForStaff(deps.db, actor, councilId);
  const [members, calls, meetings, conclusions, opinions, pool] = await Promise.all([
    repo.membersOf(deps.db, council.id),
    repo.callsOf(deps.db, council.id),
    repo.meetingsOf(deps.db, council.id),
    repo.conclusionsOf(deps.db, council.id),
    repo.opinionRequestsOf(deps.db, council.id),
    repo.pool(deps.db),
  ]);
  return { council, members, calls, meetings, conclusions, opinions, pool };
}
