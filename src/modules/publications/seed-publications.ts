import type { Origin } from '../../platform/audit/index.ts';
import { userActor } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { findOrganizationBySlug, listAllOrganizations, upsertOrgSections } from '../orgs/index.ts';
import { attachFiles } from './attach-files.ts';
import { declarationInput } from './declarations.input.ts';
import { addDeclaration, setDeclarationsPublished } from './declarations.ts';
import { makeDemoPdf } from './demo-pdf.ts';
import { extractAttachmentText } from './extract-attachment-text.ts';
import { documentInput, mediaItemInput } from './publications.input.ts';
import { publicationsRepository as repo } from './publications.repository.ts';
import { publishDocument } from './publish-document.ts';
import { publishMediaItem } from './publish-media-item.ts';
import { saveSection } from './save-section.ts';
import { listSections, structuredSections } from './sections.ts';
import { updateDocument } from './update-document.ts';

/**
 * A phrase that occurs only inside the demo PDF attached to Минздрав's
 * постановление № 112-п: search finds that document by it (browser test).
 */
export const DEMO_PDF_PHRASE = 'маршрутизация пациентов с орфанными заболеваниями';
/** The demo document that carries the PDF: /documents/by-number/minzdrav/112-п */
export const DEMO_PDF_DOCUMENT = { org: 'minzdrav', number: '112-п' } as const;

/** The structured sections, «Документы» and «Сведения о доходах» on every organisation's home. */
export async function registerPublicationSections(deps: Pick<Deps, 'db'>): Promise<number> {
  const orgs = await listAllOrganizations(deps.db);
  const sections = [...listSections, ...structuredSections];
  // One statement for every organisation's sections (1,800 rows for 100 bodies): at each start
  // this was as many round trips, seconds on a region's database.
  await upsertOrgSections(
    deps.db,
    orgs.flatMap((org) =>
      sections.map((s, i) => ({
        orgId: org.id,
        key: s.key,
        path: s.path,
        titleRu: s.titleRu,
        titleEn: s.titleEn,
        summaryRu: s.summaryRu,
        summaryEn: s.summaryEn,
        concept: s.concept,
        responsibleDuty: s.responsibleDuty,
        position: 200 + i * 10,
      })),
    ),
  );
  return orgs.length * sections.length;
}

const SYSTEM: Origin = {
  actor: userActor('00000000-0000-0000-0000-000000000000', [{ role: 'admin', orgId: null }], {
    displayName: 'Демо-наполнение',
  }),
  ip: null,
};

const p = (...paras: string[]) => paras.join('\n\n');

