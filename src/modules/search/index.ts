import type { FastifyInstance } from 'fastify';
import { REGION_TZ } from '../../platform/calendar/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { registerCabinetSection } from '../../platform/ui/cabinet-sections.ts';
import type { ModuleManifest } from '../manifest.ts';
import { searchApi } from './api/index.ts';
import { searchMessages } from './messages.ts';
import { sendSubscriptionDigests } from './send-subscription-digests.ts';
import { DIGEST_QUEUE } from './subscriptions.ts';
import { searchWeb } from './web/index.tsx';

export {
  type Followable,
  type FollowTarget,
  type FollowUpdate,
  type FollowUpdatesQuery,
  registerFollowable,
} from './follow.ts';
export { sendSubscriptionDigests } from './send-subscription-digests.ts';
export { FollowLinks } from './web/follow-links.tsx';

registerCabinetSection({
  key: 'subscriptions',
  href: '/subscriptions',
  titleKey: 'subs.title',
  descriptionKey: 'subs.lead',
  order: 30,
});

/** The daily mail of new matches, at 08:00 Kaliningrad time. */
async function searchWorkers(deps: Deps): Promise<void> {
  await deps.jobs.work(DIGEST_QUEUE, async () => {
    const { mailed } = await sendSubscriptionDigests(deps);
    deps.log.info({ mailed }, 'subscription digests sent');
  });
  await deps.jobs.boss.schedule(DIGEST_QUEUE, '0 8 * * *', {}, { tz: REGION_TZ });
}

/** /search, /legal-reference, Atom feeds, e-mail subscriptions and GET /api/v1/search over the platform's index. */
export const searchModule: ModuleManifest = {
  name: 'search',
  messages: searchMessages,
  web: searchWeb,
  api: searchApi,
  sitemap: async (_app: FastifyInstance) => ['/search', '/legal-reference'],
  workers: searchWorkers,
};
