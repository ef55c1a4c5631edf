import type { Actor } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { NotFound } from '../../platform/errors/index.ts';
import { findOrganizationBySlug, findOrganizationsByIds, type OrgRow } from '../orgs/index.ts';
import { canManageDrafts } from './drafts.policy.ts';
import { type DraftRow, type PlanItemRow, draftsRepository as repo } from './drafts.repository.ts';

export type PlanView = {
  org: OrgRow | null;
  year: number | null;
  years: number[];
  items: { item: PlanItemRow; org: OrgRow | undefined; draft: DraftRow | undefined }[];
  canManage: boolean;
};

/**
 * A legislative plan: one body's (`slug`) or every body's, for a year (the
 * latest with items when none is asked); each item with its draft, if any.
 */
export async function getPlan(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: { slug?: string | undefined; year?: number | undefined },
): Promise<PlanView> {
  const org = input.slug === undefined ? null : ((await findOrganizationBySlug(deps.db, input.slug)) ?? null);
  if (input.slug !== undefined && !org) throw new NotFound();
  const years = await repo.planYears(deps.db, org?.id);
  const year = input.year ?? years[0] ?? null;
  const rows = year === null ? [] : await repo.planItems(deps.db, { orgId: org?.id, year });
  const [orgs, drafts] = await Promise.all([
    org ? [org] : findOrganizationsByIds(deps.db, [...new Set(rows.map((r) => r.orgId))]),
    repo.draftsByIds(
      deps.db,
      rows.flatMap((r) => (r.draftId ? [r.draftId] : [])),
    ),
  ]);
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const draftById = new Map(drafts.map((d) => [d.id, d]));
  return {
    org,
    year,
    years,
    items: rows.map((item) => ({
      item,
      org: orgById.get(item.orgId),
      draft: item.draftId ? draftById.get(item.draftId) : undefined,
    })),
    canManage: org ? canManageDrafts(actor, org) : false,
  };
}
