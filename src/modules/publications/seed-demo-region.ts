import type { Origin } from '../../platform/audit/index.ts';
import { userActor } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { findOrganizationBySlug } from '../orgs/index.ts';
import { declarationInput } from './declarations.input.ts';
import { addDeclaration, setDeclarationsPublished } from './declarations.ts';
import { documentInput, mediaItemInput } from './publications.input.ts';
import { publicationsRepository as repo } from './publications.repository.ts';
import { publishDocument } from './publish-document.ts';
import { publishMediaItem } from './publish-media-item.ts';
import { DEMO_PUBLICATION_BASIS } from './seed-publications.ts';

/*
 * The demo region beyond the health ministry (SEED=demo, issue #10): the
 * government's laws, resolutions, orders and decrees; documents and news of
 * the education and finance ministries and of two municipalities; income
 * declarations over several years, the ministers declaring under the names
 * their bodies' pages give. Fixed texts: every start gives the same region.
 */

const SYSTEM: Origin = {
  actor: userActor('00000000-0000-0000-0000-000000000000', [{ role: 'admin', orgId: null }], {
    displayName: 'Демо-наполнение',
  }),
  ip: null,
};

/** The document the demo of the region's acts is recognised by: закон Калининградской области № 112. */
export const DEMO_REGIONAL_LAW = { org: 'government', number: '112' } as const;

type Doc = [
  docType: string,
  docNumber: string,
  docDate: string,
  title: string,
  body: string,
  topics?: string,
];

