import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, NotFound } from '../../platform/errors/index.ts';
import type { OfficialInput } from './orgs.input.ts';
import { canManageOrg } from './orgs.policy.ts';
import { orgsRepository as repo } from './orgs.repository.ts';
import { indexOrgPeople } from './orgs.search.ts';

/** Change a responsible official; a saved demo entry becomes a real one. */
export async function updateResponsibleOfficial(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { slug: string; id: string; official: OfficialInput },
): Promise<{ changed: string[] }> {
  return deps.db.transaction(async (tx) => {
    const org = await repo.findBySlug(tx, input.slug);
    if (!org) throw new NotFound('organization');
    authorize(canManageOrg(origin.actor, org));
    const current = await repo.findOfficial(tx, org.id, input.id);
    if (!current) throw new NotFound('responsible_official');
    const next = { ...input.official, isDemo: false };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== current[k]);
    if (changed.length === 0) return { changed };
    await repo.updateOfficial(tx, org.id, current.id, { ...next, updatedAt: deps.clock.now() });
    await indexOrgPeople(tx, org);
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'responsible_official.update',
      objectType: 'responsible_official',
      objectId: current.id,
      orgId: org.id,
      details: { fields: changed },
    });
    return { changed };
  });
}
