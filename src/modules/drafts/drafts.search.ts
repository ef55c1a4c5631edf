import type { DbOrTx, Tx } from '../../platform/db/client.ts';
import { defineSearchSource, searchIndex } from '../../platform/search/index.ts';
import { type DraftRow, draftsRepository as repo } from './drafts.repository.ts';

/**
 * Draft regulations in the portal's search and in the documents' Atom feeds
 * (`/feeds/documents.atom`, `/feeds/orgs/<slug>/documents.atom`): a new draft is news to
 * those who follow a body's documents.
 */
export const draftsSearch = defineSearchSource({
  module: 'drafts',
  types: [{ key: 'draft_regulation', ru: 'Проект акта', en: 'Draft regulation', feed: 'documents' }],
  reindex: async (_deps, tx: Tx) => {
    let n = 0;
    for (let offset = 0; ; offset += 1000) {
      const { rows } = await repo.listDrafts(tx, {}, { limit: 1000, offset });
      for (const d of rows) await indexDraft(tx, d);
      n += rows.length;
      if (rows.length < 1000) return n;
    }
  },
});

/** A draft's card as one entry: its title and what it changes, plain language first. */
export async function indexDraft(tx: DbOrTx, d: DraftRow): Promise<void> {
  await searchIndex.upsert(tx, {
    id: `draft_regulation:${d.id}`,
    module: 'drafts',
    type: 'draft_regulation',
    orgId: d.orgId,
    title: `Проект: ${d.title}`,
    body: d.summary,
    url: `/drafts/${d.id}`,
    publishedAt: d.createdAt,
    updatedAt: d.updatedAt,
  });
}