const DOCUMENTS: Record<string, Doc[]> = {
  government: [
    [
      'закон_области',
      '112',
      '12.03.2025',
      'Об областном бюджете на 2025 год и на плановый период 2026 и 2027 годов',
      'Утвердить основные характеристики областного бюджета на 2025 год: доходы, расходы и дефицит.',
      'бюджет',
    ],
    [
      'закон_области',
      '287',
      '18.12.2025',
      'Об областном бюджете на 2026 год и на плановый период 2027 и 2028 годов',
      'Утвердить основные характеристики областного бюджета на 2026 год.',
      'бюджет',
    ],
    [
      'закон_области',
      '41',
      '24.04.2025',
      'О мерах социальной поддержки многодетных семей в Калининградской области',
      'Закон устанавливает ежемесячную выплату и бесплатный проезд для детей из многодетных семей.',
      'социальная поддержка',
    ],
    [
      'постановление_правительства',
      '125-п',
      '20.03.2025',
      'О порядке предоставления субсидий сельскохозяйственным товаропроизводителям',
      'Утвердить порядок предоставления субсидий на развитие растениеводства и животноводства.',
      'сельское хозяйство',
    ],
    [
      'постановление_правительства',
      '318-п',
      '15.07.2025',
      'Об утверждении государственной программы «Развитие здравоохранения»',
      'Утвердить государственную программу Калининградской области «Развитие здравоохранения».',
      'здравоохранение',
    ],
    [
      'постановление_правительства',
      '52-п',
      '10.02.2026',
      'О плане мероприятий по повышению открытости органов исполнительной власти',
      'Утвердить план мероприятий на 2026–2027 годы: открытые данные, публичные отчёты, общественные обсуждения.',
      'открытость',
    ],
    [
      'распоряжение_правительства',
      '76-рп',
      '03.03.2026',
      'О проведении публичного отчёта Губернатора о работе Правительства за 2025 год',
      'Провести публичный отчёт в апреле 2026 года с трансляцией на портале.',
      'открытость',
    ],
    [
      'указ_губернатора',
      '30',
      '01.02.2026',
      'О мерах по обеспечению безопасности людей на водных объектах',
      'Запретить выход на лёд водоёмов области при толщине льда менее 12 сантиметров.',
      'безопасность',
    ],
  ],
  minobr: [
    [
      'приказ',
      '214-од',
      '28.08.2025',
      'О подготовке образовательных организаций к новому учебному году',
      'Утвердить план приёмки школ и детских садов к 1 сентября 2025 года.',
      'образование',
    ],
    [
      'приказ',
      '37-од',
      '05.02.2026',
      'О порядке приёма заявлений в первый класс',
      'Приём заявлений начинается 1 апреля через Госуслуги и в школах.',
      'образование',
    ],
  ],
  minfin: [
    [
      'приказ',
      '88-ф',
      '14.11.2025',
      'Об утверждении порядка составления проекта областного бюджета',
      'Порядок устанавливает сроки и формы представления материалов главными распорядителями.',
      'бюджет',
    ],
    [
      'отчёт',
      'ИБ-2025',
      '27.02.2026',
      'Отчёт об исполнении областного бюджета за 2025 год',
      'Доходы исполнены на 101,3 %, расходы — на 97,8 %.',
      'бюджет',
    ],
  ],
  kaliningrad: [
    [
      'постановление',
      '1045',
      '30.09.2025',
      'Об утверждении плана ремонта дворовых территорий на 2026 год',
      'Утвердить перечень дворов, где в 2026 году отремонтируют проезды и тротуары.',
      'благоустройство',
    ],
    [
      'решение',
      '15',
      '12.12.2025',
      'О бюджете городского округа «Город Калининград» на 2026 год',
      'Утвердить бюджет городского округа на 2026 год и плановый период.',
      'бюджет',
    ],
    // acts on open municipal government (concept VI.4): the «Открытый муниципалитет» section and monitoring
    [
      'решение',
      '48',
      '18.06.2025',
      'Об утверждении Положения об открытом муниципалитете в городском округе «Город Калининград»',
      'Положение определяет формы участия жителей в управлении городом: публичные обсуждения проектов решений, общественный совет при администрации, отчёты главы перед жителями, открытые данные и ответственных за открытость в каждом структурном подразделении.',
      'открытый муниципалитет, открытость',
    ],
    [
      'постановление',
      '612',
      '04.08.2025',
      'Об утверждении плана мероприятий по повышению открытости администрации городского округа «Город Калининград» на 2025–2026 годы',
      'План включает публикацию муниципальных наборов открытых данных, ежеквартальные встречи с жителями по районам, обсуждение проекта бюджета на портале и ежегодный отчёт об исполнении плана.',
      'открытый муниципалитет, открытость',
    ],
  ],
  zelenogradsk: [
    [
      'постановление',
      '312',
      '21.05.2025',
      'О режиме работы пляжей в курортный сезон 2025 года',
      'Пляжи работают с 1 июня по 31 августа; спасательные посты — с 9 до 20 часов.',
      'туризм',
    ],
    [
      'постановление',
      '77',
      '17.02.2026',
      'О подготовке к курортному сезону 2026 года',
      'Утвердить план благоустройства променада и пляжей к сезону 2026 года.',
      'туризм',
    ],
    [
      'постановление',
      '498',
      '10.09.2025',
      'Об утверждении Положения об открытом муниципалитете Зеленоградского муниципального округа',
      'Положение закрепляет порядок общественных обсуждений, работу общественного совета, публикацию планов и отчётов администрации на портале и назначение куратора открытости.',
      'открытый муниципалитет',
    ],
  ],
};

type News = [kind: string, title: string, body: string, topics?: string];

const NEWS: Record<string, News[]> = {
  government: [
    [
      'news',
      'Правительство утвердило план мероприятий по открытости на 2026–2027 годы',
      'План предусматривает публикацию открытых данных, публичные отчёты министров и общественные обсуждения проектов.',
      'открытость',
    ],
  ],
  minobr: [
    [
      'news',
      'В области открылись три новые школы',
      'К учебному году построены школы в Калининграде, Гурьевске и Зеленоградске на 2 600 мест.',
      'образование',
    ],
    [
      'announcement',
      'Приём заявлений в первый класс начнётся 1 апреля',
      'Заявления принимаются через Госуслуги и в школах; закреплённые территории опубликованы на сайтах школ.',
      'образование',
    ],
  ],
  minfin: [
    [
      'press_release',
      'Областной бюджет за 2025 год исполнен с профицитом',
      'Доходы превысили расходы на 2,1 млрд рублей; отчёт об исполнении опубликован в разделе документов.',
      'бюджет',
    ],
  ],
  kaliningrad: [
    [
      'news',
      'В Калининграде отремонтируют 60 дворов',
      'Перечень дворов утверждён по итогам голосования жителей; работы начнутся в мае.',
      'благоустройство',
    ],
    [
      'news',
      'Приём граждан главой города в марте',
      'Глава городского округа проводит приём по личным вопросам по предварительной записи.',
    ],
  ],
  zelenogradsk: [
    [
      'news',
      'Зеленоградск готовится к курортному сезону',
      'На променаде заменят освещение и установят новые скамейки; пляжи откроются 1 июня.',
      'туризм',
    ],
  ],
};

