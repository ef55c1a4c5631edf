import { copyRows } from '../../platform/db/copy.ts';
import { type GenerateContext, type GenerateReport, scaled } from '../../platform/generate/index.ts';
import { type SearchEntryInput, searchIndex } from '../../platform/search/index.ts';
import { listAllOrganizations } from '../orgs/index.ts';

const GOALS = [
  'Информационная открытость органа власти',
  'Вовлечение граждан в подготовку решений',
  'Подотчётность и обратная связь',
  'Повышение качества государственных услуг',
  'Развитие открытых данных',
];
const TASKS = [
  'Сократить сроки ответов на обращения',
  'Публиковать отчёты о выполнении плана ежеквартально',
  'Расширить перечень наборов открытых данных',
  'Проводить общественные обсуждения проектов актов',
  'Повысить удовлетворённость получателей услуг',
  'Развивать работу с общественным советом',
];
const INDICATORS: [title: string, unit: string, direction: 'up' | 'down', base: number][] = [
  ['Доля обращений, рассмотренных в установленный срок', '%', 'up', 85],
  ['Средний срок ответа на обращение', 'раб. дн.', 'down', 25],
  ['Число опубликованных наборов открытых данных', 'ед.', 'up', 5],
  ['Число проектов актов, вынесенных на обсуждение', 'ед.', 'up', 6],
  ['Доля получателей услуг, удовлетворённых качеством', '%', 'up', 70],
  ['Число участников публичных слушаний', 'чел.', 'up', 120],
];
const ACTIVITIES = [
  'Публикация публичного плана деятельности',
  'Отчёт руководителя перед общественным советом',
  'Проведение дня открытых дверей',
  'Обновление раздела «Планы и отчёты»',
];
const KINDS = ['public_activity', 'departmental_openness', 'anti_corruption'] as const;
const KIND_RU = {
  public_activity: 'Публичный план деятельности',
  departmental_openness: 'План по открытости',
  anti_corruption: 'План противодействия коррупции',
} as const;

/**
 * `npm run generate`: each organisation's plans over the five years (a plan
 * per kind per three-year period: approved, the last one in discussion), with
 * goals, tasks, indicators with yearly and quarterly targets, actuals reported
 * each quarter up to `until`, activities, the approval history; through COPY.
 * Current plans join the search index.
 */
