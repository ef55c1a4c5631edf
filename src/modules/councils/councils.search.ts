import type { DbOrTx, Tx } from '../../platform/db/client.ts';
import { defineSearchSource, searchIndex } from '../../platform/search/index.ts';
import { type ConclusionRow, type CouncilRow, councilsRepository as repo } from './councils.repository.ts';

/** Councils and their published conclusions and co-reports in the portal's search. */
export const councilsSearch = defineSearchSource({
  module: 'councils',
  types: [
    { key: 'council', ru: 'Совет, комиссия', en: 'Council, commission' },
    { key: 'council_conclusion', ru: 'Заключение совета', en: 'Council conclusion', feed: 'documents' },
  ],
  reindex: async (_deps, tx: Tx) => {
    let n = 0;
    const all = await repo.listCouncils(tx);
    const byId = new Map(all.map((c) => [c.id, c]));
    for (const c of all) {
      await indexCouncil(tx, c);
      n++;
    }
    for (const c of await repo.allConclusions(tx)) {
      const council = byId.get(c.councilId);
      if (council) {
        await indexConclusion(tx, council, c);
        n++;
      }
    }
    return n;
  },
});

/** The council's page as one entry: its name, description and regulation. */
export async function indexCouncil(tx: DbOrTx, c: CouncilRow): Promise<void> {
  await searchIndex.upsert(tx, {
    id: `council:${c.id}`,
    module: 'councils',
    type: 'council',
    orgId: c.orgId,
    title: c.nameRu,
    body: [c.descriptionRu, c.regulationTitle, c.participationRu].filter(Boolean).join('. '),
    url: `/councils/${c.id}`,
    publishedAt: c.createdAt,
    updatedAt: c.updatedAt,
  });
}

export async function indexConclusion(tx: DbOrTx, council: CouncilRow, c: ConclusionRow): Promise<void> {
  await searchIndex.upsert(tx, {
    id: `council_conclusion:${c.id}`,
    module: 'councils',
    type: 'council_conclusion',
    orgId: council.orgId,
    title: `${c.kind === 'co_report' ? 'Содоклад' : 'Заключение'}: ${c.subjectTitle}`,
    body: c.textRu,
    summary: council.nameRu,
    url: `/councils/conclusions/${c.id}`,
    publishedAt: c.publishedAt,
  });
}
