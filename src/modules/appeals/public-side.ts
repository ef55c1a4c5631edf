import type { FastifyInstance } from 'fastify';
import { registerManageSection } from '../../platform/ui/manage-sections.ts';
import type { ModuleManifest } from '../manifest.ts';
import { listAllOrganizations } from '../orgs/index.ts';
import { appealsStatsApi } from './api/stats-api.ts';
import { appealsArchiveSearch } from './archive/archive.search.ts';
import { appealsPublicMessages } from './public.messages.ts';
import { publicSidePolicy } from './public.policy.ts';
import { publicRepository } from './public.repository.ts';
import { appealsArchiveWeb } from './web/archive-pages.tsx';
import { reviewPath } from './web/public-pages.tsx';
import { appealsPublicWeb } from './web/public-routes.tsx';

export { anonymise, applyFindings, type Finding, findPersonalData } from './anonymise.ts';
export { DEMO_AUTHOR_DOMAIN, seedDemoPublicAppeals } from './seed-demo-public.ts';
export { type Cell, SUPPRESSED, suppressCount } from './stats/suppress.ts';

registerManageSection({
  key: 'appeals.faq',
  href: '/manage/appeals/faq',
  titleKey: 'appeals.manage.faq.title',
  descriptionKey: 'appeals.manage.public.description',
  order: 22,
  visible: publicSidePolicy.canManageAny,
});
registerManageSection({
  key: 'appeals.reviews',
  href: '/manage/appeals/reviews',
  titleKey: 'appeals.manage.reviews.title',
  descriptionKey: 'appeals.manage.reviews.lead',
  order: 23,
  visible: publicSidePolicy.canManageAny,
});

/** Public URLs: the region's comparison and every published review. */
async function sitemap(app: FastifyInstance): Promise<string[]> {
  const { db } = app.deps;
  const orgs = await listAllOrganizations(db);
  const slugOf = new Map(orgs.map((o) => [o.id, o.slug]));
  const reviews = (await publicRepository.reviewsOf(db, 'all')).filter((r) => r.publishedAt);
  return [
    '/appeals/stats',
    ...orgs.map((o) => `/orgs/${o.slug}/appeals/reviews`),
    ...reviews.map((r) => reviewPath(slugOf.get(r.orgId) as string, r)),
  ];
}

/**
 * The public side of appeals (tasks 4.2, 4.3, 4.5): each body's appeals
 * section with statistics and FAQ, quarterly reviews (page and DOCX), the
 * region's comparison and GET /api/v1/appeals/stats; staff FAQ and reviews.
 */
export const appealsPublicModule: ModuleManifest = {
  name: 'appeals-public',
  messages: appealsPublicMessages,
  web: async (app) => {
    await app.register(appealsPublicWeb);
    await app.register(appealsArchiveWeb);
  },
  api: appealsStatsApi,
  search: appealsArchiveSearch,
  sitemap,
};