const SECTION_TEXTS: Record<string, string> = {
  powers: p(
    'Министерство является органом исполнительной власти Калининградской области, осуществляющим государственное управление и нормативное правовое регулирование в своей сфере.',
    'Полномочия установлены Положением о министерстве, утверждённым постановлением Правительства Калининградской области.',
  ),
  structure: p(
    '<h2>Руководство</h2><p>Министр, первый заместитель министра, заместители министра.</p><h2>Подразделения</h2><ul><li>Отдел правового обеспечения</li><li>Отдел организации медицинской помощи</li><li>Отдел по работе с обращениями граждан</li></ul>',
  ),
  subordinate:
    'Перечень подведомственных учреждений с их задачами и руководителями ведётся в этом разделе и обновляется при изменениях.',
  information_access: p(
    'Информация о деятельности органа предоставляется: на официальном сайте, по запросу пользователя информацией, при личном обращении, через средства массовой информации.',
    'Закрытый перечень информации ограниченного доступа: сведения, составляющие государственную тайну; персональные данные; служебная информация ограниченного распространения; сведения о частной жизни граждан.',
  ),
  site_terms:
    'Материалы сайта можно использовать со ссылкой на источник. Комментарии в интерактивных сервисах модерируются: запрещены оскорбления, реклама и персональные данные других людей.',
  site_development: p(
    'В 2026 году: версия сайта для людей с нарушением зрения (сделано), открытые данные в машиночитаемом виде (II квартал), подписка на новости по темам (III квартал).',
  ),
  media_plan:
    'Ежемесячно: пресс-конференция министра; еженедельно: новости о работе медицинских организаций; ежеквартально: интервью руководителя.',
  media_requests: p(
    'Запрос редакции направляется в пресс-службу по электронной почте или через форму на сайте.',
    'Ответ даётся в течение семи дней; отказ — в течение трёх дней с указанием причины (статьи 39–40 Закона РФ «О средствах массовой информации»).',
  ),
  programmes:
    'Государственная программа «Развитие здравоохранения». Ответственный исполнитель — министерство; ответственное должностное лицо — первый заместитель министра.',
  procurement:
    'План-график закупок на 2026 год размещён в единой информационной системе в сфере закупок; отчёт об исполнении плана-графика за 2025 год — там же.',
  services_statistics:
    'В 2025 году оказано 18 240 услуг, 96 % — в установленный срок; средняя оценка качества получателями — 4,6 из 5.',
  annual_report:
    'Итоговый доклад о результатах деятельности за 2025 год и содоклад общественного совета при министерстве.',
  anti_corruption_plan:
    'План противодействия коррупции на 2025–2027 годы и отчёт о его выполнении за 2025 год: выполнено 28 мероприятий из 30.',
  ethics:
    'Кодекс этики и служебного поведения гражданских служащих. Комиссия по соблюдению требований к служебному поведению и урегулированию конфликта интересов провела в 2025 году 4 заседания.',
  vacancies:
    'Объявлен конкурс на замещение вакантной должности главного специалиста отдела правового обеспечения. Документы принимаются 30 дней со дня объявления.',
  inspections:
    'В 2025 году проведено 12 плановых проверок подведомственных учреждений; нарушения устранены в установленные сроки.',
};

export const DEMO_PUBLICATION_BASIS =
  'Указ Президента РФ от 08.07.2013 № 613, Порядок размещения сведений; приказ министерства от 05.05.2026 № 112';

