import type { DbOrTx } from '../../../platform/db/client.ts';
import { translator } from '../../../platform/i18n/index.ts';
import type { Followable, FollowUpdate } from '../../search/index.ts';
import { discussionsRepository as repo } from './discussions.repository.ts';

const t = translator('ru');
const pageOf = (d: { id: string; ownerUrl: string | null }) => d.ownerUrl ?? `/discussions/${d.id}`;
const excerpt = (s: string) => (s.length > 300 ? `${s.slice(0, 299)}…` : s);

/** Following a discussion (on its own page or attached to a draft, a plan, …): new comments and the outcome. */
export const discussionFollowable: Followable = {
  kind: 'discussion',
  label: { ru: 'Обсуждение', en: 'Discussion' },
  async find(db: DbOrTx, id: string) {
    const d = await repo.findById(db, id);
    return d ? { kind: 'discussion', id: d.id, title: d.title, orgId: d.orgId, url: pageOf(d) } : undefined;
  },
  async updates(db, q) {
    const { comments, outcomes } = await repo.followUpdates(db, q);
    const rows: FollowUpdate[] = [
      ...comments.map((c) => ({
        key: `discussion-comment:${c.id}`,
        orgId: c.discussion.orgId,
        title: t(c.official ? 'disc.follow.official' : 'disc.follow.comment', { title: c.discussion.title }),
        summary: excerpt(c.text),
        url: `${pageOf(c.discussion)}#comment-${c.id}`,
        at: c.at,
      })),
      ...outcomes.map((d) => ({
        key: `discussion-outcome:${d.id}`,
        orgId: d.orgId,
        title: t('disc.follow.outcome', { title: d.title }),
        summary: excerpt(d.outcome ?? ''),
        url: pageOf(d),
        at: d.outcomeAt as Date,
      })),
    ];
    return rows.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, q.limit);
  },
};
