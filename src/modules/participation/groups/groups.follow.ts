import type { DbOrTx } from '../../../platform/db/client.ts';
import { translator } from '../../../platform/i18n/index.ts';
import { findOrganizationById, listAllOrganizations } from '../../orgs/index.ts';
import type { Followable } from '../../search/index.ts';
import { groupsRepository as repo } from './groups.repository.ts';

const t = translator('ru');

/** Following a reference group: each summary of the members' ratings that the body offers to its public council (task 2.2). */
export const groupFollowable: Followable = {
  kind: 'group',
  label: { ru: 'Референтная группа', en: 'Reference group' },
  async find(db: DbOrTx, id: string) {
    const g = await repo.groupById(db, id);
    const org = g ? await findOrganizationById(db, g.orgId) : undefined;
    return g && org
      ? { kind: 'group', id: g.id, title: g.name, orgId: g.orgId, url: `/orgs/${org.slug}/groups/${g.id}` }
      : undefined;
  },
  async updates(db, q) {
    const rows = await repo.referralsSince(db, q);
    if (rows.length === 0) return [];
    const slugs = new Map((await listAllOrganizations(db)).map((o) => [o.id, o.slug]));
    return rows.map(({ referral, group }) => ({
      key: `group-referral:${referral.id}`,
      orgId: group.orgId,
      title: t('groups.follow.referral', { title: group.name, period: referral.period }),
      summary: (referral.note ?? '').slice(0, 300),
      url: `/orgs/${slugs.get(group.orgId)}/groups/${group.id}`,
      at: referral.referredAt,
    }));
  },
};