/** Demo news, documents (one with a PDF), filled sections and declarations. Idempotent. */
export async function seedDemoPublications(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'jobs' | 'log'>,
): Promise<{ created: boolean }> {
  const minzdrav = await findOrganizationBySlug(deps.db, 'minzdrav');
  if (!minzdrav) return { created: false };
  if ((await repo.findDocumentByNumber(deps.db, minzdrav.id, DEMO_PDF_DOCUMENT.number)).length > 0)
    return { created: false };

  // Sections: every one for Минздрав, a few for the government and Калининград.
  for (const key of Object.keys(SECTION_TEXTS))
    await saveSection(deps, SYSTEM, {
      slug: 'minzdrav',
      key,
      section: { body: SECTION_TEXTS[key] as string },
    });
  for (const slug of ['government', 'kaliningrad'])
    for (const key of ['information_access', 'site_terms', 'anti_corruption_plan', 'vacancies'])
      if (await findOrganizationBySlug(deps.db, slug))
        await saveSection(deps, SYSTEM, { slug, key, section: { body: SECTION_TEXTS[key] as string } });

  const doc = (o: Record<string, unknown>) => documentInput.parse(o);
  const order = await publishDocument(deps, SYSTEM, {
    slug: 'minzdrav',
    doc: doc({
      docType: 'постановление',
      docNumber: DEMO_PDF_DOCUMENT.number,
      docDate: '12.02.2026',
      docStatus: 'действует',
      title: 'Об утверждении порядка оказания медицинской помощи взрослому населению Калининградской области',
      summary:
        'Порядок устанавливает правила оказания медицинской помощи взрослым в медицинских организациях области.',
      body: 'Утвердить прилагаемый порядок. Контроль за исполнением постановления возложить на министерство здравоохранения.',
      topics: 'здравоохранение',
      tags: 'медицинская помощь, порядок',
    }),
  });
  const pdf = await makeDemoPdf('Порядок оказания медицинской помощи взрослому населению', [
    '1. Настоящий порядок определяет правила организации медицинской помощи взрослому населению Калининградской области.',
    `2. Для пациентов, нуждающихся в специализированной помощи, устанавливается ${DEMO_PDF_PHRASE} через региональный консультативный центр.`,
    '3. Медицинские организации обеспечивают запись на приём в течение трёх рабочих дней.',
  ]);
  const [attachment] = await attachFiles(deps, SYSTEM, {
    slug: 'minzdrav',
    id: order.id,
    files: [{ filename: 'poryadok-112-p.pdf', mimetype: 'application/pdf', data: pdf, truncated: false }],
  });
  // The demo must be searchable at once: extract now rather than wait for the worker.
  if (attachment) await extractAttachmentText(deps, { attachmentId: attachment.id });

  const plan = await publishDocument(deps, SYSTEM, {
    slug: 'minzdrav',
    doc: doc({
      docType: 'план',
      docNumber: '7-пл',
      docDate: '20.01.2026',
      docStatus: 'действует',
      title: 'План противодействия коррупции министерства здравоохранения на 2026 год',
      body: 'План включает 30 мероприятий по профилактике коррупционных правонарушений.',
      topics: 'противодействие коррупции',
    }),
  });
  await publishDocument(deps, SYSTEM, {
    slug: 'minzdrav',
    doc: doc({
      docType: 'приказ',
      docNumber: '45-о',
      docDate: '03.03.2026',
      docStatus: 'действует',
      title: 'О внесении изменений в порядок оказания медицинской помощи взрослому населению',
      body: 'Внести в порядок, утверждённый постановлением № 112-п, изменения: пункт 3 изложить в новой редакции.',
      topics: 'здравоохранение',
      amends: DEMO_PDF_DOCUMENT.number,
    }),
  });
  await publishDocument(deps, SYSTEM, {
    slug: 'minzdrav',
    doc: doc({
      docType: 'протокол',
      docNumber: '2',
      docDate: '14.03.2026',
      docStatus: 'действует',
      title:
        'Протокол заседания комиссии по соблюдению требований к служебному поведению и урегулированию конфликта интересов',
      body: 'Рассмотрено уведомление о возможном конфликте интересов; меры по его предотвращению приняты.',
      topics: 'противодействие коррупции',
    }),
  });
  await publishDocument(deps, SYSTEM, {
    slug: 'minzdrav',
    doc: doc({
      docType: 'отчёт',
      docNumber: 'О-2025',
      docDate: '28.02.2026',
      docStatus: 'действует',
      title: 'Итоговый доклад о результатах деятельности министерства здравоохранения за 2025 год',
      body: 'Доклад содержит результаты по целям и показателям государственной программы и содоклад общественного совета.',
      topics: 'отчётность',
    }),
  });
  // A corrected plan: the earlier text stays in the history, the diff shows the change.
  await updateDocument(deps, SYSTEM, {
    slug: 'minzdrav',
    id: plan.id,
    doc: doc({
      docType: 'план',
      docNumber: '7-пл',
      docDate: '20.01.2026',
      docStatus: 'действует',
      title: 'План противодействия коррупции министерства здравоохранения на 2026 год',
      body: 'План включает 32 мероприятия по профилактике коррупционных правонарушений, в том числе обучение служащих.',
      topics: 'противодействие коррупции',
    }),
  });

  // News and media
  const media = (o: Record<string, unknown>) => mediaItemInput.parse(o);
  for (const [slug, items] of Object.entries({
    minzdrav: [
      media({
        kind: 'news',
        title: 'В области открылся региональный консультативный центр для взрослых пациентов',
        summary: 'Центр помогает пациентам со сложными диагнозами попасть к профильным специалистам.',
        body: 'Министерство здравоохранения сообщает об открытии регионального консультативного центра. Запись ведётся через лечащего врача.',
        topics: 'здравоохранение',
      }),
      media({
        kind: 'press_release',
        title: 'Итоги диспансеризации взрослого населения в 2025 году',
        body: 'Диспансеризацию прошли более 300 тысяч жителей области; выявленные заболевания взяты на учёт.',
        topics: 'здравоохранение',
      }),
      media({
        kind: 'video',
        title: 'Пресс-конференция министра здравоохранения о работе поликлиник',
        body: 'Запись пресс-конференции о сроках записи к врачам и работе консультативного центра.',
        videoUrl: 'https://example.org/video/press-conference-2026-03',
        transcript:
          'Министр: Добрый день. Сегодня мы расскажем о сроках записи к врачам.\n\nВопрос журналиста: Когда заработает запись через портал?\n\nМинистр: Уже в апреле.',
        topics: 'здравоохранение',
      }),
    ],
    government: [
      media({
        kind: 'announcement',
        title: 'Заседание Правительства Калининградской области 26 марта',
        body: 'В повестке — исполнение областного бюджета и план мероприятий по открытости.',
      }),
      media({
        kind: 'interview',
        title: 'Интервью о портале «Открытое правительство»',
        body: 'Руководитель проектного офиса рассказал, какие сведения о работе органов власти теперь можно найти на портале.',
      }),
    ],
  })) {
    if (!(await findOrganizationBySlug(deps.db, slug))) continue;
    for (const item of items) {
      await publishMediaItem(deps, SYSTEM, { slug, item });
    }
  }

  // Income declarations for 2025, published
  const rows = [
    {
      year: 2025,
      declarantShortName: 'Петров А.С.',
      position: 'Министр здравоохранения Калининградской области',
      relation: 'DECLARANT',
      declaredIncomeRub: '3 456 789,12',
      realEstateOwned: [
        { type: 'квартира', ownership: 'общая долевая', share: '1/2', areaSqm: '74.5', country: 'Россия' },
      ],
      realEstateUsed: [{ type: 'земельный участок', areaSqm: '1200', country: 'Россия' }],
      vehicles: [{ type: 'автомобиль легковой', make: 'Lada Vesta' }],
      largeDealSources: [],
    },
    {
      year: 2025,
      declarantShortName: 'Петров А.С.',
      position: 'Министр здравоохранения Калининградской области',
      relation: 'СУПРУГА',
      declaredIncomeRub: '1 234 000',
      realEstateOwned: [
        { type: 'квартира', ownership: 'общая долевая', share: '1/2', areaSqm: '74.5', country: 'Россия' },
      ],
      realEstateUsed: [],
      vehicles: [],
      largeDealSources: [],
    },
    {
      year: 2025,
      declarantShortName: 'Петров А.С.',
      position: 'Министр здравоохранения Калининградской области',
      relation: 'НЕСОВЕРШЕННОЛЕТНИЙ_РЕБЕНОК',
      declaredIncomeRub: '0',
      realEstateOwned: [],
      realEstateUsed: [{ type: 'квартира', areaSqm: '74.5', country: 'Россия' }],
      vehicles: [],
      largeDealSources: [],
    },
    {
      year: 2025,
      declarantShortName: 'Сидорова Е.В.',
      position: 'Первый заместитель министра',
      relation: 'DECLARANT',
      declaredIncomeRub: '2 100 500,50',
      realEstateOwned: [
        { type: 'жилой дом', ownership: 'индивидуальная', share: '', areaSqm: '120', country: 'Россия' },
      ],
      realEstateUsed: [],
      vehicles: [],
      largeDealSources: [
        { assetType: 'жилой дом', sources: 'доход по основному месту работы, ипотечный кредит' },
      ],
    },
  ];
  for (const r of rows)
    await addDeclaration(deps, SYSTEM, { slug: 'minzdrav', row: declarationInput.parse(r) });
  await setDeclarationsPublished(deps, SYSTEM, {
    slug: 'minzdrav',
    year: 2025,
    decision: { published: true, legalBasis: DEMO_PUBLICATION_BASIS },
  });
  return { created: true };
}
