import type { DbOrTx, Tx } from '../../../platform/db/client.ts';
import { defineSearchSource, searchIndex } from '../../../platform/search/index.ts';
import { findOrganizationById } from '../../orgs/index.ts';
import { type ArchiveEntryRow, archiveRepository } from './archive.repository.ts';

/** The public archive of answered appeals in the portal's search (anonymised texts only). */
export const appealsArchiveSearch = defineSearchSource({
  module: 'appeals',
  types: [{ key: 'appeal_archive', ru: 'Обращение и ответ (архив)', en: 'Appeal and answer (archive)' }],
  reindex: async (_deps, tx: Tx) => {
    const rows = await archiveRepository.allPublished(tx);
    for (const e of rows) await indexArchiveEntry(tx, e);
    return rows.length;
  },
});

const searchId = (e: Pick<ArchiveEntryRow, 'id'>) => `appeal_archive:${e.id}`;

/** The published entry as one search entry; an entry not published is taken out. */
export async function indexArchiveEntry(tx: DbOrTx, e: ArchiveEntryRow): Promise<void> {
  if (!e.publishedAt) {
    await searchIndex.remove(tx, searchId(e));
    return;
  }
  const org = await findOrganizationById(tx, e.orgId);
  const firstLine = e.question.split(/\r?\n/)[0]?.slice(0, 200) ?? '';
  await searchIndex.upsert(tx, {
    id: searchId(e),
    module: 'appeals',
    type: 'appeal_archive',
    orgId: e.orgId,
    title: `Обращение № ${e.number}: ${firstLine}`,
    body: `${e.question}\n\n${e.answer}`,
    summary: e.answer.slice(0, 300),
    url: `/orgs/${org?.slug ?? ''}/appeals/archive/${encodeURIComponent(e.number)}`,
    publishedAt: e.publishedAt,
    updatedAt: e.updatedAt,
  });
}

/** Take an entry out of the search (consent withdrawn). */
export async function unindexArchiveEntry(tx: DbOrTx, entryId: string): Promise<void> {
  await searchIndex.remove(tx, searchId({ id: entryId }));
}
