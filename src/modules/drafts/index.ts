import type { FastifyInstance } from 'fastify';
import { isStaff } from '../../platform/authz/index.ts';
import { REGION_TZ } from '../../platform/calendar/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { registerManageSection } from '../../platform/ui/manage-sections.ts';
import type { ModuleManifest } from '../manifest.ts';
import { listAllOrganizations } from '../orgs/index.ts';
import { ADVANCE_QUEUE, advanceDraftStages } from './advance-draft-stages.ts';
import { draftsRepository } from './drafts.repository.ts';
import { draftsSearch } from './drafts.search.ts';
import { generateDrafts } from './generate-drafts.ts';
import { draftsMessages } from './messages.ts';
import { draftsWeb } from './web/index.tsx';

export { seedDemoDrafts } from './seed-demo-drafts.ts';
export { registerDraftSections } from './seed-drafts.ts';

registerManageSection({
  key: 'drafts',
  href: '/manage/drafts',
  titleKey: 'drafts.manage.section',
  descriptionKey: 'drafts.manage.sectionDescription',
  order: 40,
  visible: (actor) => isStaff(actor),
});

/** Public URLs for the sitemap: the lists, the plans, each draft's card and text. */
async function draftsSitemap(app: FastifyInstance): Promise<string[]> {
  const { db } = app.deps;
  const urls = ['/drafts', '/drafts/plan'];
  for (const o of await listAllOrganizations(db))
    urls.push(`/orgs/${o.slug}/drafts`, `/orgs/${o.slug}/legislative-plan`);
  for (let offset = 0; ; offset += 1000) {
    const { rows } = await draftsRepository.listDrafts(db, {}, { limit: 1000, offset });
    for (const d of rows) {
      urls.push(`/drafts/${d.id}`);
      if (d.textVersion > 0) urls.push(`/drafts/${d.id}/text`);
      if (d.summaryPublishedAt) urls.push(`/drafts/${d.id}/summary`);
    }
    if (rows.length < 1000) break;
  }
  return urls;
}

/** Hourly (at :10, the region's time): drafts whose stage's last day is over move on by themselves. */
async function draftsWorkers(deps: Deps): Promise<void> {
  await deps.jobs.work(ADVANCE_QUEUE, async () => {
    await advanceDraftStages(deps);
  });
  await deps.jobs.boss.schedule(ADVANCE_QUEUE, '10 * * * *', {}, { tz: REGION_TZ });
}

/**
 * Rule-making in the open (tasks 9.1, 9.2, 9.5, 7.5, 1.4): each body's
 * legislative plan in plain language, and the public discussion of draft
 * regulations clause by clause with the summary of proposals. The
 * anti-corruption expertise (expertise/) and law-enforcement practice
 * (practice/) live in their own folders of this module.
 */
export const draftsModule: ModuleManifest = {
  name: 'drafts',
  messages: draftsMessages,
  web: draftsWeb,
  sitemap: draftsSitemap,
  workers: draftsWorkers,
  search: draftsSearch,
  generate: { after: ['accounts', 'orgs'], run: generateDrafts },
};
