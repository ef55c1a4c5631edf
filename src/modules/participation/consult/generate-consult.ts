import { copyRows } from '../../../platform/db/copy.ts';
import { type GenerateContext, type GenerateReport, scaled } from '../../../platform/generate/index.ts';
import { type SearchEntryInput, searchIndex } from '../../../platform/search/index.ts';
import { listGeneratedCitizens } from '../../accounts/index.ts';
import { listAllOrganizations } from '../../orgs/index.ts';

const DAY = 86_400_000;
const TOPICS = [
  'Лекарственное обеспечение льготников',
  'Меры поддержки многодетных семей',
  'Запись детей в первый класс',
  'Субсидии малому бизнесу',
  'Капитальный ремонт многоквартирных домов',
  'Туристический налог',
];
const QUESTIONS = [
  'Куда обращаться, если в аптеке нет лекарства?',
  'Какие документы нужны для заявления?',
  'Сколько ждать ответа?',
  'Можно ли подать заявление через портал?',
  'Кто проверяет выполнение?',
];
const ANSWERS = [
  'Обратитесь в ближайший многофункциональный центр.',
  'Список документов опубликован в разделе «Документы».',
  'Срок рассмотрения — тридцать дней.',
  'Да, через раздел «Обращения».',
];

/**
 * `npm run generate`: scheduled consultations of every organisation over the
 * five years, each with questions of generated citizens, most answered and a few
 * hidden with a reason, through COPY; the consultations join the search index.
 */
export async function generateConsultations(ctx: GenerateContext): Promise<GenerateReport> {
  const { db } = ctx.deps;
  const rnd = ctx.random('participation.consult');
  const orgs = await listAllOrganizations(db);
  const citizens = await listGeneratedCitizens(db);
  if (citizens.length === 0 || orgs.length === 0) return { consultations: 0, questions: 0 };
  const until = ctx.until.getTime();
  const perOrg = scaled(ctx, 24, 1);
  const perConsultation = scaled(ctx, 40, 3);
  const consultations: unknown[][] = [];
  const questions: unknown[][] = [];
  const entries: SearchEntryInput[] = [];
  for (const org of orgs)
    for (let i = 0; i < perOrg; i++) {
      const id = rnd.uuid();
      const topic = `${rnd.pick(TOPICS)}: консультация ${i + 1}`;
      const starts = new Date(until - rnd.between(0, 5 * 365) * DAY + 11 * 3_600_000);
      const ends = new Date(starts.getTime() + 90 * 60_000);
      consultations.push([
        id,
        org.id,
        topic,
        'Заместитель министра',
        'заместитель министра',
        starts,
        ends,
        starts,
      ]);
      const answered: string[] = [];
      for (let k = 0; k < rnd.between(1, perConsultation); k++) {
        const body = rnd.pick(QUESTIONS);
        const asked = new Date(starts.getTime() - rnd.int(7 * DAY));
        const roll = rnd.next();
        const answer = roll < 0.85 ? rnd.pick(ANSWERS) : null;
        if (answer) answered.push(`${body}\n${answer}`);
        questions.push([
          rnd.uuid(),
          id,
          rnd.pick(citizens).id,
          body,
          asked,
          answer,
          answer ? new Date(starts.getTime() + rnd.int(90 * 60_000)) : null,
          roll > 0.97 ? 'Вопрос не по теме консультации' : null,
        ]);
      }
      entries.push({
        id: `consultation:${id}`,
        module: 'participation-consult',
        type: 'consultation',
        orgId: org.id,
        title: topic,
        body: ['Заместитель министра', ...answered].join('\n\n'),
        url: `/consultations/${id}`,
        publishedAt: starts,
      });
    }
  await copyRows(
    db,
    'consultations',
    ['id', 'org_id', 'topic', 'official_name', 'official_position', 'starts_at', 'ends_at', 'created_at'],
    consultations as never,
  );
  await copyRows(
    db,
    'consultation_questions',
    [
      'id',
      'consultation_id',
      'author_user_id',
      'body',
      'created_at',
      'answer',
      'answered_at',
      'hidden_reason',
    ],
    questions as never,
  );
  await searchIndex.copy(db, entries);
  ctx.progress(`consultations: ${consultations.length} with ${questions.length} questions`);
  return { consultations: consultations.length, questions: questions.length };
}
