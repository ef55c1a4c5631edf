import type { FastifyInstance } from 'fastify';
import { registerManageSection } from '../../../platform/ui/manage-sections.ts';
import type { ModuleManifest } from '../../manifest.ts';
import { registerFollowable } from '../../search/index.ts';
import { consultationFollowable } from './consult.follow.ts';
import { consultMessages } from './consult.messages.ts';
import { consultPolicy } from './consult.policy.ts';
import { consultRepository } from './consult.repository.ts';
import { consultSearch } from './consult.search.ts';
import { generateConsultations } from './generate-consult.ts';
import { chatWeb } from './web/chat-routes.tsx';
import { consultationsWeb } from './web/consultation-routes.tsx';

export { seedDemoConsultations } from './seed-demo-consult.ts';

registerFollowable(consultationFollowable);
registerManageSection({
  key: 'participation.consultations',
  href: '/manage/consultations',
  titleKey: 'consult.manage.title',
  descriptionKey: 'consult.manage.lead',
  order: 41,
  visible: consultPolicy.canRunAny,
});
registerManageSection({
  key: 'participation.chat',
  href: '/manage/chat',
  titleKey: 'chat.manage.title',
  descriptionKey: 'chat.manage.lead',
  order: 42,
  visible: consultPolicy.canRunAny,
});

async function sitemap(app: FastifyInstance): Promise<string[]> {
  const items = await consultRepository.consultationsOf(app.deps.db, 'all', 1000);
  return ['/consultations', ...items.map((c) => `/consultations/${c.id}`)];
}

/** Online consultations (task 8.5) and the chat with a body's consultant (task 3.4). */
export const consultModule: ModuleManifest = {
  name: 'participation-consult',
  messages: consultMessages,
  web: async (app) => {
    await app.register(consultationsWeb);
    await app.register(chatWeb);
  },
  sitemap,
  search: consultSearch,
  generate: { after: ['accounts', 'orgs'], run: generateConsultations },
};
