import { findOrganizationBySlug, seedOrganizations } from '../src/modules/orgs/index.ts';
import type { Deps } from '../src/platform/deps.ts';
import { defineSearchSource, reindexAll, searchIndex } from '../src/platform/search/index.ts';

/**
 * A stand-in source for search tests that do not depend on a content module:
 * documents and news written straight into the index through the registry.
 */
export const fixtureSource = defineSearchSource({
  module: 'fixture',
  types: [
    { key: 'fx_document', ru: 'Документ (тест)', en: 'Document (test)', feed: 'documents', requisites: true },
    { key: 'fx_news', ru: 'Новость (тест)', en: 'News (test)', feed: 'news' },
  ],
  topics: [
    { key: 'fx_health', ru: 'Здоровье (тест)', en: 'Health (test)' },
    { key: 'fx_transport', ru: 'Транспорт (тест)', en: 'Transport (test)' },
  ],
  docTypes: [{ key: 'fx_prikaz', ru: 'Приказ (тест)', en: 'Order (test)' }],
  docStatuses: [
    { key: 'fx_in_force', ru: 'Действует (тест)', en: 'In force (test)', inForce: true },
    { key: 'fx_repealed', ru: 'Утратил силу (тест)', en: 'Repealed (test)', inForce: false },
  ],
});

/** The region's organisations (indexed) plus a few fixture documents and news of the health ministry. */
export async function seedSearchFixtures(deps: Deps) {
  await seedOrganizations(deps);
  await reindexAll(deps, ['orgs']);
  const org = await findOrganizationBySlug(deps.db, 'minzdrav');
  if (!org) throw new Error('minzdrav not seeded');
  const put = (e: Omit<Parameters<typeof searchIndex.upsert>[1], 'module' | 'orgId'>) =>
    searchIndex.upsert(deps.db, { module: 'fixture', orgId: org.id, ...e });
  await put({
    id: 'fx:doc1',
    type: 'fx_document',
    title: 'Об утверждении порядка рассмотрения обращений граждан в министерстве',
    body: 'Порядок определяет сроки регистрации и ответа. Текст <b>жирный</b> & «кавычки».',
    url: '/orgs/minzdrav/documents/fx1',
    publishedAt: new Date('2026-02-10T09:00:00Z'),
    topics: ['fx_health'],
    tags: ['обращения граждан'],
    requisites: { docType: 'fx_prikaz', number: '45-од', date: '2026-02-10', status: 'fx_in_force' },
  });
  await put({
    id: 'fx:doc2',
    type: 'fx_document',
    title: 'О льготном проезде <script>alert(1)</script>',
    body: 'Льготный проезд для пенсионеров в пригородных автобусах.',
    url: '/orgs/minzdrav/documents/fx2',
    publishedAt: new Date('2025-11-03T09:00:00Z'),
    topics: ['fx_transport'],
    requisites: { docType: 'fx_prikaz', number: '451', date: '2025-11-03', status: 'fx_repealed' },
  });
  await put({
    id: 'fx:news1',
    type: 'fx_news',
    title: 'Министр ответил на обращения жителей Черняховска',
    body: 'Прямая линия прошла в прямом эфире.',
    url: '/orgs/minzdrav/press/fx3',
    publishedAt: new Date('2026-03-01T09:00:00Z'),
    topics: ['fx_health'],
  });
  return { org };
}
