import type { FastifyInstance } from 'fastify';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { registerCabinetSection } from '../../../platform/ui/cabinet-sections.ts';
import { registerManageSection } from '../../../platform/ui/manage-sections.ts';
import type { ModuleManifest } from '../../manifest.ts';
import { listAllOrganizations } from '../../orgs/index.ts';
import { registerFollowable } from '../../search/index.ts';
import { setMemberBodiesSource } from '../consult/get-consultations.ts';
import { generateGroups } from './generate-groups.ts';
import { groupFollowable } from './groups.follow.ts';
import { groupsMessages } from './groups.messages.ts';
import { groupsPolicy } from './groups.policy.ts';
import { groupsRepository } from './groups.repository.ts';
import { groupsSearch } from './groups.search.ts';
import { groupsWeb } from './web/groups-routes.tsx';

export { seedDemoGroups } from './seed-demo-groups.ts';

/** The bodies whose reference groups the person is an approved member of («для вашей группы»). */
export function memberBodyIds(db: DbOrTx, userId: string): Promise<string[]> {
  return groupsRepository.memberOrgIds(db, userId);
}

setMemberBodiesSource(memberBodyIds);
registerFollowable(groupFollowable);

registerManageSection({
  key: 'participation.groups',
  href: '/manage/groups',
  titleKey: 'groups.manage.title',
  descriptionKey: 'groups.manage.lead',
  order: 40,
  visible: groupsPolicy.canManageAny,
});
registerCabinetSection({
  key: 'participation.groups',
  href: '/cabinet/groups',
  titleKey: 'groups.cabinet.title',
  descriptionKey: 'groups.cabinet.description',
  order: 40,
});

async function sitemap(app: FastifyInstance): Promise<string[]> {
  const orgs = await listAllOrganizations(app.deps.db);
  const slugOf = new Map(orgs.map((o) => [o.id, o.slug]));
  const groups = await groupsRepository.groupsOf(app.deps.db, 'all');
  return [
    ...orgs.map((o) => `/orgs/${o.slug}/groups`),
    ...groups.map((g) => `/orgs/${slugOf.get(g.orgId)}/groups/${g.id}`),
  ];
}

/** Reference groups of each body (tasks 2.1–2.5): membership, periodic ratings, summaries, council referrals. */
export const groupsModule: ModuleManifest = {
  name: 'participation-groups',
  messages: groupsMessages,
  web: groupsWeb,
  sitemap,
  search: groupsSearch,
  generate: { after: ['accounts', 'orgs'], run: generateGroups },
};
