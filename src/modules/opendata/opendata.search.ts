import type { DbOrTx, Tx } from '../../platform/db/client.ts';
import { defineSearchSource, searchIndex } from '../../platform/search/index.ts';
import { datasetPath } from './format.ts';
import { TOPICS } from './opendata.input.ts';
import { type DatasetRow, opendataRepository as repo } from './opendata.repository.ts';

/**
 * Datasets in the portal's search with their requisites (identifier, topic,
 * keywords). A dataset a steward registers also goes to the documents Atom
 * feeds; the ones the portal generates from its registries are searchable
 * only, so that the feeds are not flooded by the first run of every source.
 */
export const opendataSearch = defineSearchSource({
  module: 'opendata',
  types: [
    { key: 'dataset', ru: 'Набор открытых данных', en: 'Open dataset', feed: 'documents' },
    {
      key: 'dataset_generated',
      ru: 'Набор открытых данных (формируется порталом)',
      en: 'Open dataset (generated)',
    },
  ],
  reindex: async (_deps, tx: Tx) => {
    const all = await repo.summaries(tx);
    for (const d of all) await indexDataset(tx, d);
    return all.length;
  },
});

/** The passport as one entry: title, description, keywords; the identifier as its summary. */
export async function indexDataset(tx: DbOrTx, d: DatasetRow): Promise<void> {
  await searchIndex.upsert(tx, {
    id: `dataset:${d.id}`,
    module: 'opendata',
    type: d.source === 'upload' ? 'dataset' : 'dataset_generated',
    orgId: d.orgId,
    title: d.title,
    body: [d.description, d.keywords.join(', '), d.identifier].join('. '),
    summary: `${d.identifier}. ${d.description}`,
    url: datasetPath(d.identifier),
    publishedAt: d.createdAt,
    updatedAt: d.modifiedAt,
    topics: [TOPICS[d.topic as keyof typeof TOPICS]?.ru ?? d.topic],
    tags: d.keywords,
  });
}
