import type { Origin } from '../../platform/audit/index.ts';
import { userActor } from '../../platform/authz/index.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Deps } from '../../platform/deps.ts';
import { translator } from '../../platform/i18n/index.ts';
import { currentTotk, listPublishedFaq, publicMonthlyAppealFigures } from '../appeals/index.ts';
import { listPublicCouncilMembers } from '../councils/index.ts';
import { listAllOrganizations, listResponsibleOfficials, type OrgRow } from '../orgs/index.ts';
import { listPublicIndicatorValues, planKinds } from '../plans/index.ts';
import { docTypeLabel, docTypes, publicDocumentRegister, regionalActTypes } from '../publications/index.ts';
import { FREQUENCIES, type Frequency, TOPICS, type Topic } from './opendata.input.ts';
import { opendataRepository as repo } from './opendata.repository.ts';
import type { DatasetColumn } from './opendata.tables.ts';
import { type Cells, type RowBatches, writeVersion } from './publish-data.ts';
import { qualityOf } from './quality.ts';
import { REGENERATE_QUEUE } from './queues.ts';
import { registerDataset } from './register-dataset.ts';

/*
 * Datasets the portal builds from its own registries (task 10.4): a registered
 * query per source, run for every body and region-wide, on a schedule and
 * whenever the register itself changes (pg-boss, `opendata.regenerate`).
 * A run whose rows are unchanged writes nothing (the version digest).
 * Every source publishes public facts only: no person is named but the
 * body's responsible official as the passport's contact.
 */

const col = (
  name: string,
  titleEn: string,
  titleRu: string,
  format = 'string',
  required = true,
): DatasetColumn => ({
  name,
  titleEn,
  titleRu,
  format,
  required,
});

type Source = {
  key: string;
  /** latin code after the ИНН; region-wide gets the prefix «region» */
  code: string;
  title: (org: OrgRow | null) => string;
  description: string;
  keywords: string;
  topic: Topic;
  frequency: Frequency;
  columns: DatasetColumn[];
  /** built region-wide only (owned by the government), never per body */
  regionOnly?: boolean;
  /** a reference book or classifier (task 10.2): marked so on the passport and the register */
  referenceBook?: boolean;
  /** the rows at once (small sources), or `batches`: read a batch at a time (sources as large as the region) */
  rows?: (db: DbOrTx, org: OrgRow | null, ctx: { now: Date }) => Promise<Cells[]>;
  batches?: (db: DbOrTx, org: OrgRow | null) => AsyncIterable<Cells[]>;
};

/** The bodies a source covers: the one body, or every body for the region-wide dataset. */
const scopeOf = async (db: DbOrTx, org: OrgRow | null) => (org ? [org] : await listAllOrganizations(db));
/** A public count as a cell: hidden ones («<3», «≥3») are empty, as the passport explains. */
const countCell = (c: number | string) => (typeof c === 'number' ? String(c) : null);
const numberCell = (n: number | null) => (n === null ? null : String(n));

const tRu = translator('ru');
const tEn = translator('en');
const REFBOOK_NOTE =
  'Справочник, который ведёт портал; набор обновляется автоматически при каждом изменении справочника.';

/**
 * The reference books and classifiers the portal itself keeps (task 10.2),
 * each published region-wide by the government as a generated dataset.
 */
