import type { Origin } from '../../platform/audit/index.ts';
import { userActor } from '../../platform/authz/index.ts';
import { addCalendarDays, toLocalDate } from '../../platform/calendar/index.ts';
import { inTurn } from '../../platform/db/client.ts';
import type { Deps } from '../../platform/deps.ts';
import { findUserIdByEmail } from '../accounts/index.ts';
import { findOrganizationBySlug, listAllOrganizations, upsertOrgSections } from '../orgs/index.ts';
import { openDiscussion } from '../participation/index.ts';
import { REGION_OFFSET } from './councils.model.ts';
import { councilsRepository as repo } from './councils.repository.ts';
import { indexConclusion, indexCouncil } from './councils.search.ts';
import { CONCLUSION_OBJECT } from './publish-conclusion.ts';

/**
 * Every organisation's «Общественный совет» section is served by this module at
 * /orgs/<slug>/council (the key of the default section, so it replaces it).
 */
export async function registerCouncilSections(deps: Pick<Deps, 'db'>): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const orgs = await listAllOrganizations(tx);
    // one statement for every organisation (rows already as given are left alone)
    await upsertOrgSections(
      tx,
      orgs.map((org) => ({
        orgId: org.id,
        key: 'public_council',
        path: 'council',
        titleRu: 'Общественный совет',
        titleEn: 'Public council',
        summaryRu:
          'Состав и отбор членов совета, заседания и как на них попасть, решения и заключения совета.',
        summaryEn:
          'Members and their selection, meetings and how to attend them, decisions and conclusions of the council.',
        concept: '1',
        responsibleDuty: 'openness',
        position: 10,
      })),
    );
    return orgs.length;
  });
}

/** Names the browser journey and the README rely on. */
export const DEMO_COUNCILS = {
  /** the government's public council: a held meeting waits for its protocol */
  governmentPublic: 'Общественный совет при Правительстве Калининградской области',
  expert: 'Экспертный совет по открытому правительству при Губернаторе Калининградской области',
  /** the accounts that sit on the expert council and score candidates */
  experts: ['expert@open-region.example', 'project.office@open-region.example'],
} as const;

const at = (date: string, time: string) => new Date(`${date}T${time}:00${REGION_OFFSET}`);

/**
 * Demo councils (SEED=demo): the government's expert council, commission, project
 * office and public council; the public councils of Минздрав and Минфин, of
 * Калининград and Светлый; members past and present, meetings held and coming,
 * protocols with votes, decisions tracked, conclusions, a co-report, an open
 * call, the expert pool and an assessment. Idempotent: skipped when any council exists.
 */
