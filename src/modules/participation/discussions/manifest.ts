import type { FastifyInstance } from 'fastify';
import { REGION_TZ } from '../../../platform/calendar/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { registerManageSection } from '../../../platform/ui/manage-sections.ts';
import type { ModuleManifest } from '../../manifest.ts';
import { listAllOrganizations } from '../../orgs/index.ts';
import { registerFollowable } from '../../search/index.ts';
import { discussionsApi } from './api/index.ts';
import { discussionFollowable } from './discussions.follow.ts';
import { discussionsPolicy } from './discussions.policy.ts';
import { discussionsSearch } from './discussions.search.ts';
import { generateDiscussions } from './generate-discussions.ts';
import { discussionsMessages } from './messages.ts';
import { DIGEST_QUEUE, sendModerationDigest } from './send-moderation-digest.ts';
import { discussionsWeb } from './web/index.tsx';

registerFollowable(discussionFollowable);
registerManageSection({
  key: 'participation.discussions',
  href: '/manage/discussions',
  titleKey: 'disc.manage.section',
  descriptionKey: 'disc.manage.sectionDescription',
  order: 40,
  visible: (actor) => discussionsPolicy.canSeeQueue(actor),
});

/** The moderators' digest, every morning at 09:00 Kaliningrad time. */
async function discussionsWorkers(deps: Deps): Promise<void> {
  await deps.jobs.work(DIGEST_QUEUE, async () => {
    const { mailed } = await sendModerationDigest(deps);
    deps.log.info({ mailed }, 'moderation digests sent');
  });
  await deps.jobs.boss.schedule(DIGEST_QUEUE, '0 9 * * *', {}, { tz: REGION_TZ });
}

/** /discussions, /discussions/rules, every organisation's /orgs/<slug>/discussions. */
async function discussionsSitemap(app: FastifyInstance): Promise<string[]> {
  const orgs = await listAllOrganizations(app.deps.db);
  return ['/discussions', '/discussions/rules', ...orgs.map((o) => `/orgs/${o.slug}/discussions`)];
}

/** The discussion engine: discussions attached to any module's objects, standalone topics, moderation. */
export const discussionsModule: ModuleManifest = {
  name: 'participation.discussions',
  messages: discussionsMessages,
  web: discussionsWeb,
  api: discussionsApi,
  sitemap: discussionsSitemap,
  search: discussionsSearch,
  workers: discussionsWorkers,
  generate: { after: ['accounts', 'orgs'], run: generateDiscussions },
};