export async function generatePlans(ctx: GenerateContext): Promise<GenerateReport> {
  const { db } = ctx.deps;
  const rnd = ctx.random('plans');
  const orgs = await listAllOrganizations(db);
  const until = ctx.until;
  const lastYear = until.getUTCFullYear();
  // fourteen goals × two tasks × three indicators: 84 a plan, some 50,000 over the region (issue 11)
  const goalsPerPlan = scaled(ctx, 14, 2);
  const plans: unknown[][] = [];
  const items: unknown[][] = [];
  const targets: unknown[][] = [];
  const actuals: unknown[][] = [];
  const events: unknown[][] = [];
  const entries: SearchEntryInput[] = [];
  for (const org of orgs)
    for (const kind of KINDS)
      for (let start = lastYear - 4; start <= lastYear; start += 3) {
        const end = start + 2;
        const id = rnd.uuid();
        const current = end >= lastYear;
        const status = current && rnd.chance(0.3) ? 'discussion' : 'approved';
        const createdAt = new Date(Date.UTC(start - 1, 10, rnd.between(1, 28)));
        const approvedAt = status === 'approved' ? new Date(createdAt.getTime() + 40 * 86_400_000) : null;
        const title = `${KIND_RU[kind]}: ${org.nameRu}, ${start}–${end} годы`;
        plans.push([id, org.id, kind, title, status, start, end, approvedAt, createdAt, createdAt]);
        events.push([rnd.uuid(), id, 'created', null, 'draft', 'body', createdAt]);
        if (approvedAt) events.push([rnd.uuid(), id, 'approve', 'agreement', 'approved', 'head', approvedAt]);
        const titles: string[] = [];
        let position = 0;
        for (let g = 1; g <= goalsPerPlan; g++) {
          const goalId = rnd.uuid();
          const goalTitle = rnd.pick(GOALS);
          titles.push(goalTitle);
          items.push([
            goalId,
            id,
            null,
            'goal',
            position++,
            String(g),
            goalTitle,
            1,
            null,
            null,
            null,
            null,
            null,
            null,
          ]);
          for (let k = 1; k <= 2; k++) {
            const taskId = rnd.uuid();
            items.push([
              taskId,
              id,
              goalId,
              'task',
              position++,
              `${g}.${k}`,
              rnd.pick(TASKS),
              1,
              null,
              null,
              null,
              null,
              null,
              null,
            ]);
            for (let i = 1; i <= 3; i++) {
              const [name, unit, direction, base] = rnd.pick(INDICATORS);
              const itemId = rnd.uuid();
              titles.push(name);
              items.push([
                itemId,
                id,
                taskId,
                'indicator',
                position++,
                `${g}.${k}.${i}`,
                name,
                1,
                unit,
                direction,
                base,
                start - 1,
                null,
                null,
              ]);
              const step = direction === 'up' ? base * 0.05 : -base * 0.05;
              for (let y = start; y <= end; y++) {
                const yearTarget = Math.round((base + step * (y - start + 1)) * 10) / 10;
                targets.push([itemId, String(y), yearTarget]);
                for (let q = 1; q <= 4; q++) {
                  const reportedOn = new Date(Date.UTC(y, q * 3, 8));
                  if (reportedOn > until) break;
                  targets.push([itemId, `${y}-Q${q}`, yearTarget]);
                  const actual = Math.round(yearTarget * (0.85 + rnd.next() * 0.25) * 10) / 10;
                  actuals.push([
                    rnd.uuid(),
                    itemId,
                    `${y}-Q${q}`,
                    actual,
                    reportedOn.toISOString().slice(0, 10),
                    'Ведомственная отчётность',
                    reportedOn,
                  ]);
                }
              }
            }
          }
          const activityId = rnd.uuid();
          const deadline = new Date(Date.UTC(rnd.between(start, end), rnd.int(12), 28));
          items.push([
            activityId,
            id,
            goalId,
            'activity',
            position++,
            `${g}.3`,
            rnd.pick(ACTIVITIES),
            1,
            null,
            null,
            null,
            null,
            deadline.toISOString().slice(0, 10),
            deadline > until ? 'planned' : rnd.chance(0.85) ? 'done' : 'in_progress',
          ]);
        }
        if (current)
          entries.push({
            id: `plan:${id}`,
            module: 'plans',
            type: 'plan',
            orgId: org.id,
            title,
            summary: `${KIND_RU[kind]}, ${start}–${end}`,
            body: titles.join('. '),
            url: `/orgs/${org.slug}/plans/${id}`,
            publishedAt: createdAt,
          });
      }
  await copyRows(
    db,
    'plans',
    [
      'id',
      'org_id',
      'kind',
      'title_ru',
      'status',
      'period_start',
      'period_end',
      'approved_at',
      'created_at',
      'updated_at',
    ],
    plans as never,
  );
  await copyRows(
    db,
    'plan_items',
    [
      'id',
      'plan_id',
      'parent_id',
      'kind',
      'position',
      'code',
      'title_ru',
      'weight',
      'unit',
      'direction',
      'baseline',
      'baseline_year',
      'deadline',
      'activity_status',
    ],
    items as never,
  );
  await copyRows(db, 'plan_targets', ['item_id', 'period', 'value'], targets as never);
  await copyRows(
    db,
    'plan_actuals',
    ['id', 'item_id', 'period', 'value', 'reported_on', 'source', 'created_at'],
    actuals as never,
  );
  await copyRows(
    db,
    'plan_events',
    ['id', 'plan_id', 'action', 'from_status', 'to_status', 'actor_role', 'at'],
    events as never,
  );
  await searchIndex.copy(db, entries);
  ctx.progress(`plans: ${plans.length} with ${items.length} items, ${actuals.length} reported values`);
  return { plans: plans.length, items: items.length, targets: targets.length, actuals: actuals.length };
}
