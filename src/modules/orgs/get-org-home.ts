import type { DbOrTx } from '../../platform/db/client.ts';
import { NotFound } from '../../platform/errors/index.ts';
import {
  type OfficialRow,
  type OrgRow,
  type OrgSectionRow,
  orgsRepository as repo,
} from './orgs.repository.ts';

export type OrgHome = {
  org: OrgRow;
  parent: OrgRow | null;
  sections: OrgSectionRow[];
  officials: OfficialRow[];
  children: OrgRow[];
};

/** Everything an organisation's public home shows; 404 for an unknown slug. Public: no access check. */
export async function getOrgHome(deps: { db: DbOrTx }, slug: string): Promise<OrgHome> {
  const org = await repo.findBySlug(deps.db, slug);
  if (!org) throw new NotFound('organization');
  const [parent, sections, officials, children] = await Promise.all([
    org.parentId ? repo.findById(deps.db, org.parentId) : Promise.resolve(undefined),
    repo.sections(deps.db, org.id, { enabledOnly: true }),
    repo.officials(deps.db, org.id),
    repo.children(deps.db, org.id),
  ]);
  return { org, parent: parent ?? null, sections, officials, children };
}
