import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, NotFound } from '../../platform/errors/index.ts';
import { findOrganizationBySlug } from '../orgs/index.ts';
import type { CouncilInput } from './councils.input.ts';
import { councilsPolicy } from './councils.policy.ts';
import { type CouncilRow, councilsRepository as repo } from './councils.repository.ts';
import { indexCouncil } from './councils.search.ts';

/** Create a body (public council, expert council, commission, project office, working group) of an organisation. */
export async function createCouncil(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { orgSlug: string; council: CouncilInput },
): Promise<CouncilRow> {
  return deps.db.transaction(async (tx) => {
    const org = await findOrganizationBySlug(tx, input.orgSlug);
    if (!org) throw new NotFound('organization');
    authorize(councilsPolicy.canManage(origin.actor, { orgId: org.id }));
    const now = deps.clock.now();
    const row = await repo.insertCouncil(tx, {
      ...input.council,
      orgId: org.id,
      createdAt: now,
      updatedAt: now,
    });
    await indexCouncil(tx, row);
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'council.create',
      objectType: 'council',
      objectId: row.id,
      orgId: org.id,
      details: { kind: row.kind },
    });
    return row;
  });
}
