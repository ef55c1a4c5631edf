import type { Origin } from '../../platform/audit/index.ts';
import { userActor } from '../../platform/authz/index.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { findOrganizationBySlug, markOrgSectionFilled } from '../orgs/index.ts';
import { buildAnnualReportData, draftReportText } from './annual-report.ts';
import { openPlanDiscussion } from './plan-discussion.ts';
import { plansRepository as repo } from './plans.repository.ts';
import { reindexPlans } from './plans.search.ts';
import { seedPlanTemplate, writeTree } from './seed-plans.ts';

type Event = [action: string, from: string | null, to: string, role: string, at: string, remarks?: string];

async function plan(
  deps: Pick<Deps, 'db'>,
  spec: {
    org: string;
    kind: string;
    title: string;
    summary: string;
    status: string;
    start: number;
    end: number;
    templateId?: string | null;
    discussionResult?: string;
    events: Event[];
  },
) {
  const org = await findOrganizationBySlug(deps.db, spec.org);
  if (!org) return undefined;
  const last = spec.events.at(-1);
  const row = await repo.insertPlan(deps.db, {
    orgId: org.id,
    kind: spec.kind,
    titleRu: spec.title,
    summaryRu: spec.summary,
    status: spec.status,
    periodStart: spec.start,
    periodEnd: spec.end,
    templateId: spec.templateId ?? null,
    discussionResult: spec.discussionResult ?? null,
    agreedAt: spec.events.find((e) => e[0] === 'agree')
      ? new Date(spec.events.find((e) => e[0] === 'agree')?.[4] as string)
      : null,
    approvedAt: spec.status === 'approved' && last ? new Date(last[4]) : null,
  });
  await markOrgSectionFilled(deps.db, org.id, 'plans', new Date(spec.events[0]?.[4] ?? Date.now()));
  for (const [action, fromStatus, toStatus, actorRole, at, remarks] of spec.events)
    await repo.insertEvent(deps.db, {
      planId: row.id,
      action,
      fromStatus,
      toStatus,
      actorRole,
      at: new Date(at),
      remarks: remarks ?? null,
    });
  return row;
}

const APPROVED: Event[] = [
  ['created', null, 'draft', 'body', '2025-11-10T10:00:00+02:00'],
  ['start_discussion', 'draft', 'discussion', 'body', '2025-11-20T10:00:00+02:00'],
  [
    'submit',
    'discussion',
    'agreement',
    'body',
    '2025-12-05T10:00:00+02:00',
    'Учтены предложения общественного совета.',
  ],
  [
    'agree',
    'agreement',
    'agreement',
    'commission',
    '2025-12-12T10:00:00+02:00',
    'Согласовано без замечаний.',
  ],
  ['approve', 'agreement', 'approved', 'head', '2025-12-20T10:00:00+02:00'],
];

/**
 * SEED=demo plans: the government's comprehensive plan on open government, the
 * openness plans of Минздрав and Минобр (from the template), Минздрав's public
 * plan of activity in discussion, and Калининград's municipal openness plan. Idempotent.
 */
