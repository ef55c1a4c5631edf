import type { DbOrTx, Tx } from '../../platform/db/client.ts';
import { defineSearchSource, type SearchEntryInput, searchIndex } from '../../platform/search/index.ts';
import { findOrganizationById, listAllOrganizations } from '../orgs/index.ts';
import { indexAllDeclarations } from './declarations.search.ts';
import { listPublicItemsForIndex, type PublicItem } from './index-items.ts';
import { docStatuses, docTypeLabels, docTypes } from './publications.input.ts';

const statusLabels: Record<string, [string, string, boolean]> = {
  проект: ['Проект', 'Draft', false],
  действует: ['Действует', 'In force', true],
  изменён: ['Изменён', 'Amended', true],
  утратил_силу: ['Утратил силу', 'No longer in force', false],
};

/** News and media, documents with requisites and structured sections in the portal's search. */
export const publicationsSearch = defineSearchSource({
  module: 'publications',
  types: [
    { key: 'news', ru: 'Новость', en: 'News', feed: 'news' },
    { key: 'press_release', ru: 'Пресс-релиз', en: 'Press release', feed: 'news' },
    { key: 'announcement', ru: 'Анонс', en: 'Announcement', feed: 'news' },
    { key: 'interview', ru: 'Интервью', en: 'Interview', feed: 'news' },
    { key: 'video', ru: 'Видео', en: 'Video', feed: 'news' },
    { key: 'document', ru: 'Документ', en: 'Document', feed: 'documents', requisites: true },
    { key: 'section', ru: 'Раздел сайта органа', en: 'Section of an authority' },
    { key: 'declaration', ru: 'Сведения о доходах', en: 'Income declaration' },
  ],
  docTypes: docTypes.map((d) => ({ key: d, ru: docTypeLabels[d][0], en: docTypeLabels[d][1] })),
  docStatuses: docStatuses.map((s) => {
    const [ru, en, inForce] = statusLabels[s] ?? [s, s, false];
    return { key: s, ru, en, inForce };
  }),
  reindex: async (_deps, tx: Tx) => {
    let n = 0;
    let after: string | undefined;
    for (;;) {
      const page = await listPublicItemsForIndex(tx, after ? { after, limit: 500 } : { limit: 500 });
      for (const item of page.items) {
        await upsertItem(tx, item);
        n++;
      }
      if (!page.next) break;
      after = page.next;
    }
    return n + (await indexAllDeclarations(tx, await listAllOrganizations(tx)));
  },
});

/** The search entry of one public item (the issuer's name joins the requisites' words). */
export function searchEntryOf(item: PublicItem, issuerName: string | null): SearchEntryInput {
  return {
    id: item.id,
    module: 'publications',
    type: item.type,
    orgId: item.orgId,
    title: item.title,
    body: item.body,
    attachmentText: item.attachmentText,
    summary: item.summary,
    url: item.url,
    publishedAt: item.date,
    topics: item.topics,
    tags: item.tags,
    requisites: item.requisites
      ? {
          docType: item.requisites.docType,
          number: item.requisites.docNumber,
          date: item.requisites.docDate,
          status: item.requisites.docStatus,
          issuerName,
        }
      : null,
    extra: { attachments: item.attachmentNames },
  };
}

async function upsertItem(tx: DbOrTx, item: PublicItem): Promise<void> {
  const org = await findOrganizationById(tx, item.orgId);
  await searchIndex.upsert(tx, searchEntryOf(item, org?.nameRu ?? null));
}

/** Write (or rewrite) one item's search entry in the caller's transaction. */
export async function indexPublication(tx: DbOrTx, id: string): Promise<void> {
  const { items } = await listPublicItemsForIndex(tx, { ids: [id] });
  for (const item of items) await upsertItem(tx, item);
}
