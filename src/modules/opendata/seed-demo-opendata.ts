import type { Origin } from '../../platform/audit/index.ts';
import { userActor } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { demoAccounts, findUserIdByEmail } from '../accounts/index.ts';
import { findOrganizationBySlug } from '../orgs/index.ts';
import type { Frequency, Topic } from './opendata.input.ts';
import { parseStructure } from './opendata.input.ts';
import { opendataRepository as repo } from './opendata.repository.ts';
import { writeVersion } from './publish-data.ts';
import { registerDataset } from './register-dataset.ts';

const SYSTEM: Origin = {
  actor: userActor('00000000-0000-0000-0000-000000000000', [{ role: 'admin', orgId: null }], {
    displayName: 'Демо-наполнение',
  }),
  ip: null,
};

type DemoSet = {
  org: string;
  code: string;
  title: string;
  description: string;
  keywords: string;
  topic: Topic;
  frequency: Frequency;
  structure: string;
  /** a reference book the body keeps (10.2) */
  referenceBook?: boolean;
  /** versions, oldest first: what changed and the rows */
  versions: { provenance: string; rows: string[][] }[];
};

/** Invented but realistic datasets of three ministries and two municipalities (SEED=demo). */
const DEMO: DemoSet[] = [
  {
    org: 'minzdrav',
    code: 'medorgs',
    title: 'Перечень медицинских организаций, участвующих в программе госгарантий',
    description:
      'Государственные медицинские организации области, оказывающие помощь по программе государственных гарантий бесплатного оказания медицинской помощи: адрес, профиль, телефон регистратуры.',
    keywords: 'здравоохранение, больницы, поликлиники, ОМС',
    topic: 'health',
    frequency: 'quarterly',
    structure: [
      'name,Name,Наименование организации,string,required',
      'address,Address,Адрес,string,required',
      'profile,Profile,Профиль,string,required',
      'phone,Registry phone,Телефон регистратуры,string',
      'beds,Beds,Число коек,integer',
    ].join('\n'),
    versions: [
      {
        provenance: 'Первая публикация',
        rows: [
          [
            'ГБУЗ «Областная клиническая больница Калининградской области»',
            'г. Калининград, ул. Клиническая, 74',
            'многопрофильная',
            '+7 4012 000-101',
            '1050',
          ],
          [
            'ГБУЗ «Городская поликлиника № 1»',
            'г. Калининград, ул. Примерная, 1',
            'амбулаторная',
            '+7 4012 000-102',
            '',
          ],
          [
            'ГБУЗ «Детская областная больница»',
            'г. Калининград, ул. Дмитрия Донского, 23',
            'педиатрия',
            '+7 4012 000-103',
            '420',
          ],
        ],
      },
      {
        provenance: 'Добавлена Черняховская ЦРБ',
        rows: [
          [
            'ГБУЗ «Областная клиническая больница Калининградской области»',
            'г. Калининград, ул. Клиническая, 74',
            'многопрофильная',
            '+7 4012 000-101',
            '1050',
          ],
          [
            'ГБУЗ «Городская поликлиника № 1»',
            'г. Калининград, ул. Примерная, 1',
            'амбулаторная',
            '+7 4012 000-102',
            '',
          ],
          [
            'ГБУЗ «Детская областная больница»',
            'г. Калининград, ул. Дмитрия Донского, 23',
            'педиатрия',
            '+7 4012 000-103',
            '420',
          ],
          [
            'ГБУЗ «Черняховская центральная районная больница»',
            'г. Черняховск, ул. Примерная, 5',
            'многопрофильная',
            '+7 40141 0-00-04',
            '310',
          ],
        ],
      },
    ],
  },
  {
    org: 'minobr',
    code: 'schools',
    title: 'Общеобразовательные организации области',
    description:
      'Школы, гимназии и лицеи области: наименование, муниципальное образование, число обучающихся и мест на начало учебного года.',
    keywords: 'образование, школы, гимназии, лицеи',
    topic: 'education',
    frequency: 'yearly',
    structure: [
      'name,Name,Наименование,string,required',
      'municipality,Municipality,Муниципальное образование,string,required',
      'pupils,Pupils,Число обучающихся,integer,required',
      'capacity,Capacity,Проектная мощность (мест),integer',
    ].join('\n'),
    versions: [
      {
        provenance: 'Данные на 1 сентября',
        rows: [
          ['МАОУ гимназия № 1', 'городской округ «Город Калининград»', '1180', '1100'],
          ['МАОУ СОШ № 7', 'городской округ «Город Калининград»', '960', '1000'],
          ['МАОУ СОШ № 1 г. Светлого', 'Светловский городской округ', '710', '800'],
          ['МБОУ лицей № 7 г. Черняховска', 'Черняховский муниципальный округ', '820', '850'],
        ],
      },
    ],
  },
  {
    org: 'mineconomy',
    code: 'investsites',
    title: 'Инвестиционные площадки',
    description:
      'Свободные земельные участки и производственные площадки, предлагаемые инвесторам: площадь, категория земель, наличие инженерных сетей.',
    keywords: 'инвестиции, земельные участки, промышленность',
    topic: 'economy',
    frequency: 'monthly',
    structure: [
      'site,Site,Наименование площадки,string,required',
      'municipality,Municipality,Муниципальное образование,string,required',
      'area_ha,Area (ha),Площадь (га),float,required',
      'power,Power supply,Электроснабжение,boolean',
    ].join('\n'),
    versions: [
      {
        provenance: 'Ежемесячное обновление',
        rows: [
          ['Промышленный парк «Черняховск»', 'Черняховский муниципальный округ', '183.5', 'true'],
          ['Площадка «Храброво»', 'Гурьевский муниципальный округ', '42.0', 'true'],
          ['Участок у порта Светлый', 'Светловский городской округ', '12.7', 'false'],
        ],
      },
    ],
  },
  {
    org: 'kaliningrad',
    code: 'stops',
    referenceBook: true,
    title: 'Остановочные пункты городского общественного транспорта',
    description:
      'Остановки автобусов и трамваев города Калининграда с координатами и маршрутами, проходящими через них.',
    keywords: 'транспорт, остановки, автобусы, трамваи',
    topic: 'transport',
    frequency: 'on_change',
    structure: [
      'stop,Stop,Название остановки,string,required',
      'lat,Latitude,Широта,float,required',
      'lon,Longitude,Долгота,float,required',
      'routes,Routes,Маршруты,string',
    ].join('\n'),
    versions: [
      {
        provenance: 'Первая публикация',
        rows: [
          ['Площадь Победы', '54.7194', '20.4970', '1, 5, 7, 29'],
          ['Южный вокзал', '54.6927', '20.5000', '3, 5, 37'],
          ['Зоопарк', '54.7208', '20.4820', '1, 29, 30'],
        ],
      },
    ],
  },
  {
    org: 'svetly',
    code: 'sportgrounds',
    title: 'Спортивные площадки Светловского городского округа',
    description: 'Открытые спортивные площадки округа: адрес, виды спорта, освещение в вечернее время.',
    keywords: 'спорт, площадки, досуг',
    topic: 'social',
    frequency: 'yearly',
    structure: [
      'address,Address,Адрес,string,required',
      'sports,Sports,Виды спорта,string,required',
      'lit,Lit at night,Освещение,boolean',
    ].join('\n'),
    versions: [
      {
        provenance: 'Первая публикация',
        rows: [
          ['г. Светлый, ул. Калининградская, 8', 'футбол, баскетбол', 'true'],
          ['г. Светлый, ул. Мичурина, 3', 'воркаут', 'false'],
        ],
      },
    ],
  },
];