export async function seedDemoPlans(deps: Pick<Deps, 'db' | 'clock'>): Promise<{ plans: number }> {
  const government = await findOrganizationBySlug(deps.db, 'government');
  if (!government || (await repo.plansOfOrg(deps.db, government.id)).length > 0) return { plans: 0 };
  const { template } = await seedPlanTemplate(deps);
  let count = 0;

  const comprehensive = await plan(deps, {
    org: 'government',
    kind: 'comprehensive',
    title:
      'Комплексный план мероприятий по развитию открытого правительства Калининградской области на 2026–2028 годы',
    summary: 'Мероприятия проектного офиса и ответственные органы по механизмам открытости концепции.',
    status: 'approved',
    start: 2026,
    end: 2028,
    events: APPROVED,
  });
  if (!comprehensive) return { plans: 0 };
  count++;
  const refs = await writeTree(deps, comprehensive.id, [
    {
      kind: 'goal',
      code: '1',
      title: 'Открытость органов исполнительной власти',
      links: [
        {
          kind: 'decree',
          title:
            'Указ Президента РФ № 601 «Об основных направлениях совершенствования системы государственного управления»',
          url: 'http://www.kremlin.ru/acts/bank/35265',
        },
        {
          kind: 'strategy',
          title: 'Концепция открытости федеральных органов исполнительной власти',
          url: 'http://government.ru/docs/3322/',
        },
      ],
      children: [
        {
          kind: 'activity',
          code: '1.1',
          title: 'Утверждение ведомственных планов по открытости по шаблону проектного офиса',
          deadline: '2026-03-31',
          activityStatus: 'done',
          responsibleOrg: 'mincifry',
        },
        {
          kind: 'activity',
          code: '1.2',
          title: 'Публикация публичных планов органов с показателями и ходом их выполнения',
          deadline: '2026-06-30',
          activityStatus: 'in_progress',
          responsibleOrg: 'mineconomy',
        },
        {
          kind: 'indicator',
          code: '1.3',
          title: 'Доля органов, утвердивших ведомственный план по открытости',
          unit: '%',
          direction: 'up',
          baseline: 20,
          baselineYear: 2025,
          targets: { '2026': 100, '2027': 100 },
          actuals: [['2026-Q1', 60, '2026-04-10', 'Мониторинг проектного офиса']],
        },
      ],
    },
    {
      kind: 'goal',
      code: '2',
      title: 'Участие граждан в управлении',
      children: [
        {
          kind: 'activity',
          code: '2.1',
          title: 'Общественное обсуждение проектов нормативных актов на портале',
          deadline: '2026-12-31',
          activityStatus: 'in_progress',
          responsibleOrg: 'mincifry',
        },
        {
          kind: 'activity',
          code: '2.2',
          title: 'Проведение информационной кампании по итогам года',
          deadline: '2026-02-15',
          activityStatus: 'planned',
          responsibleOrg: 'government',
        },
      ],
    },
  ]);
  const c = (code: string) => `${comprehensive.id}:${code}`;

  const minzdrav = await plan(deps, {
    org: 'minzdrav',
    kind: 'departmental_openness',
    title: 'План Министерства здравоохранения по открытости на 2026–2027 годы',
    summary: 'Ведомственный план по открытости, составленный по шаблону проектного офиса.',
    status: 'approved',
    start: 2026,
    end: 2027,
    templateId: template,
    discussionResult:
      'Поступило 14 предложений, учтено 6: добавлен показатель о сроке ответа на обращение, уточнены сроки.',
    events: APPROVED,
  });
  if (minzdrav) {
    count++;
    await writeTree(
      deps,
      minzdrav.id,
      [
        {
          kind: 'goal',
          code: '1',
          title: 'Информационная открытость органа власти',
          weight: 2,
          links: [
            {
              kind: 'programme',
              title: 'Государственная программа «Развитие здравоохранения»',
              url: '/orgs/minzdrav/documents',
            },
          ],
          children: [
            {
              kind: 'indicator',
              code: '1.1',
              title: 'Доля обращений граждан, рассмотренных в установленный срок',
              unit: '%',
              direction: 'up',
              baseline: 88,
              baselineYear: 2025,
              contractWeight: 0.4,
              responsibleName: 'Иванова Мария Сергеевна',
              responsiblePosition: 'начальник отдела по работе с обращениями',
              targets: { '2026-Q1': 92, '2026-Q2': 94, '2026': 95, '2027': 98 },
              actuals: [
                ['2026-Q1', 93.5, '2026-04-08', 'Журнал регистрации обращений'],
                ['2026-Q2', 90, '2026-07-06', 'Журнал регистрации обращений'],
              ],
            },
            {
              kind: 'indicator',
              code: '1.2',
              title: 'Число опубликованных наборов открытых данных',
              unit: 'ед.',
              direction: 'up',
              baseline: 4,
              baselineYear: 2025,
              contractWeight: 0.2,
              targets: { '2026': 12, '2027': 20 },
              actuals: [['2026-Q1', 7, '2026-04-08', 'Реестр открытых данных портала']],
            },
            {
              kind: 'activity',
              code: '1.3',
              title: 'Публикация публичного плана деятельности с показателями',
              deadline: '2026-03-31',
              activityStatus: 'done',
              implements: c('1.2'),
              links: [{ kind: 'evidence', title: 'Раздел «Планы и отчёты»', url: '/orgs/minzdrav/plans' }],
            },
          ],
        },
        {
          kind: 'goal',
          code: '2',
          title: 'Вовлечение граждан в подготовку решений',
          children: [
            {
              kind: 'indicator',
              code: '2.1',
              title: 'Число проектов нормативных актов, вынесенных на общественное обсуждение',
              unit: 'ед.',
              direction: 'up',
              contractWeight: 0.2,
              targets: { '2026': 10, '2027': 12 },
              actuals: [['2026-Q2', 4, '2026-07-06', 'Раздел обсуждений портала']],
            },
            {
              kind: 'activity',
              code: '2.2',
              title: 'Обсуждение порядка маршрутизации пациентов с общественным советом',
              deadline: '2026-02-28',
              activityStatus: 'in_progress',
              implements: c('2.1'),
            },
          ],
        },
        {
          kind: 'goal',
          code: '3',
          title: 'Подотчётность и обратная связь',
          children: [
            {
              kind: 'indicator',
              code: '3.1',
              title: 'Средний срок ответа на обращение',
              unit: 'раб. дн.',
              direction: 'down',
              baseline: 24,
              baselineYear: 2025,
              contractWeight: 0.2,
              targets: { '2026': 20, '2027': 18 },
              actuals: [['2026-Q2', 19, '2026-07-06', 'Статистика обращений портала']],
            },
          ],
        },
      ],
      refs,
    );
  }

  const activity = await plan(deps, {
    org: 'minzdrav',
    kind: 'public_activity',
    title: 'Публичный план деятельности Министерства здравоохранения на 2026–2028 годы',
    summary: 'Цели и показатели министерства на среднесрочный период, вынесенные на общественное обсуждение.',
    status: 'discussion',
    start: 2026,
    end: 2028,
    events: APPROVED.slice(0, 2),
  });
  if (activity) {
    count++;
    await writeTree(deps, activity.id, [
      {
        kind: 'goal',
        code: '1',
        title: 'Повышение доступности первичной медицинской помощи',
        links: [
          {
            kind: 'decree',
            title: 'Указ Президента РФ № 309 «О национальных целях развития»',
            url: 'http://www.kremlin.ru/acts/bank/50542',
          },
        ],
        children: [
          {
            kind: 'task',
            code: '1.1',
            title: 'Сократить время ожидания приёма участкового терапевта',
            children: [
              {
                kind: 'indicator',
                code: '1.1.1',
                title: 'Среднее время ожидания приёма терапевта',
                unit: 'дн.',
                direction: 'down',
                baseline: 6,
                baselineYear: 2025,
                targets: { '2026': 4, '2027': 3, '2028': 2 },
              },
            ],
          },
        ],
      },
    ]);
    // its discussion in the participation engine, opened a week ago
    const opensAt = new Date(deps.clock.now().getTime() - 7 * 86_400_000);
    const discussionId = await openPlanDiscussion(deps, SYSTEM, activity, opensAt);
    await repo.updatePlan(deps.db, activity.id, { discussionId });
  }

  const minobr = await plan(deps, {
    org: 'minobr',
    kind: 'departmental_openness',
    title: 'План Министерства образования по открытости на 2026–2027 годы',
    summary: 'Ведомственный план по открытости по шаблону проектного офиса, на согласовании комиссии.',
    status: 'agreement',
    start: 2026,
    end: 2027,
    templateId: template,
    discussionResult: 'Поступило 5 предложений, учтено 2.',
    events: APPROVED.slice(0, 3),
  });
  if (minobr) {
    count++;
    await writeTree(deps, minobr.id, [
      {
        kind: 'goal',
        code: '1',
        title: 'Информационная открытость органа власти',
        children: [
          {
            kind: 'indicator',
            code: '1.1',
            title: 'Доля обращений граждан, рассмотренных в установленный срок',
            unit: '%',
            direction: 'up',
            targets: { '2026': 95, '2027': 97 },
          },
          {
            kind: 'activity',
            code: '1.2',
            title: 'Публикация наборов данных о сети образовательных организаций',
            deadline: '2026-09-01',
            implements: c('1.2'),
          },
        ],
      },
    ]);
  }

  const municipal = await plan(deps, {
    org: 'kaliningrad',
    kind: 'municipal_openness',
    title: 'План «Открытый муниципалитет» городского округа «Город Калининград» на 2026 год',
    summary: 'Муниципальный план по открытости: обратная связь, открытые данные, участие жителей.',
    status: 'approved',
    start: 2026,
    end: 2026,
    events: APPROVED,
  });
  if (municipal) {
    count++;
    await writeTree(deps, municipal.id, [
      {
        kind: 'goal',
        code: '1',
        title: 'Участие жителей в решении вопросов местного значения',
        children: [
          {
            kind: 'indicator',
            code: '1.1',
            title: 'Число проектов инициативного бюджетирования, отобранных голосованием',
            unit: 'ед.',
            direction: 'up',
            baseline: 8,
            baselineYear: 2025,
            targets: { '2026-Q2': 5, '2026': 15 },
            actuals: [['2026-Q2', 6, '2026-07-01', 'Протокол конкурсной комиссии']],
          },
          {
            kind: 'activity',
            code: '1.2',
            title: 'Отчёт главы администрации перед жителями',
            deadline: '2026-04-30',
            activityStatus: 'done',
          },
        ],
      },
    ]);
  }
  await seedDemoReports(deps);
  await deps.db.transaction((tx) => reindexPlans(tx));
  return { plans: count };
}