const REFERENCE_BOOKS: Source[] = [
  {
    key: 'refbook:totk',
    code: 'totk',
    title: () => 'Тематический классификатор обращений граждан (ТОТК)',
    description: `Типовой общероссийский тематический классификатор обращений в той редакции, по которой портал классифицирует обращения граждан: разделы, тематики, темы, вопросы и подвопросы с кодами. ${REFBOOK_NOTE}`,
    keywords: 'классификатор, ТОТК, обращения граждан, справочник',
    topic: 'government',
    frequency: 'on_change',
    regionOnly: true,
    referenceBook: true,
    columns: [
      col('code', 'Code', 'Код'),
      col('parent_code', 'Parent code', 'Код вышестоящего элемента', 'string', false),
      col(
        'level',
        'Level (1 section … 5 subquestion)',
        'Уровень (1 — раздел, 2 — тематика, 3 — тема, 4 — вопрос, 5 — подвопрос)',
        'integer',
      ),
      col('name', 'Name', 'Наименование'),
      col('edition', 'Edition', 'Редакция классификатора'),
      col('edition_date', 'Edition date', 'Дата редакции', 'date'),
    ],
    async rows(db) {
      const totk = await currentTotk(db);
      return totk.nodes.map((n) => [
        n.code,
        n.parentCode,
        String(n.level),
        n.nameRu,
        totk.version,
        totk.date,
      ]);
    },
  },
  {
    key: 'refbook:organizations',
    code: 'organizations',
    title: () => 'Реестр органов власти и органов местного самоуправления области',
    description: `Правительство области, исполнительные органы и муниципальные образования, чьи разделы есть на портале: код, вид, уровень, вышестоящий орган, ИНН и ОГРН, сайт. ${REFBOOK_NOTE}`,
    keywords: 'органы власти, муниципальные образования, реестр, справочник',
    topic: 'government',
    frequency: 'on_change',
    regionOnly: true,
    referenceBook: true,
    columns: [
      col('slug', 'Code on the portal', 'Код органа на портале'),
      col('code', 'Code in registration numbers', 'Код в регистрационных номерах'),
      col('name', 'Name', 'Наименование'),
      col('name_en', 'Name in English', 'Наименование на английском языке', 'string', false),
      col('kind', 'Kind', 'Вид органа'),
      col('level', 'Level (government, executive, municipal)', 'Уровень (government, executive, municipal)'),
      col(
        'parent',
        'Parent body (code on the portal)',
        'Вышестоящий орган (код на портале)',
        'string',
        false,
      ),
      col('inn', 'INN', 'ИНН', 'string', false),
      col(
        'inn_placeholder',
        'INN is a placeholder (true, false)',
        'ИНН условный, не настоящий (true, false)',
        'boolean',
      ),
      col('ogrn', 'OGRN', 'ОГРН', 'string', false),
      col('website', 'Website', 'Официальный сайт', 'string', false),
      col('page', 'Page on the portal (path)', 'Страница на портале (путь)'),
    ],
    async rows(db) {
      const orgs = await listAllOrganizations(db);
      const slugOf = new Map(orgs.map((o) => [o.id, o.slug]));
      return orgs.map((o) => [
        o.slug,
        o.code,
        o.nameRu,
        o.nameEn,
        tRu(`orgs.kind.${o.kind}`),
        o.level,
        o.parentId ? (slugOf.get(o.parentId) ?? null) : null,
        o.inn,
        String(o.innIsDemo),
        o.ogrn,
        o.website,
        `/orgs/${o.slug}`,
      ]);
    },
  },
  {
    key: 'refbook:doctypes',
    code: 'doctypes',
    title: () => 'Справочник видов документов',
    description: `Виды документов, которые органы публикуют на портале с реквизитами (закон, постановление, приказ…), и какие из них — акты области, которые издаёт только правительство. ${REFBOOK_NOTE}`,
    keywords: 'виды документов, нормативные акты, справочник',
    topic: 'government',
    frequency: 'on_change',
    regionOnly: true,
    referenceBook: true,
    columns: [
      col('code', 'Code', 'Код'),
      col('name', 'Name', 'Наименование'),
      col('name_en', 'Name in English', 'Наименование на английском языке'),
      col('regional_act', 'Act of the region (true, false)', 'Акт области (true, false)', 'boolean'),
    ],
    async rows() {
      return docTypes.map((d) => [
        d,
        docTypeLabel(d, 'ru'),
        docTypeLabel(d, 'en'),
        String((regionalActTypes as readonly string[]).includes(d)),
      ]);
    },
  },
  {
    key: 'refbook:plankinds',
    code: 'plankinds',
    title: () => 'Справочник видов планов',
    description: `Виды планов, которые органы ведут на портале: публичный план деятельности, планы по открытости, комплексный план, план противодействия коррупции. ${REFBOOK_NOTE}`,
    keywords: 'планы, виды планов, справочник',
    topic: 'government',
    frequency: 'on_change',
    regionOnly: true,
    referenceBook: true,
    columns: [
      col('code', 'Code', 'Код'),
      col('name', 'Name', 'Наименование'),
      col('name_en', 'Name in English', 'Наименование на английском языке'),
    ],
    async rows() {
      return planKinds.map((k) => [k, tRu(`plans.kind.${k}`), tEn(`plans.kind.${k}`)]);
    },
  },
  {
    key: 'refbook:opendatatopics',
    code: 'opendatatopics',
    title: () => 'Справочник тематик и периодичности наборов открытых данных',
    description: `Тематики реестра открытых данных с соответствующими темами данных ЕС (DCAT-AP) и значения периодичности обновления наборов. ${REFBOOK_NOTE}`,
    keywords: 'открытые данные, тематики, периодичность, справочник',
    topic: 'government',
    frequency: 'on_change',
    regionOnly: true,
    referenceBook: true,
    columns: [
      col('kind', 'Kind (topic, frequency)', 'Вид значения (topic — тематика, frequency — периодичность)'),
      col('code', 'Code', 'Код'),
      col('name', 'Name', 'Наименование'),
      col('name_en', 'Name in English', 'Наименование на английском языке'),
      col('eu_code', 'EU vocabulary code', 'Код в словаре ЕС (data theme, frequency)'),
    ],
    async rows() {
      return [
        ...Object.entries(TOPICS).map(([k, v]) => ['topic', k, v.ru, v.en, v.eu]),
        ...Object.entries(FREQUENCIES).map(([k, v]) => ['frequency', k, v.ru, v.en, v.eu]),
      ];
    },
  },
];

