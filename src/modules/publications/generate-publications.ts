import { sql } from 'drizzle-orm';
import { toLocalDate } from '../../platform/calendar/index.ts';
import { withIndexesDropped } from '../../platform/db/bulk.ts';
import { type CopyValue, copyRows } from '../../platform/db/copy.ts';
import { storeUploads } from '../../platform/files/index.ts';
import { type GenerateContext, type GenerateReport, scaled } from '../../platform/generate/index.ts';
import { searchIndex } from '../../platform/search/index.ts';
import { listAllOrganizations, markOrgSectionFilled } from '../orgs/index.ts';
import { entryHash, GENESIS_HASH } from './canonical.ts';
import { makeDemoPdf } from './demo-pdf.ts';
import { type PublicItem, publicationUrl } from './index-items.ts';
import { OPEN_MUNICIPALITY_TOPIC } from './open-municipality.ts';
import type { DocType } from './publications.input.ts';
import type { AttachmentRow, PublicationRow } from './publications.repository.ts';
import { searchEntryOf } from './publications.search.ts';
import { contentOf } from './versioning.ts';

/*
 * A region's publications for benchmarks: 500,000 documents with requisites
 * and 100,000 news items over five years (× scale), a fifth of the documents
 * with a PDF attachment and its text, each with its first version, its entry in
 * the hash-chained publication log (so `npm run verify-log` holds) and its
 * search entry. Everything goes in through COPY, in publication order.
 */

const DOC_TYPES: [DocType, string][] = [
  ['постановление', '-п'],
  ['распоряжение', '-р'],
  ['приказ', '-од'],
  ['закон', '-ЗКО'],
  ['положение', ''],
];
const HEADS = [
  'Об утверждении',
  'О внесении изменений в',
  'О порядке предоставления',
  'Об организации',
  'О мерах по реализации',
  'О создании',
  'О проведении',
  'Об отмене',
];
const OBJECTS = [
  'государственной программы',
  'административного регламента предоставления государственной услуги',
  'порядка предоставления субсидий',
  'плана мероприятий',
  'положения о комиссии',
  'муниципальной программы',
  'перечня объектов',
  'нормативов финансирования',
  'порядка рассмотрения обращений граждан',
  'правил землепользования и застройки',
  'схемы территориального планирования',
  'конкурса на замещение вакантной должности',
];
const DOMAINS = [
  'в сфере здравоохранения',
  'развития малого и среднего предпринимательства',
  'по благоустройству общественных территорий',
  'в области обращения с твёрдыми коммунальными отходами',
  'дорожной деятельности',
  'поддержки семей с детьми',
  'по противодействию коррупции',
  'развития общего образования',
  'сохранения объектов культурного наследия',
  'развития физической культуры и спорта',
  'развития внутреннего туризма',
  'развития сельского хозяйства и рыболовства',
  'капитального ремонта многоквартирных домов',
  'транспортного обслуживания населения',
  'социальной поддержки ветеранов',
  'охраны окружающей среды и Балтийского побережья',
];
const PLACES = [
  'Калининградской области',
  'городского округа «Город Калининград»',
  'Зеленоградского муниципального округа',
  'Светлогорского городского округа',
  'Черняховского муниципального округа',
  'Гурьевского муниципального округа',
  'Балтийского городского округа',
  'Советского городского округа',
];
const SENTENCES = [
  'Настоящий документ разработан в соответствии с Федеральным законом от 6 октября 2003 года № 131-ФЗ «Об общих принципах организации местного самоуправления в Российской Федерации».',
  'Контроль за исполнением настоящего постановления возложить на заместителя председателя Правительства Калининградской области.',
  'Финансирование мероприятий осуществляется за счёт средств областного бюджета в пределах утверждённых лимитов бюджетных обязательств.',
  'Получателями субсидии являются юридические лица и индивидуальные предприниматели, зарегистрированные на территории региона.',
  'Заявление о предоставлении услуги подаётся через многофункциональный центр или Единый портал государственных услуг.',
  'Срок рассмотрения обращения составляет тридцать дней со дня его регистрации.',
  'Опубликовать настоящее постановление на официальном сайте и в сетевом издании «Официальный интернет-портал правовой информации».',
  'Ответственным исполнителем программы определено министерство, осуществляющее функции в установленной сфере деятельности.',
  'Целевые показатели программы приведены в приложении № 1 к настоящему документу.',
  'Комиссия является постоянно действующим коллегиальным органом и осуществляет свою деятельность на общественных началах.',
  'Мониторинг реализации мероприятий проводится ежеквартально с представлением отчёта до 15 числа месяца, следующего за отчётным периодом.',
  'Признать утратившими силу ранее принятые нормативные правовые акты по данному вопросу.',
  'Настоящее постановление вступает в силу со дня его официального опубликования.',
  'Размер субсидии определяется исходя из фактически понесённых затрат, но не более предельной величины.',
  'Работы по благоустройству выполняются с учётом мнения жителей, выраженного в ходе общественных обсуждений.',
  'Порядок определяет условия отбора проектов инициативного бюджетирования и их софинансирования.',
  'Уполномоченный орган обеспечивает размещение сведений в государственной информационной системе.',
  'Особое внимание уделяется доступности объектов для маломобильных групп населения.',
  'Сведения о ходе реализации плана размещаются на официальном сайте органа в разделе «Противодействие коррупции».',
  'В рамках программы предусмотрено строительство и реконструкция автомобильных дорог регионального значения.',
];
const NEWS_HEADS = [
  'Губернатор провёл совещание',
  'Министр встретился с жителями',
  'Прошёл приём граждан',
  'Состоялось заседание общественного совета',
  'Подведены итоги конкурса',
  'Открыт приём заявок',
  'Завершён капитальный ремонт',
  'Стартовал региональный проект',
];
const TOPICS = [
  'здравоохранение',
  'предпринимательство',
  'благоустройство',
  'экология',
  'дороги',
  'семья',
  'антикоррупция',
  'образование',
  'культура',
  'спорт',
  'туризм',
  'сельское хозяйство',
  'ЖКХ',
  'транспорт',
  'соцзащита',
];
const TAGS = ['субсидии', 'программа', 'регламент', 'комиссия', 'отчётность', 'конкурс'];
const STATUSES = [
  'действует',
  'действует',
  'действует',
  'действует',
  'действует',
  'действует',
  'утратил_силу',
  'изменён',
];

