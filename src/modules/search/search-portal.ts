import type { Db } from '../../platform/db/client.ts';
import { type SearchOptions, type SearchResult, searchEntriesQuery } from '../../platform/search/index.ts';
import { listAllOrganizations, type OrgRow } from '../orgs/index.ts';
import type { SearchRequest } from './search.input.ts';

const NO_ORG = '00000000-0000-0000-0000-000000000000';

export type PortalSearch = { result: SearchResult; orgs: OrgRow[]; orgById: Map<string, OrgRow> };

/** One search over everything public on the portal. Public: no access check (the index holds public items only). */
export async function searchPortal(
  deps: { db: Db },
  req: SearchRequest,
  opts: SearchOptions = {},
): Promise<PortalSearch> {
  const orgs = await listAllOrganizations(deps.db);
  const bySlug = new Map(orgs.map((o) => [o.slug, o]));
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  // An unknown organisation matches nothing rather than everything.
  const orgIds = req.orgSlugs.map((s) => bySlug.get(s)?.id ?? NO_ORG);
  const issuerOrgId = req.issuerSlug ? (bySlug.get(req.issuerSlug)?.id ?? NO_ORG) : undefined;
  const { orgSlugs: _s, issuerSlug: _i, ...rest } = req;
  const result = await searchEntriesQuery(deps.db, { ...rest, orgIds, issuerOrgId }, opts);
  return { result, orgs, orgById };
}
