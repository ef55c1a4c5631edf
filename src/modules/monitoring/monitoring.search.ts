import type { DbOrTx, Tx } from '../../platform/db/client.ts';
import { defineSearchSource, searchIndex } from '../../platform/search/index.ts';
import { findOrganizationsByIds } from '../orgs/index.ts';
import { type CycleRow, monitoringRepository as repo } from './monitoring.repository.ts';

const fmt = (n: number) => n.toLocaleString('ru-RU', { maximumFractionDigits: 1 });

/** Published ratings in the portal's search: the year's rating and each organisation's page in it. */
export const monitoringSearch = defineSearchSource({
  module: 'monitoring',
  types: [{ key: 'openness_rating', ru: 'Рейтинг открытости', en: 'Openness rating', feed: 'documents' }],
  reindex: async (_deps, tx: Tx) => {
    let n = 0;
    for (const c of await repo.cycles(tx)) if (c.status === 'published') n += await indexRating(tx, c);
    return n;
  },
});

/** The rating of a published cycle and every rated organisation's entry in it. */
export async function indexRating(tx: DbOrTx, cycle: CycleRow): Promise<number> {
  const results = await repo.results(tx, cycle.id);
  const orgs = new Map(
    (
      await findOrganizationsByIds(
        tx,
        results.map((r) => r.orgId),
      )
    ).map((o) => [o.id, o]),
  );
  const at = cycle.publishedAt ?? cycle.openedAt;
  const named = results.flatMap((r) => {
    const org = orgs.get(r.orgId);
    return org ? [{ r, org }] : [];
  });
  await searchIndex.upsert(tx, {
    id: `openness_rating:${cycle.year}`,
    module: 'monitoring',
    type: 'openness_rating',
    orgId: null,
    title: `Рейтинг открытости органов власти за ${cycle.year} год`,
    body: named.map(({ r, org }) => `${r.rank}. ${org.nameRu} — ${fmt(r.index)}`).join('; '),
    url: `/rating/${cycle.year}`,
    publishedAt: at,
  });
  for (const { r, org } of named)
    await searchIndex.upsert(tx, {
      id: `openness_rating:${cycle.year}:${org.slug}`,
      module: 'monitoring',
      type: 'openness_rating',
      orgId: org.id,
      title: `${org.nameRu}: индекс открытости ${cycle.year} — ${fmt(r.index)}`,
      body: r.lines.map((l) => `${l.task} ${l.question}: ${l.basis}`).join('. '),
      summary: `${r.rank}-е место, индекс ${fmt(r.index)} из 100`,
      url: `/rating/${cycle.year}/${org.slug}`,
      publishedAt: at,
    });
  return named.length + 1;
}
