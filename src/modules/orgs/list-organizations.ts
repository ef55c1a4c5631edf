import type { DbOrTx } from '../../platform/db/client.ts';
import { type OrgFilter, type OrgRow, orgsRepository as repo } from './orgs.repository.ts';

/** A page of the public list of organisations, filtered by kind and level. Public: no access check. */
export async function listOrganizations(
  deps: { db: DbOrTx },
  filter: OrgFilter,
  page: { page: number; perPage: number } = { page: 1, perPage: 1000 },
): Promise<{ items: OrgRow[]; total: number }> {
  const [items, total] = await Promise.all([
    repo.list(deps.db, filter, { limit: page.perPage, offset: (page.page - 1) * page.perPage }),
    repo.count(deps.db, filter),
  ]);
  return { items, total };
}
