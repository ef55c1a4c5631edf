import type { Actor } from '../../platform/authz/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { authorize, NotFound } from '../../platform/errors/index.ts';
import { canManageOrg, managedOrgIds, managesAllOrgs } from './orgs.policy.ts';
import { type OfficialRow, type OrgRow, orgsRepository as repo } from './orgs.repository.ts';

/** An organisation with its officials, for the staff who keep it. */
export async function getOrgForStaff(
  deps: { db: DbOrTx },
  actor: Actor,
  slug: string,
): Promise<{ org: OrgRow; officials: OfficialRow[] }> {
  const org = await repo.findBySlug(deps.db, slug);
  if (!org) throw new NotFound('organization');
  authorize(canManageOrg(actor, org));
  return { org, officials: await repo.officials(deps.db, org.id) };
}

/** The organisations whose details this person may change. */
export async function listManagedOrgs(deps: { db: DbOrTx }, actor: Actor): Promise<OrgRow[]> {
  if (managesAllOrgs(actor)) return repo.list(deps.db);
  const ids = managedOrgIds(actor);
  const rows = await repo.findByIds(deps.db, ids);
  return rows.sort((a, b) => a.sortOrder - b.sortOrder);
}
