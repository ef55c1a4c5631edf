import type { Deps } from '../../platform/deps.ts';
import { regionData, sectionsForLevel, sourceNoteOf } from './data/index.ts';
import type { Duty } from './orgs.input.ts';
import { orgsRepository as repo } from './orgs.repository.ts';
import type { orgSections } from './orgs.tables.ts';

/** What each duty's demo official is called and does (the texts of task 3.2 and 4.1). */
const DEMO_DUTIES: { duty: Duty; position: string; dutiesRu: string }[] = [
  {
    duty: 'appeals',
    position: 'Консультант по работе с обращениями граждан',
    dutiesRu:
      'Принимает и регистрирует обращения граждан и организаций, следит за сроками рассмотрения, готовит обзоры обращений; рассматривает досудебные жалобы.',
  },
  {
    duty: 'media',
    position: 'Пресс-секретарь',
    dutiesRu:
      'Готовит ответы на запросы редакций, комментарии и интервью руководства; ведёт новости и официальные страницы в социальных сетях.',
  },
  {
    duty: 'anti_corruption',
    position: 'Ответственный за профилактику коррупционных правонарушений',
    dutiesRu:
      'Ведёт план противодействия коррупции, принимает сообщения о фактах коррупции, организует работу комиссии по урегулированию конфликта интересов.',
  },
  {
    duty: 'open_data',
    position: 'Ответственный за открытые данные',
    dutiesRu:
      'Публикует и обновляет наборы открытых данных и справочники органа, отвечает на вопросы о данных.',
  },
  {
    duty: 'information_access',
    position: 'Ответственный за доступ к информации',
    dutiesRu:
      'Рассматривает запросы информации о деятельности органа и следит за полнотой официального сайта.',
  },
  {
    duty: 'openness',
    position: 'Координатор по открытости',
    dutiesRu:
      'Координирует ведомственный план открытости, работу с общественным советом и референтными группами, самообследование открытости.',
  },
];

const DEMO_NAMES = [
  'Иванова А. А.',
  'Петров С. В.',
  'Смирнова Е. Н.',
  'Кузнецов Д. И.',
  'Соколова О. П.',
  'Попов М. Ю.',
  'Лебедева Т. Г.',
  'Новиков А. Р.',
];

/*
 * Demo heads of bodies and contacts (SEED=demo): invented people, so that no
 * demo page shows an unnamed minister or «не указано»; built from these lists
 * by the body's place in the data, so every start gives the same names.
 */
const HEAD_MEN = [
  'Андрей Викторович',
  'Сергей Николаевич',
  'Дмитрий Олегович',
  'Алексей Петрович',
  'Игорь Владимирович',
  'Павел Андреевич',
  'Михаил Юрьевич',
];
const HEAD_WOMEN = [
  'Елена Сергеевна',
  'Наталья Викторовна',
  'Ольга Александровна',
  'Марина Игоревна',
  'Татьяна Павловна',
];
const SURNAMES: [string, string][] = [
  ['Кравцов', 'Кравцова'],
  ['Белоусов', 'Белоусова'],
  ['Гончаров', 'Гончарова'],
  ['Рябинин', 'Рябинина'],
  ['Завьялов', 'Завьялова'],
  ['Тихомиров', 'Тихомирова'],
  ['Ершов', 'Ершова'],
  ['Соловьёв', 'Соловьёва'],
  ['Мельников', 'Мельникова'],
  ['Фомин', 'Фомина'],
  ['Лавров', 'Лаврова'],
];
/** The okrugs' administrative centres (city okrugs are named after theirs). */
const CENTRES: Record<string, string> = {
  bagrationovsk: 'г. Багратионовск',
  gvardeysk: 'г. Гвардейск',
  guryevsk: 'г. Гурьевск',
  gusev: 'г. Гусев',
  zelenogradsk: 'г. Зеленоградск',
  krasnoznamensk: 'г. Краснознаменск',
  neman: 'г. Неман',
  nesterov: 'г. Нестеров',
  ozyorsk: 'г. Озёрск',
  polessk: 'г. Полесск',
  pravdinsk: 'г. Правдинск',
  svetlogorsk: 'г. Светлогорск',
  slavsk: 'г. Славск',
  chernyakhovsk: 'г. Черняховск',
  yantarny: 'пгт Янтарный',
};

/** Heads the other demo content already names (the health minister declares as «Петров А.С.»). */
const DEMO_HEAD_NAMED: Record<string, string> = { minzdrav: 'Петров Андрей Сергеевич' };