export const SOURCES: Source[] = [
  ...REFERENCE_BOOKS,
  {
    key: 'generated:documents',
    code: 'documents',
    title: (org) => (org ? `Реестр документов: ${org.nameRu}` : 'Реестр документов органов власти области'),
    description:
      'Опубликованные на портале документы с реквизитами: вид, номер, дата, статус, наименование и ссылка на страницу документа. Формируется порталом автоматически.',
    keywords: 'документы, нормативные акты, реквизиты',
    topic: 'government',
    frequency: 'daily',
    columns: [
      col('doc_type', 'Document type', 'Вид документа'),
      col('number', 'Number', 'Номер'),
      col('date', 'Date', 'Дата документа', 'date', false),
      col('status', 'Status', 'Статус', 'string', false),
      col('title', 'Title', 'Наименование'),
      col('org', 'Issuer (slug)', 'Орган (код)'),
      col('url', 'Page', 'Страница документа'),
    ],
    async *batches(db, org) {
      for await (const docs of publicDocumentRegister(db, { orgId: org?.id ?? null }))
        yield docs.map((d) => [d.docType, d.docNumber, d.docDate, d.docStatus, d.title, d.orgSlug, d.url]);
    },
  },
  {
    key: 'generated:inventory',
    code: 'inventory',
    title: (org) =>
      org
        ? `Опись информационных ресурсов: ${org.nameRu}`
        : 'Опись информационных ресурсов органов власти области',
    description:
      'Информационные системы и реестры органа: можно ли их опубликовать как открытые данные, а если нет — почему, и когда это будет сделано. Формируется порталом автоматически.',
    keywords: 'информационные ресурсы, инвентаризация, открытые данные',
    topic: 'government',
    frequency: 'on_change',
    columns: [
      col('name', 'Resource', 'Информационный ресурс'),
      col('description', 'Description', 'Описание'),
      col('publishable', 'Publishable (yes, no, later)', 'Можно опубликовать (yes, no, later)'),
      col('reason', 'Why not', 'Почему нельзя', 'string', false),
      col('planned_for', 'When', 'Когда будет опубликован', 'string', false),
      col('org', 'Body (slug)', 'Орган (код)'),
      col(
        'reference_book',
        'A reference book or classifier (true, false)',
        'Справочник или классификатор (true, false)',
        'boolean',
      ),
      col('dataset', 'Dataset that publishes it', 'Набор данных, в котором опубликован', 'string', false),
    ],
    async rows(db, org) {
      const orgs = org ? [org] : await listAllOrganizations(db);
      const out: (string | null)[][] = [];
      for (const o of orgs)
        for (const r of await repo.resources(db, o.id))
          out.push([
            r.name,
            r.description,
            r.publishable,
            r.reason,
            r.plannedFor,
            o.slug,
            String(r.referenceBook),
            r.datasetIdentifier,
          ]);
      return out;
    },
  },
  {
    key: 'generated:appeals',
    code: 'appeals',
    title: (org) =>
      org
        ? `Статистика обращений граждан по месяцам: ${org.nameRu}`
        : 'Статистика обращений граждан по месяцам: органы власти области',
    description:
      'Число обращений граждан (59-ФЗ), поступивших в орган за месяц, и число данных на них ответов — те же цифры, что на странице «Обращения» органа. Пустое значение означает, что число скрыто: меньше трёх или скрыто, чтобы по сумме нельзя было вычислить соседнее. Сведений об авторах обращений нет. Формируется порталом автоматически.',
    keywords: 'обращения граждан, статистика, 59-ФЗ',
    topic: 'government',
    frequency: 'monthly',
    columns: [
      col('org', 'Body (slug)', 'Орган (код)'),
      col('month', 'Month (YYYY-MM)', 'Месяц (ГГГГ-ММ)'),
      col(
        'received',
        'Appeals received (empty: hidden)',
        'Поступило обращений (пусто — скрыто)',
        'integer',
        false,
      ),
      col(
        'answered',
        'Of them answered (empty: hidden)',
        'Из них дан ответ (пусто — скрыто)',
        'integer',
        false,
      ),
    ],
    async rows(db, org, { now }) {
      const until = toLocalDate(now).slice(0, 7);
      const out: (string | null)[][] = [];
      for (const o of await scopeOf(db, org))
        for (const m of await publicMonthlyAppealFigures(db, o.id, until))
          out.push([o.slug, m.month, countCell(m.received), countCell(m.answered)]);
      return out;
    },
  },
  {
    key: 'generated:faq',
    code: 'faq',
    title: (org) =>
      org
        ? `Ответы на часто задаваемые вопросы: ${org.nameRu}`
        : 'Ответы на часто задаваемые вопросы органов власти области',
    description:
      'Вопросы и ответы, опубликованные органом в разделе «Обращения» (ответы на обращения публикуются обезличенными). Формируется порталом автоматически.',
    keywords: 'частые вопросы, обращения граждан, разъяснения',
    topic: 'government',
    frequency: 'on_change',
    columns: [
      col('org', 'Body (slug)', 'Орган (код)'),
      col('question', 'Question', 'Вопрос'),
      col('answer', 'Answer', 'Ответ'),
      col(
        'topic_code',
        'Topic code (classifier of appeals)',
        'Код тематики (классификатор обращений)',
        'string',
        false,
      ),
      col('published', 'Published', 'Дата публикации', 'date'),
    ],
    async rows(db, org) {
      const out: (string | null)[][] = [];
      for (const o of await scopeOf(db, org))
        for (const f of await listPublishedFaq(db, o.id))
          out.push([
            o.slug,
            f.question,
            f.answer,
            f.topicCode,
            f.publishedAt ? toLocalDate(f.publishedAt) : null,
          ]);
      return out;
    },
  },
  {
    key: 'generated:indicators',
    code: 'indicators',
    title: (org) =>
      org
        ? `Показатели планов и их значения: ${org.nameRu}`
        : 'Показатели планов органов власти области и их значения',
    description:
      'Показатели действующих планов органа (план деятельности, планы открытости и другие): плановое значение на каждый период и последнее фактическое. Формируется порталом автоматически.',
    keywords: 'планы, показатели, целевые значения, отчёт',
    topic: 'government',
    frequency: 'on_change',
    columns: [
      col('org', 'Body (slug)', 'Орган (код)'),
      col('plan', 'Plan', 'План'),
      col('plan_kind', 'Kind of plan', 'Вид плана'),
      col('plan_status', 'Status of the plan', 'Статус плана'),
      col('plan_url', 'Plan page (path)', 'Страница плана (путь на портале)'),
      col('code', 'Number in the plan', 'Номер в плане', 'string', false),
      col('indicator', 'Indicator', 'Показатель'),
      col('unit', 'Unit', 'Единица измерения', 'string', false),
      col('direction', 'Better when (up, down)', 'Лучше, когда (up — выше, down — ниже)', 'string', false),
      col('baseline', 'Baseline', 'Базовое значение', 'float', false),
      col('period', 'Period (year or YYYY-Qn)', 'Период (год или ГГГГ-Qn)'),
      col('target', 'Target', 'Плановое значение', 'float', false),
      col('actual', 'Actual (latest reported)', 'Фактическое значение (последнее)', 'float', false),
    ],
    async rows(db, org) {
      const orgs = new Map((await scopeOf(db, org)).map((o) => [o.id, o]));
      const out: (string | null)[][] = [];
      for (const v of await listPublicIndicatorValues(db, org?.id)) {
        const o = orgs.get(v.orgId);
        if (!o) continue;
        out.push([
          o.slug,
          v.planTitle,
          v.planKind,
          v.planStatus,
          `/orgs/${o.slug}/plans/${v.planId}`,
          v.code,
          v.indicator,
          v.unit,
          v.direction,
          numberCell(v.baseline),
          v.period,
          numberCell(v.target),
          numberCell(v.actual),
        ]);
      }
      return out;
    },
  },
  {
    key: 'generated:councilmembers',
    code: 'councilmembers',
    title: (org) =>
      org
        ? `Составы общественных и экспертных советов: ${org.nameRu}`
        : 'Составы общественных и экспертных советов области',
    description:
      'Действующие члены советов при органе: фамилия, имя, отчество, должность в совете, кого представляет, срок полномочий — как на странице совета. Контактов и учётных записей нет. Формируется порталом автоматически.',
    keywords: 'общественный совет, экспертный совет, состав',
    topic: 'government',
    frequency: 'on_change',
    columns: [
      col('org', 'Body (slug)', 'Орган (код)'),
      col('council', 'Council', 'Совет'),
      col('council_kind', 'Kind of council', 'Вид совета'),
      col('council_url', 'Council page (path)', 'Страница совета (путь на портале)'),
      col('full_name', 'Member', 'Член совета'),
      col(
        'position',
        'Position (chair, deputy, secretary, member)',
        'Должность в совете (chair — председатель, deputy — заместитель, secretary — секретарь, member — член)',
      ),
      col('affiliation', 'Represents', 'Кого представляет', 'string', false),
      col('term_start', 'Term from', 'Полномочия с', 'date'),
      col('term_end', 'Term until', 'Полномочия до', 'date', false),
    ],
    async rows(db, org, { now }) {
      const orgs = new Map((await scopeOf(db, org)).map((o) => [o.id, o]));
      const out: (string | null)[][] = [];
      for (const m of await listPublicCouncilMembers(db, toLocalDate(now))) {
        const o = orgs.get(m.orgId);
        if (!o) continue;
        out.push([
          o.slug,
          m.councilName,
          m.councilKind,
          `/councils/${m.councilId}`,
          m.fullName,
          m.position,
          m.affiliation,
          m.termStart,
          m.termEnd,
        ]);
      }
      return out;
    },
  },
  // last, so that it lists the datasets the sources above registered in the same run
  {
    key: 'generated:datasets',
    code: 'datasets',
    title: (org) =>
      org ? `Перечень наборов открытых данных: ${org.nameRu}` : 'Перечень наборов открытых данных области',
    description:
      'Реестр наборов открытых данных органа: идентификатор, наименование, тематика, периодичность, дата последнего изменения, число версий и оценка качества. Формируется порталом автоматически.',
    keywords: 'открытые данные, реестр наборов',
    topic: 'government',
    frequency: 'on_change',
    columns: [
      col('identifier', 'Identifier', 'Идентификатор'),
      col('title', 'Title', 'Наименование'),
      col('topic', 'Topic', 'Тематика'),
      col('frequency', 'Update frequency', 'Периодичность обновления'),
      col('modified', 'Last change', 'Дата последнего изменения', 'date'),
      col('quality', 'Quality score (0-100)', 'Оценка качества (0–100)', 'integer'),
    ],
    async rows(db, org, { now }) {
      const list = await repo.summaries(db, org ? [org.id] : undefined);
      return list
        .filter((d) => d.source !== 'generated:datasets')
        .map((d) => [
          d.identifier,
          d.title,
          d.topic,
          d.frequency,
          d.modifiedAt.toISOString().slice(0, 10),
          String(qualityOf(d, now).score),
        ]);
    },
  },
];

