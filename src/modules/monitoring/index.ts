import type { FastifyInstance } from 'fastify';
import { registerManageSection } from '../../platform/ui/manage-sections.ts';
import type { ModuleManifest } from '../manifest.ts';
import { monitoringApi } from './api/index.ts';
import { generateMonitoring } from './generate-monitoring.ts';
import { monitoringMessages } from './messages.ts';
import { monitoringPolicy } from './monitoring.policy.ts';
import { monitoringRepository } from './monitoring.repository.ts';
import { monitoringSearch } from './monitoring.search.ts';
import { monitoringWeb } from './web/index.ts';

export {
  DEMO_MONITORING,
  registerRatingSections,
  seedDemoMonitoring,
  seedMethodology,
} from './seed-demo-monitoring.ts';

registerManageSection({
  key: 'monitoring',
  href: '/manage/monitoring',
  titleKey: 'monitoring.manage.section',
  descriptionKey: 'monitoring.manage.sectionDescription',
  order: 70,
  visible: monitoringPolicy.canOpenManage,
});

/** Public URLs: the rating of every published year and each rated organisation's page in it. */
async function monitoringSitemap(app: FastifyInstance): Promise<string[]> {
  const { db } = app.deps;
  const urls = ['/rating'];
  for (const year of await monitoringRepository.publishedYears(db)) urls.push(`/rating/${year}`);
  return urls;
}

/**
 * Openness monitoring (sections V and VI, task 3.5): the methodology as data
 * (versioned criteria per task of the concept), the yearly cycle (automatic
 * figures frozen at the cut-off, self-assessment, expert and outside scores,
 * the citizens' survey), the composite index, ratings and the annual report.
 */
export const monitoringModule: ModuleManifest = {
  name: 'monitoring',
  messages: monitoringMessages,
  web: monitoringWeb,
  api: monitoringApi,
  sitemap: monitoringSitemap,
  search: monitoringSearch,
  // after every module whose figures the cycle freezes (appeals, filled sections, plans, open data, surveys)
  generate: {
    after: ['orgs', 'accounts', 'appeals', 'publications', 'plans', 'opendata', 'polls', 'drafts'],
    run: generateMonitoring,
  },
};