const SYSTEM: Origin = {
  actor: userActor('00000000-0000-0000-0000-000000000000', [{ role: 'admin', orgId: null }], {
    displayName: 'Демо-наполнение',
  }),
  ip: null,
};

/**
 * Минздрав's annual report for 2026 (published, from the generated draft, with
 * the council's co-report) and its media campaign; Калининград's campaign.
 */
async function seedDemoReports(deps: Pick<Deps, 'db' | 'clock'>) {
  const today = toLocalDate(deps.clock.now());
  const minzdrav = await findOrganizationBySlug(deps.db, 'minzdrav');
  if (minzdrav) {
    const data = await buildAnnualReportData(deps, minzdrav, 2026, today);
    await repo.upsertReport(deps.db, {
      orgId: minzdrav.id,
      year: 2026,
      textRu: `${draftReportText(data).replace(/ Причины и меры: …/, '')}\n\nМинистерство продолжит публиковать ответы на обращения и открытые данные о сети медицинских организаций; по показателям под угрозой приняты меры: сокращены внутренние сроки подготовки ответов.`,
      coReportRu:
        'Общественный совет при Министерстве здравоохранения отмечает рост открытости министерства: план по открытости исполняется, отчёты о показателях публикуются ежеквартально. Совет рекомендует ускорить ответы на обращения граждан и чаще выносить на обсуждение проекты приказов.',
      campaignLinks: [
        {
          kind: 'news',
          date: '2026-07-08',
          title: 'Минздрав отчитался о выполнении плана по открытости за полугодие',
          url: '/orgs/minzdrav/plans',
        },
        {
          kind: 'event',
          date: '2026-09-17',
          title: 'Публичное обсуждение результатов плана с общественным советом',
          url: '/orgs/minzdrav/council',
        },
        {
          kind: 'interview',
          date: '2026-10-02',
          title: 'Министр здравоохранения — о сроках ответов на обращения граждан',
          url: '/orgs/minzdrav/plans/contract',
        },
      ],
      publishedAt: new Date('2026-11-20T10:00:00+02:00'),
    });
  }
  const kaliningrad = await findOrganizationBySlug(deps.db, 'kaliningrad');
  if (kaliningrad) {
    const data = await buildAnnualReportData(deps, kaliningrad, 2026, today);
    await repo.upsertReport(deps.db, {
      orgId: kaliningrad.id,
      year: 2026,
      textRu: draftReportText(data),
      campaignLinks: [
        {
          kind: 'event',
          date: '2026-04-28',
          title: 'Отчёт главы администрации перед жителями',
          url: '/orgs/kaliningrad/plans',
        },
        {
          kind: 'news',
          date: '2026-07-01',
          title: 'Итоги отбора проектов инициативного бюджетирования',
          url: '/orgs/kaliningrad/plans',
        },
      ],
      publishedAt: null,
    });
  }
}
