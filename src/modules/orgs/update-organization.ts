import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, NotFound } from '../../platform/errors/index.ts';
import type { OrgDetailsInput } from './orgs.input.ts';
import { canManageOrg } from './orgs.policy.ts';
import { orgsRepository as repo } from './orgs.repository.ts';
import { indexOrganization } from './orgs.search.ts';

/**
 * Save the details staff keep for an organisation (head, contacts,
 * description, ИНН). Entering an ИНН other than the placeholder makes it real.
 */
export async function updateOrganization(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { slug: string; details: OrgDetailsInput },
): Promise<{ changed: string[] }> {
  return deps.db.transaction(async (tx) => {
    const org = await repo.findBySlug(tx, input.slug);
    if (!org) throw new NotFound('organization');
    authorize(canManageOrg(origin.actor, org));
    const d = input.details;
    const innIsDemo = d.inn !== null && d.inn === org.inn ? org.innIsDemo : false;
    const next = { ...d, innIsDemo };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== org[k]);
    if (changed.length === 0) return { changed };
    await repo.updateDetails(tx, org.id, next, deps.clock.now());
    const updated = await repo.findById(tx, org.id);
    if (updated) await indexOrganization(tx, updated);
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'organization.update',
      objectType: 'organization',
      objectId: org.id,
      orgId: org.id,
      details: { fields: changed },
    });
    return { changed };
  });
}
