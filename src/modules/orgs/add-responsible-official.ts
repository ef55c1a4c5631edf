import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, NotFound } from '../../platform/errors/index.ts';
import type { OfficialInput } from './orgs.input.ts';
import { canManageOrg } from './orgs.policy.ts';
import { type OfficialRow, orgsRepository as repo } from './orgs.repository.ts';
import { indexOrgPeople } from './orgs.search.ts';

/** Name a person who answers for a duty in an organisation (tasks 3.2, 4.1, 7.4, 10.1). */
export async function addResponsibleOfficial(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { slug: string; official: OfficialInput },
): Promise<OfficialRow> {
  return deps.db.transaction(async (tx) => {
    const org = await repo.findBySlug(tx, input.slug);
    if (!org) throw new NotFound('organization');
    authorize(canManageOrg(origin.actor, org));
    const now = deps.clock.now();
    const row = await repo.insertOfficial(tx, {
      ...input.official,
      orgId: org.id,
      isDemo: false,
      sortOrder: (await repo.maxOfficialSort(tx, org.id)) + 10,
      createdAt: now,
      updatedAt: now,
    });
    await indexOrgPeople(tx, org);
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'responsible_official.create',
      objectType: 'responsible_official',
      objectId: row.id,
      orgId: org.id,
      details: { duty: row.duty },
    });
    return row;
  });
}