const SYSTEM: Origin = {
  actor: userActor('00000000-0000-0000-0000-000000000000', [{ role: 'admin', orgId: null }], {
    displayName: 'Портал (автоматически)',
  }),
  ip: null,
};

/** The passport's contact: the body's official responsible for open data, else the body itself. */
async function contactOf(db: DbOrTx, org: OrgRow) {
  const [official] = (await listResponsibleOfficials(db, org.id)).filter((o) => o.duty === 'open_data');
  return {
    publisherName: official?.fullName ?? org.nameRu,
    publisherPhone: official?.phone ?? org.phone ?? '',
    publisherEmail: official?.email ?? org.email ?? '',
  };
}

async function isEmpty(rows: Cells[] | RowBatches): Promise<boolean> {
  if (Array.isArray(rows)) return rows.length === 0;
  for await (const batch of rows()) if (batch.length > 0) return false;
  return true;
}

/**
 * Build every generated source for every body that has an ИНН, and region-wide
 * (owned by the government); register a dataset the first time. Returns how
 * many datasets got a new version.
 */
export async function regenerateSources(deps: Pick<Deps, 'db' | 'clock'>): Promise<{ written: number }> {
  const orgs = (await listAllOrganizations(deps.db)).filter((o) => o.inn);
  const government = orgs.find((o) => o.kind === 'government');
  const now = deps.clock.now();
  let written = 0;
  for (const source of SOURCES) {
    const targets: [OrgRow, OrgRow | null][] = [
      ...(source.regionOnly ? [] : orgs.map((o): [OrgRow, OrgRow | null] => [o, o])),
      ...(government ? [[government, null] as [OrgRow, OrgRow | null]] : []),
    ];
    for (const [owner, scope] of targets) {
      const { batches: read } = source;
      const rows: Cells[] | RowBatches = read
        ? () => read(deps.db, scope)
        : ((await source.rows?.(deps.db, scope, { now })) ?? []);
      let ds = await repo.bySource(deps.db, source.key, scope?.id ?? null);
      if (!ds && (await isEmpty(rows))) continue;
      if (!ds) {
        const contact = await contactOf(deps.db, owner);
        ds = await registerDataset(deps, SYSTEM, {
          org: owner.id,
          identifier: `${owner.inn}-${scope ? '' : 'region'}${source.code}`,
          title: source.title(scope),
          description: source.description,
          keywords: source.keywords,
          topic: source.topic,
          frequency: source.frequency,
          ...contact,
          license: 'cc-by-4.0',
          structure: source.columns
            .map((c) =>
              [c.name, c.titleEn, c.titleRu, c.format, c.required ? 'required' : '']
                .map((x) => `"${x}"`)
                .join(','),
            )
            .join('\n'),
          source: source.key,
          sourceOrgId: scope?.id ?? null,
          referenceBook: source.referenceBook ?? false,
        });
      }
      const r = await writeVersion(deps, SYSTEM, ds, {
        columns: source.columns,
        rows,
        provenance: 'Сформировано порталом автоматически',
      });
      if (r === 'written') written++;
    }
  }
  return { written };
}

/** The schedule (every hour) and the worker; a change of the register enqueues a run too. */
export async function startRegeneration(deps: Deps): Promise<void> {
  await deps.jobs.work(REGENERATE_QUEUE, async () => {
    deps.log.info(await regenerateSources(deps), 'open-data sources regenerated');
  });
  await deps.jobs.boss.schedule(REGENERATE_QUEUE, '17 * * * *', {});
}