export async function seedDemoCouncils(deps: Pick<Deps, 'db' | 'clock'>): Promise<{ councils: number }> {
  if ((await repo.listCouncils(deps.db)).length > 0) return { councils: 0 };
  const now = deps.clock.now();
  const today = toLocalDate(now);
  const day = (n: number) => addCalendarDays(today, n);
  const year = Number(today.slice(0, 4));
  let n = 0;
  const discussed: { id: string; orgId: string; title: string; at: Date }[] = [];
  await deps.db.transaction(async (tx) => {
    const org = async (slug: string) => {
      const o = await findOrganizationBySlug(tx, slug);
      if (!o) throw new Error(`demo councils: no organisation ${slug}`);
      return o;
    };
    const gov = await org('government');
    const council = async (orgId: string, v: Omit<Parameters<typeof repo.insertCouncil>[1], 'orgId'>) => {
      const c = await repo.insertCouncil(tx, { ...v, orgId, createdAt: now, updatedAt: now });
      await indexCouncil(tx, c);
      n++;
      return c;
    };
    const members = async (
      councilId: string,
      rows: [string, string, string | null, string | null][],
      start: string,
    ) => {
      for (const [fullName, position, affiliation, email] of rows)
        await repo.insertMember(tx, {
          councilId,
          fullName,
          position,
          affiliation,
          userId: email ? await findUserIdByEmail(tx, email) : null,
          termStart: start,
          termEnd: `${Number(start.slice(0, 4)) + 3}${start.slice(4)}`,
        });
    };
    const termStart = `${year - 1}-03-01`;

    // The expert council at the governor: its members with accounts score candidates.
    const expert = await council(gov.id, {
      kind: 'expert_council',
      nameRu: DEMO_COUNCILS.expert,
      nameEn: 'Expert Council on Open Government under the Governor of Kaliningrad Oblast',
      descriptionRu:
        'Проводит экспертизу проектов и отчётов, оценивает кандидатов в общественные советы и работу органов с советами, ведёт открытый экспертный пул.',
      regulationTitle: 'Положение об экспертном совете (указ Губернатора Калининградской области)',
      regulationUrl: '/orgs/government/documents',
    });
    await members(
      expert.id,
      [
        [
          'Тихонов Борис Аркадьевич',
          'chair',
          'Балтийский федеральный университет им. И. Канта',
          DEMO_COUNCILS.experts[0],
        ],
        [
          'Егорова Светлана Валерьевна',
          'secretary',
          'Проектный офис «Открытое правительство»',
          DEMO_COUNCILS.experts[1],
        ],
        ['Сазонова Елена Викторовна', 'member', 'Ассоциация некоммерческих организаций области', null],
        ['Литвинов Андрей Петрович', 'member', 'Региональное отделение Общественной палаты', null],
      ],
      termStart,
    );
    await council(gov.id, {
      kind: 'government_commission',
      nameRu: 'Правительственная комиссия по вопросам открытого государственного управления',
      nameEn: 'Government Commission on Open Government',
      descriptionRu:
        'Утверждает комплексный план открытости, рассматривает рейтинг и отчёты проектного офиса.',
      regulationTitle: 'Положение о правительственной комиссии',
    });
    const office = await council(gov.id, {
      kind: 'project_office',
      nameRu: 'Проектный офис «Открытое правительство»',
      nameEn: 'Open Government Project Office',
      descriptionRu:
        'Ведёт методику и мониторинг открытости, комплексный план и отчёты, поддерживает общественные советы.',
    });
    await members(
      office.id,
      [['Егорова Светлана Валерьевна', 'chair', null, DEMO_COUNCILS.experts[1]]],
      termStart,
    );

    // The government's public council: a full history.
    const pub = await council(gov.id, {
      kind: 'public_council',
      nameRu: DEMO_COUNCILS.governmentPublic,
      nameEn: 'Public Council under the Government of Kaliningrad Oblast',
      descriptionRu:
        'Осуществляет общественный контроль и даёт заключения на проекты актов, планы и отчёты Правительства.',
      regulationTitle: 'Положение об Общественном совете при Правительстве Калининградской области',
      regulationUrl: '/orgs/government/documents',
      participationRu:
        'Заседания открыты для жителей и журналистов: запишитесь на странице заседания, мест ограниченное число.\nЧтобы войти в совет, подайте заявление, когда объявлен конкурсный отбор.\nПредложения к повестке направляйте секретарю совета через обращение в Правительство.',
    });
    await members(
      pub.id,
      [
        ['Воронцова Марина Александровна', 'chair', 'Союз журналистов области', null],
        ['Кравченко Игорь Леонидович', 'deputy', 'Торгово-промышленная палата', null],
        [
          'Морозов Илья Сергеевич',
          'secretary',
          'Аппарат Правительства',
          'council.government@open-region.example',
        ],
        ['Белякова Татьяна Юрьевна', 'member', 'Родители детей с инвалидностью', null],
        ['Шестаков Павел Игоревич', 'member', 'Молодёжный парламент', null],
      ],
      termStart,
    );
    const past = await repo.insertMember(tx, {
      councilId: pub.id,
      fullName: 'Гаврилов Сергей Николаевич',
      position: 'member',
      affiliation: 'Ветеранская организация',
      termStart,
      termEnd: `${year + 2}-03-01`,
    });
    await repo.endMember(
      tx,
      past.id,
      `${year - 1}-11-15`,
      'Личное заявление о сложении полномочий (переезд в другой регион)',
    );

    // A meeting held with its protocol and decisions (one reported on, one open).
    const held = await repo.insertMeeting(tx, {
      councilId: pub.id,
      startsAt: at(day(-40), '15:00'),
      place: 'Калининград, ул. Дмитрия Донского, 1, зал заседаний',
      capacity: 20,
      videoUrl: 'https://vk.com/video-kaliningrad-gov',
      recordingUrl: 'https://vk.com/video-kaliningrad-gov-record',
      createdAt: now,
    });
    await repo.insertAgenda(tx, [
      {
        meetingId: held.id,
        position: 1,
        title: 'О проекте закона об общественном контроле',
        linkKind: 'draft',
        linkUrl: '/orgs/government/documents',
        linkTitle: 'Проект закона',
      },
      {
        meetingId: held.id,
        position: 2,
        title: 'Об отчёте о выполнении плана открытости за год',
        linkKind: 'report',
        linkUrl: '/orgs/government/plans-reports',
        linkTitle: 'Отчёт',
      },
    ]);
    await repo.publishProtocol(
      tx,
      held.id,
      'Присутствовали 5 из 6 членов совета, кворум есть.\nПо первому вопросу выступила М. А. Воронцова; по второму — представитель проектного офиса.\nРешения приняты большинством голосов.',
      'https://vk.com/video-kaliningrad-gov-record',
      at(day(-38), '10:00'),
    );
    const vote = (v: string[]) =>
      [
        'Воронцова Марина Александровна',
        'Кравченко Игорь Леонидович',
        'Морозов Илья Сергеевич',
        'Белякова Татьяна Юрьевна',
        'Шестаков Павел Игоревич',
      ].map((name, i) => ({ name, vote: v[i] ?? 'for' }));
    await repo.insertDecisions(tx, [
      {
        councilId: pub.id,
        meetingId: held.id,
        position: 1,
        textRu: 'Рекомендовать дополнить проект закона нормой о публикации заключений общественных советов.',
        votes: vote(['for', 'for', 'for', 'for', 'abstained']),
      },
      {
        councilId: pub.id,
        meetingId: held.id,
        position: 2,
        textRu: 'Рекомендовать публиковать ежеквартальные отчёты о плане открытости в виде открытых данных.',
        votes: vote(['for', 'against', 'for', 'for', 'for']),
      },
    ]);
    const [d1] = await repo.decisionsOfMeeting(tx, held.id);
    if (d1)
      await repo.reportDecision(
        tx,
        d1.id,
        'Норма включена в статью 7 проекта закона, внесённого в Законодательное собрание.',
        at(day(-10), '12:00'),
      );

    // A meeting held whose protocol is still being prepared, and one coming.
    await repo.insertMeeting(tx, {
      councilId: pub.id,
      startsAt: at(day(-3), '15:00'),
      place: 'Калининград, ул. Дмитрия Донского, 1, зал заседаний',
      capacity: 20,
      createdAt: now,
    });
    const coming = await repo.insertMeeting(tx, {
      councilId: pub.id,
      startsAt: at(day(14), '15:00'),
      place: 'Калининград, ул. Дмитрия Донского, 1, зал заседаний',
      capacity: 15,
      videoUrl: 'https://vk.com/video-kaliningrad-gov',
      createdAt: now,
    });
    await repo.insertAgenda(tx, [
      {
        meetingId: coming.id,
        position: 1,
        title: 'О проекте комплексного плана открытости на следующий год',
        linkKind: 'plan',
        linkUrl: '/orgs/government/plans-reports',
        linkTitle: 'Проект плана',
      },
      {
        meetingId: coming.id,
        position: 2,
        title: 'Об итогах работы референтной группы «Родители»',
        linkKind: 'reference_group',
        linkUrl: '/orgs/government/reference-groups',
        linkTitle: 'Итоги референтной группы',
      },
    ]);

    const concl = await repo.insertConclusion(tx, {
      councilId: pub.id,
      kind: 'conclusion',
      subjectKind: 'draft',
      subjectTitle: 'Проект закона Калининградской области «Об общественном контроле»',
      subjectUrl: '/orgs/government/documents',
      year,
      textRu:
        'Совет поддерживает проект при условии, что заключения общественных советов будут публиковаться вместе с проектами актов.\nПредлагаем установить срок ответа органа на рекомендации совета — 30 дней.',
      publishedAt: at(day(-35), '12:00'),
    });
    await indexConclusion(tx, pub, concl);
    discussed.push({
      id: concl.id,
      orgId: gov.id,
      title: `Заключение: ${concl.subjectTitle}`,
      at: concl.publishedAt,
    });
    const co = await repo.insertConclusion(tx, {
      councilId: pub.id,
      kind: 'co_report',
      subjectKind: 'report',
      subjectTitle: `Годовой отчёт Правительства за ${year - 1} год`,
      subjectUrl: '/orgs/government/plans-reports',
      year: year - 1,
      textRu:
        'Совет отмечает рост числа открытых заседаний и публикацию планов в понятной форме.\nНе выполнены: публикация ответов на рекомендации совета в срок, открытые данные о закупках.',
      publishedAt: at(day(-60), '12:00'),
    });
    await indexConclusion(tx, pub, co);

    // The open pool (consented experts of earlier selections; no accounts) and an answered request.
    for (const [fullName, expertise] of [
      ['Соколова Анна Дмитриевна', 'здравоохранение'],
      ['Миронов Олег Викторович', 'бюджет и финансы'],
      ['Чернова Ксения Андреевна', 'городская среда'],
      ['Федосеев Роман Ильич', 'цифровые сервисы'],
    ] as const)
      await repo.upsertPoolMember(tx, {
        userId: null,
        fullName,
        expertise,
        consentAt: at(day(-200), '12:00'),
        createdAt: now,
      });
    const [firstPool] = await repo.pool(tx, 'бюджет и финансы');
    if (firstPool) {
      const r = await repo.insertOpinionRequest(tx, {
        councilId: pub.id,
        poolMemberId: firstPool.id,
        question: 'Насколько понятно изложен проект бюджета для граждан на следующий год?',
        createdAt: at(day(-30), '12:00'),
      });
      await repo.answerOpinionRequest(
        tx,
        r.id,
        'Структура понятна; не хватает сравнения с прошлым годом и расшифровки межбюджетных трансфертов.',
        at(day(-25), '12:00'),
      );
    }

    // The yearly independent assessment of last year: two experts and the council itself.
    const secretaryId = await findUserIdByEmail(tx, 'council.government@open-region.example');
    const expertIds = await inTurn(DEMO_COUNCILS.experts.map((e) => () => findUserIdByEmail(tx, e)));
    const answers = (a: number[]) =>
      Object.fromEntries(
        [
          'drafts_sent',
          'conclusions_considered',
          'information_given',
          'meetings_open',
          'decisions_reported',
        ].map((q, i) => [q, a[i] ?? 3]),
      );
    for (const [i, id] of expertIds.entries())
      if (id)
        await repo.insertAssessment(tx, {
          councilId: pub.id,
          year: year - 1,
          kind: 'expert',
          respondentUserId: id,
          answers: answers(i ? [4, 3, 4, 5, 3] : [3, 3, 4, 4, 2]),
          createdAt: now,
        });
    if (secretaryId)
      await repo.insertAssessment(tx, {
        councilId: pub.id,
        year: year - 1,
        kind: 'self',
        respondentUserId: secretaryId,
        answers: answers([4, 4, 4, 5, 4]),
        createdAt: now,
      });

    // Two ministries and two municipalities.
    for (const [slug, name, chair] of [
      [
        'minzdrav',
        'Общественный совет при Министерстве здравоохранения Калининградской области',
        'Петрова Галина Ивановна',
      ],
      [
        'minfin',
        'Общественный совет при Министерстве финансов Калининградской области',
        'Головин Виктор Сергеевич',
      ],
      [
        'kaliningrad',
        'Общественная палата городского округа «Город Калининград»',
        'Лаптева Ольга Николаевна',
      ],
      ['svetly', 'Общественный совет Светловского городского округа', 'Рыбаков Денис Олегович'],
    ] as const) {
      const o = await org(slug);
      const c = await council(o.id, {
        kind: 'public_council',
        nameRu: name,
        regulationTitle: `Положение: ${name}`,
        regulationUrl: `/orgs/${slug}/documents`,
      });
      await members(
        c.id,
        [
          [chair, 'chair', 'Общественная организация', null],
          ['Никитина Елена Павловна', 'secretary', null, null],
          ['Захаров Алексей Иванович', 'member', 'Предприниматели', null],
        ],
        termStart,
      );
      const m = await repo.insertMeeting(tx, {
        councilId: c.id,
        startsAt: at(day(21), '16:00'),
        place: o.address ?? 'Зал заседаний',
        capacity: 10,
        createdAt: now,
      });
      await repo.insertAgenda(tx, [
        {
          meetingId: m.id,
          position: 1,
          title: 'О плане работы совета на год',
          linkKind: 'none',
          linkUrl: null,
          linkTitle: null,
        },
      ]);
      if (slug === 'minzdrav') {
        const before = await repo.insertMeeting(tx, {
          councilId: c.id,
          startsAt: at(day(-20), '16:00'),
          place: o.address ?? 'Зал заседаний',
          capacity: 10,
          createdAt: now,
        });
        await repo.insertAgenda(tx, [
          {
            meetingId: before.id,
            position: 1,
            title: 'О доступности записи к врачам-специалистам',
            linkKind: 'none',
            linkUrl: null,
            linkTitle: null,
          },
        ]);
        await repo.publishProtocol(
          tx,
          before.id,
          'Присутствовали 3 члена совета. Заслушан доклад министерства.',
          null,
          at(day(-18), '10:00'),
        );
        await repo.insertDecisions(tx, [
          {
            councilId: c.id,
            meetingId: before.id,
            position: 1,
            textRu:
              'Рекомендовать министерству публиковать ежемесячно сроки ожидания записи к специалистам по каждой больнице.',
            votes: [
              { name: chair, vote: 'for' },
              { name: 'Никитина Елена Павловна', vote: 'for' },
              { name: 'Захаров Алексей Иванович', vote: 'abstained' },
            ],
          },
        ]);
        const call = await repo.insertCall(tx, {
          councilId: c.id,
          titleRu: 'Отбор в Общественный совет при Министерстве здравоохранения',
          descriptionRu:
            'В совет избираются представители пациентских организаций, медицинского сообщества и жителей.',
          opensOn: day(-5),
          closesOn: day(25),
          places: 3,
          referenceGroups: [
            'Пациентские организации',
            'Медицинское сообщество',
            'Жители муниципальных округов',
          ],
          documentsRequired: [
            'Анкета кандидата',
            'Рекомендация общественной организации',
            'Согласие на обработку персональных данных',
          ],
          scaleMax: 10,
        });
        await repo.insertCriteria(tx, [
          { callId: call.id, nameRu: 'Опыт общественной работы', weight: 3, position: 1 },
          { callId: call.id, nameRu: 'Знание отрасли', weight: 2, position: 2 },
          { callId: call.id, nameRu: 'Предложения по работе совета', weight: 1, position: 3 },
        ]);
      }
    }
  });
  // the conclusion's public discussion, as publishConclusion opens it
  for (const c of discussed)
    await openDiscussion(deps, SYSTEM, {
      objectType: CONCLUSION_OBJECT,
      objectId: c.id,
      orgId: c.orgId,
      title: c.title,
      ownerUrl: `/councils/conclusions/${c.id}`,
      rules: 'Обсуждаем заключение совета: предложения и замечания к нему. Комментарии модерируются.',
      opensAt: c.at,
      closesAt: new Date(now.getTime() + 30 * 86_400_000),
      moderation: 'post',
    });
  return { councils: n };
}

const SYSTEM: Origin = {
  actor: userActor('00000000-0000-0000-0000-000000000000', [{ role: 'admin', orgId: null }], {
    displayName: 'Демо-наполнение',
  }),
  ip: null,
};