type DemoProposal = {
  org: string;
  title: string;
  description: string;
  reason: string;
  daysAgo: number;
  /** how many of the demo citizens support it */
  supports: number;
  answer?: { status: 'accepted' | 'declined' | 'published'; text: string; dataset?: string; daysAgo: number };
};

/** Citizens' proposals in each state (10.3): new, accepted into the plan, declined with the reason, published. */
const DEMO_PROPOSALS: DemoProposal[] = [
  {
    org: 'minzdrav',
    title: 'Расписание приёма врачей в поликлиниках',
    description:
      'Часы приёма врачей каждой государственной поликлиники области по специальностям, с кабинетами; обновлять еженедельно.',
    reason:
      'Чтобы жители районов могли спланировать поездку к врачу, а разработчики — сделать удобную запись.',
    daysAgo: 3,
    supports: 2,
  },
  {
    org: 'minzdrav',
    title: 'Сроки ожидания плановой госпитализации',
    description:
      'Средний срок ожидания плановой госпитализации по профилям помощи в каждой больнице, по месяцам.',
    reason: 'Пациенты выбирают больницу, зная, где очередь короче.',
    daysAgo: 40,
    supports: 1,
    answer: {
      status: 'accepted',
      text: 'Включили набор в план публикации на III квартал 2026 года: сведения собираются от больниц ежемесячно.',
      daysAgo: 30,
    },
  },
  {
    org: 'minzdrav',
    title: 'Медицинские организации, работающие по ОМС',
    description:
      'Адреса, профили и телефоны регистратур больниц и поликлиник, участвующих в программе госгарантий.',
    reason: 'Нужен актуальный перечень для справочной службы общественной организации пациентов.',
    daysAgo: 120,
    supports: 2,
    answer: {
      status: 'published',
      text: 'Набор опубликован и обновляется ежеквартально.',
      dataset: 'medorgs',
      daysAgo: 100,
    },
  },
  {
    org: 'minobr',
    title: 'Списки учеников школ по классам',
    description: 'Фамилии учеников каждой школы по классам.',
    reason: 'Чтобы родители знали, кто учится с их детьми.',
    daysAgo: 60,
    supports: 0,
    answer: {
      status: 'declined',
      text: 'Опубликовать нельзя: это персональные данные детей (152-ФЗ «О персональных данных»). Число учеников по школам уже есть в наборе «Общеобразовательные организации».',
      daysAgo: 55,
    },
  },
  {
    org: 'kaliningrad',
    title: 'Графики вывоза твёрдых коммунальных отходов',
    description: 'Дни и часы вывоза отходов по каждой контейнерной площадке города.',
    reason: 'Жители не знают, когда вывозят мусор, и выносят его в неправильные дни.',
    daysAgo: 10,
    supports: 1,
  },
];