const PUB_COLUMNS = [
  'id',
  'org_id',
  'kind',
  'title',
  'summary',
  'body_html',
  'doc_type',
  'doc_number',
  'doc_date',
  'doc_status',
  'topics',
  'tags',
  'version',
  'published_at',
  'created_at',
] as const;

const CHUNK = 20_000;

type Generated = {
  row: PublicationRow;
  text: string;
  attachment: { id: string; name: string; text: string } | null;
};

export async function generatePublications(ctx: GenerateContext): Promise<GenerateReport> {
  const { deps } = ctx;
  const { db } = deps;
  const rnd = ctx.random('publications');
  const docs = scaled(ctx, 500_000, 100);
  const news = scaled(ctx, 100_000, 20);
  const orgs = await listAllOrganizations(db);
  const slugOf = new Map(orgs.map((o) => [o.id, o.slug]));
  const nameOf = new Map(orgs.map((o) => [o.id, o.nameRu]));
  // One real PDF, stored once (content-addressed); every generated attachment points at it and carries its own text.
  const pdf = await makeDemoPdf('Приложение', [
    'Приложение к документу (сгенерировано для нагрузочных испытаний).',
  ]);
  const [stored] = await storeUploads(
    deps,
    db,
    'attachments',
    [{ filename: 'prilozhenie.pdf', mimetype: 'application/pdf', data: pdf, truncated: false }],
    { kinds: ['pdf'], maxBytes: 10_000_000, maxFiles: 1 },
    null,
  );
  if (!stored) throw new Error('the sample attachment was not stored');
  const sample = stored;

  const total = docs + news;
  const end = ctx.until.getTime();
  const start = end - 5 * 365 * 86_400_000;
  const step = (end - start) / total;
  const numbers = new Map<string, number>();
  const openMunicipalityOrgs = new Set<string>();
  // documents and news interleaved in time, in publication order (so the log's order is the publication order),
  // a chunk at a time so memory stays flat
  let docsLeft = docs;
  let newsLeft = news;
  let i = 0;
  function nextChunk(size: number): Generated[] {
    const items: Generated[] = [];
    for (; i < total && items.length < size; i++) {
      const isDoc = rnd.next() * (docsLeft + newsLeft) < docsLeft;
      if (isDoc) docsLeft--;
      else newsLeft--;
      const at = new Date(Math.floor(start + i * step + rnd.next() * step * 0.5));
      const org = rnd.next() < 0.2 ? (orgs[0] as (typeof orgs)[number]) : rnd.pick(orgs);
      const paragraphs = Array.from({ length: rnd.between(3, 6) }, () => rnd.sentences(SENTENCES, 2));
      const topic = rnd.pick(TOPICS);
      if (isDoc) {
        const [docType, suffix] = rnd.pick(DOC_TYPES);
        const day = toLocalDate(at);
        const key = `${org.id}:${docType}:${day.slice(0, 4)}`;
        const seq = (numbers.get(key) ?? 0) + 1;
        numbers.set(key, seq);
        const title = `${docType.charAt(0).toUpperCase()}${docType.slice(1)} ${rnd.pick(HEADS).toLowerCase()} ${rnd.pick(OBJECTS)} ${rnd.pick(DOMAINS)} ${rnd.pick(PLACES)}`;
        const row = rowOf(rnd.uuid(), org.id, 'document', title, paragraphs, at, {
          docType,
          docNumber: `${seq}${suffix}`,
          docDate: day,
          docStatus: rnd.pick(STATUSES),
          // a municipality's first «положение» of a year is its act on open municipal government (VI.4);
          // decided without drawing from the random stream, so the rest of the data stays as it was
          topics:
            org.level === 'municipal' && docType === 'положение' && seq === 1
              ? [topic, OPEN_MUNICIPALITY_TOPIC]
              : [topic],
          tags: [rnd.pick(TAGS)],
        });
        if (row.topics.includes(OPEN_MUNICIPALITY_TOPIC)) openMunicipalityOrgs.add(org.id);
        const attachment = rnd.chance(0.2)
          ? { id: rnd.uuid(), name: 'Приложение.pdf', text: rnd.sentences(SENTENCES, rnd.between(5, 12)) }
          : null;
        items.push({ row, text: paragraphs.join('\n'), attachment });
      } else {
        const title = `${rnd.pick(NEWS_HEADS)} ${rnd.pick(DOMAINS)} ${rnd.pick(PLACES)}`;
        const row = rowOf(rnd.uuid(), org.id, 'news', title, paragraphs, at, { topics: [topic], tags: [] });
        items.push({ row, text: paragraphs.join('\n'), attachment: null });
      }
    }
    return items;
  }

  // versions and the chained log continue whatever log there is
  const head = (
    await db.execute<{ seq: number; hash: string }>(
      sql`select seq::int as seq, hash from publication_log order by seq desc limit 1`,
    )
  ).rows[0];
  let prevHash = head?.hash ?? GENESIS_HASH;
  let seq = head?.seq ?? 0;
  let attachmentCount = 0;
  let indexed = 0;
  const timings: number[][] = [];
  const tables = [
    'publications',
    'publication_attachments',
    'publication_versions',
    'publication_log',
    'search_entries',
  ];
  await withIndexesDropped(db, tables, async () => {
    for (let items = nextChunk(CHUNK); items.length > 0; items = nextChunk(CHUNK)) {
      await copyChunk(items);
      ctx.progress(`publications: ${i}/${total}`);
    }
  });

  async function copyChunk(items: Generated[]) {
    const t = [performance.now()];
    await copyRows(
      db,
      'publications',
      PUB_COLUMNS,
      items.map(({ row: r }) => [
        r.id,
        r.orgId,
        r.kind,
        r.title,
        r.summary,
        r.bodyHtml,
        r.docType,
        r.docNumber,
        r.docDate,
        r.docStatus,
        r.topics,
        r.tags,
        1,
        r.publishedAt,
        r.publishedAt,
      ]),
    );
    t.push(performance.now());
    const withFiles = items.filter((g) => g.attachment);
    attachmentCount += withFiles.length;
    await copyRows(
      db,
      'publication_attachments',
      [
        'id',
        'publication_id',
        'file_id',
        'name',
        'ext',
        'size_bytes',
        'sha256',
        'text_status',
        'text',
        'created_at',
      ],
      withFiles.map((g) => {
        const a = g.attachment as NonNullable<Generated['attachment']>;
        return [
          a.id,
          g.row.id,
          sample.id,
          a.name,
          'pdf',
          sample.sizeBytes,
          sample.sha256,
          'done',
          a.text,
          g.row.publishedAt,
        ];
      }),
    );
    t.push(performance.now());
    const log: CopyValue[][] = [];
    function* versionRows(): Generator<CopyValue[]> {
      for (const g of items) {
        const atts = g.attachment
          ? [{ id: g.attachment.id, name: g.attachment.name, sha256: sample.sha256 }]
          : [];
        // only id, name and sha256 of an attachment enter the content
        const content = contentOf(g.row, atts as AttachmentRow[], []);
        seq++;
        const at = g.row.publishedAt;
        const hash = entryHash(prevHash, {
          seq,
          publicationId: g.row.id,
          version: 1,
          action: 'publish',
          at: at.toISOString(),
          content,
        });
        log.push([seq, g.row.id, 1, 'publish', at, prevHash, hash]);
        prevHash = hash;
        yield [g.row.id, 1, content, at, null];
      }
    }
    await copyRows(
      db,
      'publication_versions',
      ['publication_id', 'version', 'content', 'saved_at', 'saved_by'],
      versionRows(),
    );
    await copyRows(
      db,
      'publication_log',
      ['seq', 'publication_id', 'version', 'action', 'at', 'prev_hash', 'hash'],
      log,
    );
    t.push(performance.now());
    function* entries() {
      for (const g of items) {
        const r = g.row;
        const slug = slugOf.get(r.orgId) ?? '';
        const item: PublicItem = {
          id: `publication:${r.id}`,
          type: r.kind,
          orgId: r.orgId,
          orgSlug: slug,
          title: r.title,
          body: g.text,
          attachmentText: g.attachment?.text ?? '',
          summary: r.summary ?? '',
          date: r.publishedAt,
          url: publicationUrl(r, slug),
          topics: r.topics,
          tags: r.tags,
          requisites:
            r.kind === 'document' && r.docType && r.docNumber
              ? {
                  docType: r.docType,
                  docNumber: r.docNumber,
                  docDate: r.docDate,
                  docStatus: r.docStatus,
                  issuerOrgId: r.orgId,
                }
              : null,
          attachmentNames: g.attachment ? [g.attachment.name] : [],
        };
        yield searchEntryOf(item, nameOf.get(r.orgId) ?? null);
      }
    }
    indexed += await searchIndex.copy(db, entries());
    t.push(performance.now());
    timings.push(t.slice(1).map((x, k) => x - (t[k] as number)));
  }
  ctx.progress(
    `publications: ms per step (rows, attachments, versions, log, search) ${timings.map((x) => x.map(Math.round).join('/')).join(' ')}`,
  );
  await db.execute(sql`select setval(pg_get_serial_sequence('publication_log', 'seq'), ${seq})`);
  await searchIndex.refreshWords(db);

  const now = ctx.until;
  for (const o of orgs) {
    await markOrgSectionFilled(db, o.id, 'documents', now);
    await markOrgSectionFilled(db, o.id, 'media', now);
  }
  for (const orgId of openMunicipalityOrgs) await markOrgSectionFilled(db, orgId, 'open_municipality', now);
  return {
    documents: docs,
    news,
    attachments: attachmentCount,
    versions: total,
    logEntries: total,
    searchEntries: indexed,
  };
}

function rowOf(
  id: string,
  orgId: string,
  kind: 'document' | 'news',
  title: string,
  paragraphs: string[],
  at: Date,
  extra: Partial<PublicationRow>,
): PublicationRow {
  return {
    id,
    orgId,
    kind,
    sectionKey: null,
    title,
    summary: paragraphs[0]?.slice(0, 300) ?? null,
    bodyHtml: paragraphs.map((p) => `<p>${p}</p>`).join(''),
    docType: null,
    docNumber: null,
    docDate: null,
    docStatus: null,
    topics: [],
    tags: [],
    videoUrl: null,
    videoFileId: null,
    posterFileId: null,
    transcript: null,
    version: 1,
    publishedAt: at,
    changedAt: null,
    createdBy: null,
    createdAt: at,
    ...extra,
  };
}