/** «Кравцов Андрей Викторович» → «Кравцов А.В.» (the declarations' form of a name). */
export function shortName(full: string): string {
  const [last, ...rest] = full.split(/\s+/);
  return `${last} ${rest.map((w) => `${w.charAt(0)}.`).join('')}`;
}

const declaration = (
  year: number,
  name: string,
  position: string,
  income: string,
  extra: Partial<Record<'realEstateOwned' | 'realEstateUsed' | 'vehicles', unknown[]>> = {},
) =>
  declarationInput.parse({
    year,
    declarantShortName: name,
    position,
    relation: 'DECLARANT',
    declaredIncomeRub: income,
    realEstateOwned: [],
    realEstateUsed: [],
    vehicles: [],
    largeDealSources: [],
    ...extra,
  });

/** The government's acts, other bodies' documents and news, declarations over years. Idempotent. */
export async function seedDemoRegion(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'jobs' | 'log'>,
): Promise<{ created: boolean; documents: number; news: number; declarations: number }> {
  const none = { created: false, documents: 0, news: 0, declarations: 0 };
  const gov = await findOrganizationBySlug(deps.db, DEMO_REGIONAL_LAW.org);
  if (!gov) return none;
  if ((await repo.findDocumentByNumber(deps.db, gov.id, DEMO_REGIONAL_LAW.number)).length > 0) return none;
  let documents = 0;
  let news = 0;
  let declarations = 0;
  for (const [slug, docs] of Object.entries(DOCUMENTS)) {
    if (!(await findOrganizationBySlug(deps.db, slug))) continue;
    for (const [docType, docNumber, docDate, title, body, topics] of docs) {
      await publishDocument(deps, SYSTEM, {
        slug,
        doc: documentInput.parse({
          docType,
          docNumber,
          docDate,
          docStatus: 'действует',
          title,
          body,
          topics,
        }),
      });
      documents++;
    }
  }
  for (const [slug, items] of Object.entries(NEWS)) {
    if (!(await findOrganizationBySlug(deps.db, slug))) continue;
    for (const [kind, title, body, topics] of items) {
      await publishMediaItem(deps, SYSTEM, {
        slug,
        item: mediaItemInput.parse({ kind, title, body, topics }),
      });
      news++;
    }
  }

  // Declarations over several years; each minister under the name the body's page gives.
  const flat = {
    type: 'квартира',
    ownership: 'индивидуальная',
    share: '',
    areaSqm: '68.2',
    country: 'Россия',
  };
  const car = { type: 'автомобиль легковой', make: 'Škoda Octavia' };
  for (const slug of ['minzdrav', 'minobr', 'minfin', 'kaliningrad'] as const) {
    const org = await findOrganizationBySlug(deps.db, slug);
    if (!org?.headName || !org.headPosition) continue;
    const head = shortName(org.headName);
    // Минздрав's 2025 is in the first demo (seed-publications.ts); the years before it here.
    const years =
      slug === 'minzdrav' ? [2023, 2024] : slug === 'kaliningrad' ? [2024, 2025] : [2023, 2024, 2025];
    for (const [k, year] of years.entries()) {
      const income = `${2_800_000 + k * 190_000 + slug.length * 10_000}`;
      await addDeclaration(deps, SYSTEM, {
        slug,
        row: declaration(year, head, org.headPosition, income, { realEstateOwned: [flat], vehicles: [car] }),
      });
      await addDeclaration(deps, SYSTEM, {
        slug,
        row: declaration(
          year,
          slug === 'kaliningrad' ? 'Лаврова О.А.' : 'Фомин С.Н.',
          'Заместитель руководителя',
          `${1_900_000 + k * 120_000}`,
        ),
      });
      declarations += 2;
      await setDeclarationsPublished(deps, SYSTEM, {
        slug,
        year,
        decision: { published: true, legalBasis: DEMO_PUBLICATION_BASIS },
      });
    }
  }
  return { created: true, documents, news, declarations };
}
