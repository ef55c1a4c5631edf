import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, NotFound } from '../../platform/errors/index.ts';
import { canManageOrg } from './orgs.policy.ts';
import { orgsRepository as repo } from './orgs.repository.ts';
import { indexOrgPeople } from './orgs.search.ts';

/** Take a person off the list of responsible officials. */
export async function removeResponsibleOfficial(
  deps: Pick<Deps, 'db'>,
  origin: Origin,
  input: { slug: string; id: string },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const org = await repo.findBySlug(tx, input.slug);
    if (!org) throw new NotFound('organization');
    authorize(canManageOrg(origin.actor, org));
    const current = await repo.findOfficial(tx, org.id, input.id);
    if (!current) throw new NotFound('responsible_official');
    await repo.deleteOfficial(tx, org.id, current.id);
    await indexOrgPeople(tx, org);
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'responsible_official.delete',
      objectType: 'responsible_official',
      objectId: current.id,
      orgId: org.id,
      details: { duty: current.duty },
    });
  });
}