/** The demo head and contacts of the i-th body of the data. */
export function demoDetailsOf(i: number, r: { slug: string; level: string; shortNameRu?: string | null }) {
  const woman = i % 3 === 1;
  const [man, wom] = SURNAMES[i % SURNAMES.length] as [string, string];
  const given = woman ? HEAD_WOMEN[i % HEAD_WOMEN.length] : HEAD_MEN[i % HEAD_MEN.length];
  const two = (n: number) => String(n % 100).padStart(2, '0');
  const place = CENTRES[r.slug] ?? `г. ${r.shortNameRu ?? 'Калининград'}`;
  return {
    headName: DEMO_HEAD_NAMED[r.slug] ?? `${woman ? wom : man} ${given}`,
    phone: `+7 (4012) ${50 + (i % 40)}-${two(i * 37 + 11)}-${two(i * 53 + 7)}`,
    email: `priem@${r.slug}.gov39.example`,
    address:
      r.level === 'municipal'
        ? `${place}, ул. Ленина, д. ${1 + (i % 20)}`
        : `236007, г. Калининград, ул. Дмитрия Донского, д. ${1 + (i % 20)}`,
  };
}

export type SeedOrganizationsResult = {
  organizations: number;
  inserted: number;
  sectionsAdded: number;
  demoOfficialsAdded: number;
};

/**
 * Put the region's organisations and their home sections into the database,
 * from the versioned data files. Idempotent: upsert by slug, sections added by
 * key when missing, demo officials only for duties nobody holds yet.
 */
export async function seedOrganizations(
  deps: Pick<Deps, 'db'>,
  opts: { demoOfficials?: boolean } = {},
): Promise<SeedOrganizationsResult> {
  const result: SeedOrganizationsResult = {
    organizations: 0,
    inserted: 0,
    sectionsAdded: 0,
    demoOfficialsAdded: 0,
  };
  await deps.db.transaction(async (tx) => {
    const ids = new Map<string, string>();
    let sort = 0;
    for (const r of regionData.organizations) {
      sort += 10;
      const { id, inserted } = await repo.upsertFromData(tx, {
        slug: r.slug,
        code: r.code,
        kind: r.kind,
        level: r.level,
        nameRu: r.nameRu,
        nameEn: r.nameEn,
        shortNameRu: r.shortNameRu,
        descriptionRu: r.descriptionRu,
        descriptionEn: r.descriptionEn,
        headPosition: r.headPosition,
        headName: r.headName,
        inn: r.inn,
        innIsDemo: r.innIsDemo,
        address: r.address,
        phone: r.phone,
        email: r.email,
        website: r.website,
        sourceNote: sourceNoteOf(r),
        sortOrder: sort,
      });
      ids.set(r.slug, id);
      result.organizations++;
      if (inserted) result.inserted++;
    }
    const sections: (typeof orgSections.$inferInsert)[] = [];
    for (const r of regionData.organizations) {
      const id = ids.get(r.slug) as string;
      const parentId = r.parent ? ids.get(r.parent) : null;
      if (parentId === undefined) throw new Error(`organisation ${r.slug}: unknown parent ${r.parent}`);
      await repo.setParent(tx, id, parentId);
      let position = 0;
      for (const s of sectionsForLevel(r.level)) {
        position += 10;
        sections.push({
          orgId: id,
          key: s.key,
          path: s.path,
          concept: s.concept,
          responsibleDuty: s.responsibleDuty,
          titleRu: s.titleRu,
          titleEn: s.titleEn,
          summaryRu: s.summaryRu,
          summaryEn: s.summaryEn,
          position,
        });
      }
    }
    // one statement for every organisation's default sections (a round trip each was seconds at every start)
    result.sectionsAdded = await repo.insertSectionsIfMissing(tx, sections);
    if (opts.demoOfficials) {
      for (const [i, r] of regionData.organizations.entries())
        await repo.fillEmptyDetails(tx, ids.get(r.slug) as string, demoDetailsOf(i, r));
      let n = 0;
      for (const [i, r] of regionData.organizations.entries()) {
        const orgId = ids.get(r.slug) as string;
        const held = await repo.dutiesWithOfficials(tx, orgId);
        let sortOrder = await repo.maxOfficialSort(tx, orgId);
        for (const d of DEMO_DUTIES) {
          n++;
          if (held.has(d.duty)) continue;
          sortOrder += 10;
          await repo.insertOfficial(tx, {
            orgId,
            duty: d.duty,
            fullName: `Демо: ${DEMO_NAMES[n % DEMO_NAMES.length]}`,
            position: d.position,
            dutiesRu: d.dutiesRu,
            // contacts of the body's demo reception, so the demo never shows «не указаны»
            receptionHours: 'пн–чт 9:00–18:00, пт 9:00–16:45',
            phone: demoDetailsOf(i, r).phone,
            email: `${d.duty.replace(/_/g, '-')}@${r.slug}.gov39.example`,
            isDemo: true,
            sortOrder,
          });
          result.demoOfficialsAdded++;
        }
      }
    }
  });
  return result;
}
