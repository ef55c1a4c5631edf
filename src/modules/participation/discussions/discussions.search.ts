import type { DbOrTx } from '../../../platform/db/client.ts';
import { defineSearchSource, searchIndex } from '../../../platform/search/index.ts';
import { TOPIC } from './discussions.model.ts';
import type { DiscussionRow } from './discussions.repository.ts';
import { discussionsRepository } from './discussions.repository.ts';

const entryId = (id: string) => `discussion:${id}`;

/**
 * Standalone topics are searchable on their own; a discussion attached to
 * another module's object is found through that object's own entry.
 */
export async function indexDiscussion(tx: DbOrTx, d: DiscussionRow): Promise<void> {
  if (d.objectType !== TOPIC) return;
  await searchIndex.upsert(tx, {
    id: entryId(d.id),
    module: 'participation.discussions',
    type: 'discussion',
    orgId: d.orgId,
    title: d.title,
    body: [d.description, d.outcome ?? ''].join('\n\n'),
    url: `/discussions/${d.id}`,
    publishedAt: d.opensAt,
    updatedAt: d.outcomeAt ?? d.opensAt,
  });
}

export const discussionsSearch = defineSearchSource({
  module: 'participation.discussions',
  types: [{ key: 'discussion', ru: 'Обсуждение', en: 'Discussion' }],
  reindex: async (_deps, tx) => {
    const rows = await discussionsRepository.ofType(tx, TOPIC);
    for (const d of rows) await indexDiscussion(tx, d);
    return rows.length;
  },
});
