import type { FastifyInstance } from 'fastify';
import { registerManageSection } from '../../../platform/ui/manage-sections.ts';
import type { ModuleManifest } from '../../manifest.ts';
import { registerFollowable } from '../../search/index.ts';
import { pollsApi } from './api/polls-api.ts';
import { generatePolls } from './generate-polls.ts';
import { pollsMessages } from './messages.ts';
import { pollFollowable } from './polls.follow.ts';
import { pollsPolicy } from './polls.policy.ts';
import { pollsRepository } from './polls.repository.ts';
import { pollsSearch } from './polls.search.ts';
import { pollsWeb } from './web/routes.tsx';

registerFollowable(pollFollowable);
registerManageSection({
  key: 'participation.polls',
  href: '/manage/polls',
  titleKey: 'polls.manage.title',
  descriptionKey: 'polls.manage.lead',
  order: 40,
  visible: pollsPolicy.canManageAny,
});
registerManageSection({
  key: 'participation.surveys',
  href: '/manage/surveys',
  titleKey: 'surveys.manage.title',
  descriptionKey: 'surveys.manage.lead',
  order: 41,
  visible: pollsPolicy.canManageAny,
});

async function sitemap(app: FastifyInstance): Promise<string[]> {
  const { db } = app.deps;
  const [polls, surveys] = await Promise.all([
    pollsRepository.publishedPolls(db, {}),
    pollsRepository.publishedSurveys(db, {}),
  ]);
  return ['/polls', ...polls.map((p) => `/polls/${p.id}`), ...surveys.map((s) => `/surveys/${s.id}`)];
}

/** Polls, voting and surveys (tasks 8.5, 10.3): /polls, /orgs/<slug>/polls, /surveys, /manage/polls, /manage/surveys, /api/v1/polls. */
export const pollsModule: ModuleManifest = {
  name: 'polls',
  messages: pollsMessages,
  web: pollsWeb,
  api: pollsApi,
  sitemap,
  search: pollsSearch,
  generate: { after: ['accounts', 'orgs'], run: generatePolls },
};
