import type { DbOrTx, Tx } from '../../../platform/db/client.ts';
import { defineSearchSource, searchIndex } from '../../../platform/search/index.ts';
import { type ConsultationRow, consultRepository as repo } from './consult.repository.ts';

/** Consultations in the portal's search: the topic, the official, and the published questions with answers. */
export const consultSearch = defineSearchSource({
  module: 'participation-consult',
  types: [{ key: 'consultation', ru: 'Онлайн-консультация', en: 'Online consultation' }],
  reindex: async (_deps, tx: Tx) => {
    const rows = await repo.consultationsOf(tx, 'all', 100_000);
    for (const c of rows) await indexConsultation(tx, c);
    return rows.length;
  },
});

/** Write (or rewrite) a consultation's search entry in the caller's transaction; hidden questions stay out. */
export async function indexConsultation(tx: DbOrTx, c: ConsultationRow): Promise<void> {
  const questions = (await repo.questionsOf(tx, c.id)).filter((q) => !q.hiddenReason && q.answer);
  await searchIndex.upsert(tx, {
    id: `consultation:${c.id}`,
    module: 'participation-consult',
    type: 'consultation',
    orgId: c.orgId,
    title: c.topic,
    body: [
      `${c.officialName}, ${c.officialPosition}`,
      c.description ?? '',
      ...questions.map((q) => `${q.body}\n${q.answer}`),
    ].join('\n\n'),
    summary: (c.description ?? `${c.officialName}, ${c.officialPosition}`).slice(0, 300),
    url: `/consultations/${c.id}`,
    publishedAt: c.createdAt,
  });
}
