import { toLocalDate } from '../../../platform/calendar/index.ts';
import { copyRows } from '../../../platform/db/copy.ts';
import { type GenerateContext, type GenerateReport, scaled } from '../../../platform/generate/index.ts';
import { type SearchEntryInput, searchIndex } from '../../../platform/search/index.ts';
import { listGeneratedCitizens } from '../../accounts/index.ts';
import { listAllOrganizations } from '../../orgs/index.ts';

const DAY = 86_400_000;

const QUESTIONS: { q: string; options: string[] }[] = [
  {
    q: 'Какие часы работы поликлиник вам удобнее?',
    options: ['С 7:00 до 20:00', 'С 8:00 до 21:00', 'С 9:00 до 22:00'],
  },
  {
    q: 'Какой сквер благоустроить первым?',
    options: ['У вокзала', 'На набережной', 'У школы', 'В новом микрорайоне'],
  },
  { q: 'Нужна ли запись к врачу через чат-бот?', options: ['Да', 'Нет', 'Всё равно'] },
  { q: 'Какие маршруты автобусов продлить до позднего вечера?', options: ['№ 5', '№ 12', '№ 21', '№ 40'] },
  {
    q: 'Какие наборы открытых данных опубликовать первыми?',
    options: ['Транспорт', 'Парковки', 'Детские сады', 'Качество воздуха'],
  },
  {
    q: 'Как вы узнаёте о работе органа власти?',
    options: ['Сайт', 'Социальные сети', 'Телевидение', 'Газеты'],
  },
];
const ELIGIBILITY = ['signed_in', 'signed_in', 'esia'] as const;

/**
 * `npm run generate`: published polls of every organisation over the five
 * years with the votes of generated citizens (one per person and poll), through
 * COPY; the polls join the search index as the form would index them.
 */
export async function generatePolls(ctx: GenerateContext): Promise<GenerateReport> {
  const { db } = ctx.deps;
  const rnd = ctx.random('participation.polls');
  const orgs = await listAllOrganizations(db);
  const citizens = await listGeneratedCitizens(db);
  if (citizens.length === 0 || orgs.length === 0) return { polls: 0, votes: 0 };
  const until = ctx.until.getTime();
  const perOrg = scaled(ctx, 40, 2);
  const maxVotes = Math.min(citizens.length, scaled(ctx, 2000, 20));

  const polls: unknown[][] = [];
  const entries: SearchEntryInput[] = [];
  const ballots: { id: string; options: number; multiple: boolean; n: number; at: Date }[] = [];
  for (const org of orgs)
    for (let i = 0; i < perOrg; i++) {
      const id = rnd.uuid();
      const { q, options } = rnd.pick(QUESTIONS);
      const question = `${q} (${i + 1})`;
      const opens = new Date(until - rnd.between(0, 5 * 365) * DAY);
      const closes = new Date(opens.getTime() + rnd.between(14, 60) * DAY);
      const opensOn = toLocalDate(opens);
      const closesOn = toLocalDate(closes);
      const eligibility = rnd.pick(ELIGIBILITY);
      const multiple = rnd.chance(0.2);
      const topic = q.includes('открытых данных') ? 'opendata_priorities' : 'general';
      polls.push([
        id,
        org.id,
        question,
        '',
        JSON.stringify(options),
        multiple,
        opensOn,
        closesOn,
        eligibility,
        rnd.chance(0.5) ? 'live' : 'after_close',
        topic,
        opens,
        opens,
      ]);
      ballots.push({
        id,
        options: options.length,
        multiple,
        n: rnd.between(Math.floor(maxVotes / 10), maxVotes),
        at: opens,
      });
      entries.push({
        id: `poll:${id}`,
        module: 'participation.polls',
        type: 'poll',
        orgId: org.id,
        title: question,
        body: `Опрос с ${opensOn} по ${closesOn}.\n\n${options.join('\n')}`,
        url: `/polls/${id}`,
        publishedAt: opens,
        topics: topic === 'general' ? [] : [topic],
      });
    }
  await copyRows(
    db,
    'polls',
    [
      'id',
      'org_id',
      'question',
      'description',
      'options',
      'multiple',
      'opens_on',
      'closes_on',
      'eligibility',
      'results',
      'topic',
      'published_at',
      'created_at',
    ],
    polls as never,
  );
  // Votes streamed to COPY: consecutive citizens from a random start are distinct people.
  function* votes(): Generator<unknown[]> {
    for (const b of ballots) {
      const start = rnd.int(citizens.length);
      for (let k = 0; k < b.n; k++) {
        const voter = citizens[(start + k) % citizens.length] as { id: string };
        const first = rnd.int(b.options);
        const choices = b.multiple && rnd.chance(0.4) ? [first, (first + 1) % b.options] : [first];
        const at = new Date(b.at.getTime() + rnd.int(14 * DAY));
        yield [b.id, voter.id, choices.map(String), at, at];
      }
    }
  }
  const nVotes = await copyRows(
    db,
    'poll_votes',
    ['poll_id', 'user_id', 'choices', 'created_at', 'updated_at'],
    votes() as never,
  );
  await searchIndex.copy(db, entries);
  ctx.progress(`polls: ${polls.length} with ${nVotes} votes`);
  return { polls: polls.length, votes: nVotes };
}
