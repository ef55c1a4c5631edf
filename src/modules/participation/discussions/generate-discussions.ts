import { copyRows } from '../../../platform/db/copy.ts';
import { type GenerateContext, type GenerateReport, scaled } from '../../../platform/generate/index.ts';
import { type SearchEntryInput, searchIndex } from '../../../platform/search/index.ts';
import { listGeneratedCitizens } from '../../accounts/index.ts';
import { listAllOrganizations } from '../../orgs/index.ts';
import { TOPIC } from './discussions.model.ts';

const DAY = 86_400_000;

const SUBJECTS = [
  'Благоустройство дворов',
  'Часы работы поликлиник',
  'Маршруты общественного транспорта',
  'Программа поддержки малого бизнеса',
  'Порядок записи в детские сады',
  'Раздельный сбор отходов',
  'Ремонт дорог местного значения',
  'Развитие туризма на побережье',
];
const SENTENCES = [
  'Предлагаю продлить срок приёма документов.',
  'Нужно учесть мнение жителей отдалённых посёлков.',
  'Поддерживаю проект в целом.',
  'Против сокращения финансирования.',
  'Прошу опубликовать расчёты.',
  'Хорошо бы добавить электронную запись.',
  'Сроки выглядят нереалистичными.',
  'Следует проводить такие обсуждения чаще.',
];
const POSITIONS = ['for', 'against', 'neutral'] as const;

/**
 * `npm run generate`: standalone topics of every organisation over the five
 * years, with comments of generated citizens (replies, hidden ones with their
 * reason, a few waiting), through COPY; topics join the search index.
 */
export async function generateDiscussions(ctx: GenerateContext): Promise<GenerateReport> {
  const { db } = ctx.deps;
  const rnd = ctx.random('participation.discussions');
  const orgs = await listAllOrganizations(db);
  const citizens = await listGeneratedCitizens(db);
  if (citizens.length === 0 || orgs.length === 0) return { discussions: 0, comments: 0 };
  const until = ctx.until.getTime();
  const perOrg = scaled(ctx, 30, 1);
  const perDiscussion = scaled(ctx, 120, 4);

  const discussions: unknown[][] = [];
  const participants: unknown[][] = [];
  const comments: unknown[][] = [];
  const entries: SearchEntryInput[] = [];
  for (const org of orgs)
    for (let i = 0; i < perOrg; i++) {
      const id = rnd.uuid();
      const opensAt = new Date(until - rnd.between(0, 5 * 365) * DAY);
      const closesAt = new Date(opensAt.getTime() + rnd.between(14, 45) * DAY);
      const title = `${rnd.pick(SUBJECTS)}: обсуждение ${i + 1}`;
      const description = rnd.sentences(SENTENCES, 3);
      const numbers = new Map<string, number>();
      const tops: string[] = [];
      const last = Math.min(until, closesAt.getTime());
      const n = rnd.between(Math.ceil(perDiscussion / 2), perDiscussion);
      for (let k = 0; k < n; k++) {
        const author = rnd.pick(citizens);
        let number = numbers.get(author.id);
        if (number === undefined) {
          number = numbers.size + 1;
          numbers.set(author.id, number);
          participants.push([id, author.id, number, rnd.chance(0.3) ? opensAt : null, null, opensAt]);
        }
        const cid = rnd.uuid();
        const parent = tops.length > 0 && rnd.chance(0.2) ? rnd.pick(tops) : null;
        if (!parent) tops.push(cid);
        const roll = rnd.next();
        const status = roll < 0.05 ? 'hidden' : roll < 0.08 ? 'pending' : 'published';
        const createdAt = new Date(opensAt.getTime() + rnd.int(Math.max(1, last - opensAt.getTime())));
        comments.push([
          cid,
          id,
          parent,
          author.id,
          number,
          parent ? null : rnd.pick(POSITIONS),
          rnd.sentences(SENTENCES, rnd.between(1, 3)),
          status,
          status === 'hidden' ? 'Нарушение правил обсуждения' : null,
          createdAt,
        ]);
      }
      discussions.push([id, TOPIC, id, org.id, title, description, opensAt, closesAt, numbers.size, opensAt]);
      entries.push({
        id: `discussion:${id}`,
        module: 'participation.discussions',
        type: 'discussion',
        orgId: org.id,
        title,
        body: description,
        url: `/discussions/${id}`,
        publishedAt: opensAt,
      });
    }
  await copyRows(
    db,
    'discussions',
    [
      'id',
      'object_type',
      'object_id',
      'org_id',
      'title',
      'description',
      'opens_at',
      'closes_at',
      'participant_count',
      'created_at',
    ],
    discussions as never,
  );
  await copyRows(
    db,
    'discussion_participants',
    ['discussion_id', 'user_id', 'number', 'name_consent_at', 'shown_name', 'joined_at'],
    participants as never,
  );
  await copyRows(
    db,
    'discussion_comments',
    [
      'id',
      'discussion_id',
      'parent_id',
      'author_user_id',
      'author_number',
      'position',
      'text',
      'status',
      'hidden_reason',
      'created_at',
    ],
    comments as never,
  );
  await searchIndex.copy(db, entries);
  ctx.progress(`discussions: ${discussions.length} with ${comments.length} comments`);
  return { discussions: discussions.length, comments: comments.length };
}
