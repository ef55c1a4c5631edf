import type { Duty } from '../orgs/index.ts';

/**
 * The structured pages an organisation's site must have (8-ФЗ art. 13–14 and
 * the concept's tasks), each with a fixed path below /orgs/<slug>/. Registered
 * as org sections, so the org home lists them and the monitoring can score them.
 */
export type StructuredSection = {
  key: string;
  path: string;
  titleRu: string;
  titleEn: string;
  summaryRu: string;
  summaryEn: string;
  concept: string | null;
  responsibleDuty: Duty;
};

export const structuredSections: readonly StructuredSection[] = [
  {
    key: 'powers',
    path: 'powers',
    titleRu: 'Полномочия и правовые акты',
    titleEn: 'Powers and the acts that set them',
    summaryRu: 'Полномочия органа, его задачи и функции, акты, которыми они установлены.',
    summaryEn: 'What the body is empowered to do, its tasks and functions, and the acts that set them.',
    concept: null,
    responsibleDuty: 'information_access',
  },
  {
    key: 'structure',
    path: 'structure',
    titleRu: 'Структура и руководство',
    titleEn: 'Structure and heads',
    summaryRu: 'Структура органа, руководители и их заместители, руководители подразделений.',
    summaryEn: 'The structure of the body, its head and deputies, heads of its units.',
    concept: null,
    responsibleDuty: 'information_access',
  },
  {
    key: 'subordinate',
    path: 'subordinate',
    titleRu: 'Подведомственные организации',
    titleEn: 'Subordinate organisations',
    summaryRu: 'Перечень подведомственных организаций, их задачи, адреса и руководители.',
    summaryEn: 'The organisations under the body, their tasks, addresses and heads.',
    concept: null,
    responsibleDuty: 'information_access',
  },
  {
    key: 'information_access',
    path: 'information-access',
    titleRu: 'Порядок доступа к информации',
    titleEn: 'Access to information',
    summaryRu:
      'Как получить информацию о деятельности органа и закрытый перечень информации ограниченного доступа.',
    summaryEn: "How to get information about the body's work, and the closed list of restricted information.",
    concept: '8.1',
    responsibleDuty: 'information_access',
  },
  {
    key: 'site_terms',
    path: 'site-terms',
    titleRu: 'Правила пользования сайтом',
    titleEn: 'Terms of use of the site',
    summaryRu: 'Условия использования материалов сайта и правила поведения в его интерактивных сервисах.',
    summaryEn: "Terms of reuse of the site's materials and rules of its interactive services.",
    concept: '8.2',
    responsibleDuty: 'information_access',
  },
  {
    key: 'site_development',
    path: 'site-development',
    titleRu: 'План развития сайта и отзывы о нём',
    titleEn: 'Development plan of the site and feedback',
    summaryRu: 'Что и когда изменится на сайте; форма, чтобы сообщить о неудобстве или ошибке.',
    summaryEn: 'What will change on the site and when; a form to report a problem or an error.',
    concept: '8.2',
    responsibleDuty: 'information_access',
  },
  {
    key: 'media_plan',
    path: 'media-plan',
    titleRu: 'Медиаплан',
    titleEn: 'Media plan',
    summaryRu: 'План информационного освещения деятельности органа.',
    summaryEn: "The plan of media coverage of the body's work.",
    concept: '3.1',
    responsibleDuty: 'media',
  },
  {
    key: 'media_requests',
    path: 'media-requests',
    titleRu: 'Порядок работы с запросами СМИ',
    titleEn: 'How media requests are answered',
    summaryRu: 'Как журналисту направить запрос и в какие сроки он получит ответ.',
    summaryEn: 'How a journalist sends a request and when the answer comes.',
    concept: '3.1',
    responsibleDuty: 'media',
  },
  {
    key: 'programmes',
    path: 'programmes',
    titleRu: 'Государственные программы',
    titleEn: 'Programmes',
    summaryRu: 'Программы, которые реализует орган, и ответственные за них должностные лица.',
    summaryEn: 'The programmes the body carries out and the officials responsible for them.',
    concept: '6.1',
    responsibleDuty: 'openness',
  },
  {
    key: 'procurement',
    path: 'procurement',
    titleRu: 'Закупки',
    titleEn: 'Procurement',
    summaryRu: 'План-график закупок и отчёт о его исполнении.',
    summaryEn: 'The procurement plan-schedule and the report on it.',
    concept: '6.2',
    responsibleDuty: 'openness',
  },
  {
    key: 'services_statistics',
    path: 'services-statistics',
    titleRu: 'Статистика государственных услуг',
    titleEn: 'Statistics of public services',
    summaryRu: 'Сколько услуг оказано, в какие сроки и как их оценили получатели.',
    summaryEn: 'How many services were provided, how fast, and how people rated them.',
    concept: '6.3',
    responsibleDuty: 'openness',
  },
  {
    key: 'annual_report',
    path: 'annual-report',
    titleRu: 'Планы, результаты и итоговый доклад',
    titleEn: 'Plans, results and the annual report',
    summaryRu: 'Планы и программы, их результаты, итоговый доклад и содоклад общественного совета.',
    summaryEn: "Plans and programmes, their results, the annual report and the public council's co-report.",
    concept: '6.4',
    responsibleDuty: 'openness',
  },
  {
    key: 'anti_corruption_plan',
    path: 'anti-corruption-plan',
    titleRu: 'План противодействия коррупции',
    titleEn: 'Anti-corruption plan',
    summaryRu: 'План противодействия коррупции и отчёты о его выполнении.',
    summaryEn: 'The anti-corruption plan and reports on its execution.',
    concept: '7.1',
    responsibleDuty: 'anti_corruption',
  },
  {
    key: 'ethics',
    path: 'ethics',
    titleRu: 'Кодекс этики и комиссия по конфликту интересов',
    titleEn: 'Ethics code and conflict-of-interest commission',
    summaryRu: 'Кодекс этики служащих, состав комиссии и протоколы её заседаний.',
    summaryEn: "The staff's ethics code, the commission's members and the protocols of its meetings.",
    concept: '7.2',
    responsibleDuty: 'anti_corruption',
  },
  {
    key: 'vacancies',
    path: 'vacancies',
    titleRu: 'Вакансии и конкурсы',
    titleEn: 'Vacancies and competitions',
    summaryRu: 'Вакантные должности, условия и результаты конкурсов на их замещение.',
    summaryEn: 'Vacant posts, the terms and results of competitions to fill them.',
    concept: null,
    responsibleDuty: 'information_access',
  },
  {
    key: 'inspections',
    path: 'inspections',
    titleRu: 'Проверки',
    titleEn: 'Inspections',
    summaryRu: 'Проверки, проведённые органом и в отношении органа, и их результаты.',
    summaryEn: 'Inspections carried out by the body and of the body, and their results.',
    concept: null,
    responsibleDuty: 'information_access',
  },
];

/** Sections of the org home this module serves besides the structured pages. */
export const listSections = [
  {
    key: 'documents',
    path: 'documents',
    titleRu: 'Документы',
    titleEn: 'Documents',
    summaryRu: 'Правовые акты, планы, отчёты и протоколы органа с реквизитами и историей изменений.',
    summaryEn: "The body's acts, plans, reports and protocols with their requisites and history.",
    concept: '8',
    responsibleDuty: 'information_access' as Duty,
  },
  {
    key: 'declarations',
    path: 'declarations',
    titleRu: 'Сведения о доходах',
    titleEn: 'Income declarations',
    summaryRu: 'Сведения о доходах, имуществе и обязательствах имущественного характера должностных лиц.',
    summaryEn: 'Income, property and property obligations of officials.',
    concept: '7.3',
    responsibleDuty: 'anti_corruption' as Duty,
  },
];

export function sectionByKey(key: string): StructuredSection | undefined {
  return structuredSections.find((s) => s.key === key);
}

export function sectionByPath(path: string): StructuredSection | undefined {
  return structuredSections.find((s) => s.path === path);
}