/** The demo proposals, by the demo citizens; each the first time only. */
async function seedDemoProposals(deps: Pick<Deps, 'db' | 'clock'>): Promise<number> {
  const citizens = (
    await Promise.all(
      demoAccounts.filter((a) => !('role' in a && a.role)).map((a) => findUserIdByEmail(deps.db, a.email)),
    )
  ).filter((id): id is string => id !== null);
  const [author, ...others] = citizens;
  const staff = await findUserIdByEmail(deps.db, 'admin@open-region.example');
  const now = deps.clock.now().getTime();
  const ago = (days: number) => new Date(now - days * 86_400_000);
  const existing = await repo.proposalsPage(deps.db, { limit: 1, offset: 0 });
  if (existing.total > 0) return 0;
  let n = 0;
  for (const d of DEMO_PROPOSALS) {
    const org = await findOrganizationBySlug(deps.db, d.org);
    if (!org) continue;
    await deps.db.transaction(async (tx) => {
      const p = await repo.insertProposal(tx, {
        orgId: org.id,
        userId: author ?? null,
        title: d.title,
        description: d.description,
        reason: d.reason,
        createdAt: ago(d.daysAgo),
      });
      for (const u of [...others, author].slice(0, d.supports))
        if (u && u !== author) await repo.addSupport(tx, p.id, u, ago(d.daysAgo - 1));
      if (d.answer)
        await repo.answerProposal(tx, p.id, {
          status: d.answer.status,
          answer: d.answer.text,
          datasetIdentifier: d.answer.dataset ? `${org.inn}-${d.answer.dataset}` : null,
          answeredAt: ago(d.answer.daysAgo),
          answeredBy: staff,
        });
    });
    n++;
  }
  return n;
}

/** Reference books two bodies keep outside the portal, declared in their inventories (10.2). */
async function seedDemoReferenceBooks(deps: Pick<Deps, 'db'>): Promise<void> {
  const minzdrav = await findOrganizationBySlug(deps.db, 'minzdrav');
  if (!minzdrav || (await repo.resources(deps.db, minzdrav.id)).length > 0) return;
  await repo.insertResource(deps.db, {
    orgId: minzdrav.id,
    name: 'Справочник медицинских специальностей и должностей',
    description:
      'Специальности врачей и должности среднего медицинского персонала, по которым ведётся запись на приём.',
    publishable: 'later',
    plannedFor: 'IV квартал 2026',
    referenceBook: true,
  });
  await repo.insertResource(deps.db, {
    orgId: minzdrav.id,
    name: 'Региональный сегмент регистра медицинских работников',
    description: 'Сведения о медицинских работниках государственных организаций здравоохранения.',
    publishable: 'no',
    reason: 'Содержит персональные данные (152-ФЗ)',
  });
}

/** The demo datasets (SEED=demo): several bodies, each with its passport and one or two versions. Idempotent. */
export async function seedDemoOpendata(
  deps: Pick<Deps, 'db' | 'clock'>,
): Promise<{ datasets: number; proposals: number }> {
  let n = 0;
  for (const d of DEMO) {
    const org = await findOrganizationBySlug(deps.db, d.org);
    if (!org?.inn) continue;
    const identifier = `${org.inn}-${d.code}`;
    if (await repo.byIdentifier(deps.db, identifier)) continue;
    const ds = await registerDataset(deps, SYSTEM, {
      org: org.id,
      identifier,
      title: d.title,
      description: d.description,
      keywords: d.keywords,
      topic: d.topic,
      frequency: d.frequency,
      publisherName: 'Ответственный за открытые данные',
      publisherPhone: '+7 4012 000-000',
      publisherEmail: `opendata@${d.org}.example.ru`,
      license: 'cc-by-4.0',
      structure: d.structure,
      referenceBook: d.referenceBook ?? false,
    });
    const parsed = parseStructure(d.structure);
    if ('error' in parsed) throw new Error(`demo structure of ${identifier}: ${parsed.error}`);
    for (const v of d.versions)
      await writeVersion(deps, SYSTEM, ds, {
        columns: parsed.columns,
        rows: v.rows.map((r) => r.map((c) => (c === '' ? null : c))),
        provenance: v.provenance,
      });
    n++;
  }
  await seedDemoReferenceBooks(deps);
  return { datasets: n, proposals: await seedDemoProposals(deps) };
}
