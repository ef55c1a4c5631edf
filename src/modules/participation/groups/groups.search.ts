import type { DbOrTx, Tx } from '../../../platform/db/client.ts';
import { defineSearchSource, searchIndex } from '../../../platform/search/index.ts';
import { listAllOrganizations, type OrgRow } from '../../orgs/index.ts';
import { type GroupRow, groupsRepository as repo } from './groups.repository.ts';

const MODULE = 'participation.groups';

/** Reference groups in the portal's search (tasks 2.1, 2.5): who they are, why, how and through which channels. */
export const groupsSearch = defineSearchSource({
  module: MODULE,
  types: [{ key: 'reference_group', ru: 'Референтная группа', en: 'Reference group' }],
  reindex: async (_deps, tx: Tx) => {
    const rows = await repo.groupsOf(tx, 'all');
    const orgs = new Map((await listAllOrganizations(tx)).map((o) => [o.id, o]));
    for (const g of rows) await indexGroup(tx, g, orgs.get(g.orgId));
    return rows.length;
  },
});

/** Write (or rewrite) a group's entry in the caller's transaction. */
export async function indexGroup(
  tx: DbOrTx,
  g: GroupRow,
  org: Pick<OrgRow, 'slug'> | undefined,
): Promise<void> {
  if (!org) return;
  await searchIndex.upsert(tx, {
    id: `reference_group:${g.id}`,
    module: MODULE,
    type: 'reference_group',
    orgId: g.orgId,
    title: g.name,
    body: [g.who, g.why, g.how, g.channels].join('\n\n'),
    summary: g.who.slice(0, 300),
    url: `/orgs/${org.slug}/groups/${g.id}`,
    publishedAt: g.createdAt,
    updatedAt: g.updatedAt,
    tags: g.needsApproval ? ['вступление с проверкой'] : ['свободное вступление'],
  });
}
