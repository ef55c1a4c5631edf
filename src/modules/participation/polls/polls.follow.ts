import type { DbOrTx } from '../../../platform/db/client.ts';
import { translator } from '../../../platform/i18n/index.ts';
import type { Followable, FollowUpdate } from '../../search/index.ts';
import { pollsRepository as repo } from './polls.repository.ts';

const t = translator('ru');

/** Following a published poll: its opening and its close, when the results are final (and shown, if hidden until then). */
export const pollFollowable: Followable = {
  kind: 'poll',
  label: { ru: 'Опрос', en: 'Poll' },
  async find(db: DbOrTx, id: string) {
    const p = await repo.pollById(db, id);
    return p?.publishedAt
      ? { kind: 'poll', id: p.id, title: p.question, orgId: p.orgId, url: `/polls/${p.id}` }
      : undefined;
  },
  async updates(db, q) {
    const rows: FollowUpdate[] = (await repo.followEvents(db, q)).map(({ poll, event, at }) => ({
      key: `poll-${event}:${poll.id}`,
      orgId: poll.orgId,
      title: t(event === 'opened' ? 'polls.follow.opened' : 'polls.follow.results', { title: poll.question }),
      summary: event === 'opened' ? poll.description.slice(0, 300) : t('polls.follow.resultsSummary'),
      url: `/polls/${poll.id}`,
      at,
    }));
    return rows.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, q.limit);
  },
};
