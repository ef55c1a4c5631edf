// Benchmark (not a test): search over a region's worth of content.
// Fills an embedded PostgreSQL with ≥500,000 documents and 100,000 news items
// (realistic Russian titles and bodies, generated in SQL in batches), then
// measures search latency (p50/p95/p99) for one-word, multi-word, requisite and
// faceted queries, and the search and list pages under concurrent HTTP load.
// Run: npm run bench:search   (BENCH_DOCS, BENCH_NEWS, BENCH_RUNS, BENCH_SECONDS,
// BENCH_DATA_DIR to keep and reuse the filled database between runs)
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import '../src/modules/index.ts';
import { listAllOrganizations } from '../src/modules/orgs/index.ts';
import type { Db } from '../src/platform/db/client.ts';
import { createLogger } from '../src/platform/logger.ts';
import { type SearchParams, searchEntriesQuery } from '../src/platform/search/index.ts';
import { startRuntime } from '../src/runtime.ts';
import { seed } from '../src/seed.ts';

const DOCS = Number(process.env.BENCH_DOCS ?? 500_000);
const NEWS = Number(process.env.BENCH_NEWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const BATCH = 25_000;

const keep = process.env.BENCH_DATA_DIR;
const dir = keep ?? mkdtempSync(path.join(os.tmpdir(), 'open-region-bench-search-'));
if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
chmodSync(dir, 0o755);
const config = loadConfig({ DATA_DIR: dir, SEED: 'none', LOG_LEVEL: 'silent' });
const runtime = await startRuntime(config, { log: createLogger('silent'), workers: false });
const db: Db = runtime.deps.db;
const seeded = (await listAllOrganizations(db)).length === 0;
if (seeded) await seed(runtime.deps);
const out = (s: string) => process.stdout.write(`${s}\n`);

out(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`,
);
const [{ version } = { version: '' }] = (await db.execute(sql`select version()`)).rows as {
  version: string;
}[];
out(`database: ${version.split(',')[0]} (embedded, default settings)`);
out(`date: ${new Date().toISOString()}`);

// Vocabulary of the generator: the building blocks of official titles and texts.
const docKinds = [
  ['postanovlenie', 'Постановление'],
  ['rasporyazhenie', 'Распоряжение'],
  ['prikaz', 'Приказ'],
  ['zakon', 'Закон'],
  ['polozhenie', 'Положение'],
  ['reglament', 'Административный регламент'],
  ['plan', 'План'],
  ['otchet', 'Отчёт'],
  ['protokol', 'Протокол'],
];
const heads = [
  'Об утверждении',
  'О внесении изменений в',
  'О порядке предоставления',
  'Об организации',
  'О мерах по реализации',
  'О создании',
  'О проведении',
  'Об отмене',
];
const objects = [
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
const domains = [
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
const places = [
  'Калининградской области',
  'городского округа «Город Калининград»',
  'Зеленоградского муниципального округа',
  'Светлогорского городского округа',
  'Черняховского муниципального округа',
  'Гурьевского муниципального округа',
  'Балтийского городского округа',
  'Советского городского округа',
];
const sentences = [
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
const newsHeads = [
  'Губернатор провёл совещание',
  'Министр встретился с жителями',
  'Прошёл приём граждан',
  'Состоялось заседание общественного совета',
  'Подведены итоги конкурса',
  'Открыт приём заявок',
  'Завершён капитальный ремонт',
  'Стартовал региональный проект',
];
const topics = [
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
const statuses = [
  'действует',
  'действует',
  'действует',
  'действует',
  'действует',
  'действует',
  'утратил_силу',
  'изменён',
];

const arr = (a: string[]) =>
  sql.raw(`array[${a.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]::text[]`);
// A deterministic pseudo-random pick from an array for row g and salt k.
const pick = (a: string[], k: number) =>
  sql`(${arr(a)})[1 + ((g::bigint * ${7919 + k * 104_729} + ${k * 31}) % ${a.length})::int]`;

async function count(where: string): Promise<number> {
  const [r] = (await db.execute(sql.raw(`select count(*)::int as n from search_entries where ${where}`)))
    .rows as { n: number }[];
  return r?.n ?? 0;
}

const orgs = await listAllOrganizations(db);
const orgIds = sql.raw(`array[${orgs.map((o) => `'${o.id}'`).join(',')}]::uuid[]`);
const haveDocs = await count(`module = 'bench' and type = 'document'`);
const haveNews = await count(`module = 'bench' and type = 'news'`);

if (haveDocs < DOCS || haveNews < NEWS) {
  out(
    `\n## generating ${DOCS} documents and ${NEWS} news items (seeded organisations: ${orgs.length}${seeded ? ', just now' : ''})`,
  );
  const t0 = Date.now();
  await db.execute(sql`delete from search_entries where module = 'bench'`);
  // Bulk load: the text indexes are rebuilt once at the end, far faster than row by row.
  await db.execute(
    sql`drop index if exists search_entries_tsv_idx, search_entries_title_trgm_idx, search_entries_topics_idx`,
  );
  const body = (n: number) =>
    sql.join(
      Array.from({ length: n }, (_, i) => pick(sentences, 10 + i)),
      sql` || ' ' || `,
    );
  for (let from = 1; from <= DOCS; from += BATCH) {
    const to = Math.min(DOCS, from + BATCH - 1);
    const t = Date.now();
    await db.execute(sql`
      insert into search_entries (id, module, type, org_id, title, requisites_text, body, summary, url, published_at, year, topics, tags,
                                  doc_type, doc_number, doc_number_key, doc_date, doc_status, issuer_org_id)
      select 'bench:doc:' || g, 'bench', 'document', o,
             ${pick(
               docKinds.map((d) => d[1] as string),
               1,
             )} || ' ' || lower(${pick(heads, 2)}) || ' ' || ${pick(objects, 3)} || ' ' || ${pick(domains, 4)} || ' ' || ${pick(places, 5)},
             ${pick(
               docKinds.map((d) => d[1] as string),
               1,
             )} || ' № ' || num || ' от ' || to_char(d, 'DD.MM.YYYY') || ' ' || tp,
             ${body(6)}, ${pick(sentences, 20)}, '/bench/documents/' || g, d::timestamp + interval '10 hours', extract(year from d)::int,
             array[tp], array[${pick(['субсидии', 'программа', 'регламент', 'комиссия', 'отчётность', 'конкурс'], 6)}],
             ${pick(
               docKinds.map((d) => d[0] as string),
               1,
             )}, num, lower(num), d, ${pick(statuses, 7)}, o
      from (select g, (${orgIds})[1 + (g % ${orgs.length})] as o,
                   date '2010-01-01' + (g % 6000) as d,
                   ((g % 3000) + 1)::text || ${pick(['-п', '-р', '-од', '', '-рп'], 8)} as num,
                   ${pick(topics, 9)} as tp
            from generate_series(${from}::int, ${to}::int) g) s`);
    process.stdout.write(`  documents ${to}/${DOCS}: ${((Date.now() - t) / 1000).toFixed(1)} s\r`);
  }
  out('');
  for (let from = 1; from <= NEWS; from += BATCH) {
    const to = Math.min(NEWS, from + BATCH - 1);
    await db.execute(sql`
      insert into search_entries (id, module, type, org_id, title, body, summary, url, published_at, year, topics)
      select 'bench:news:' || g, 'bench', 'news', o,
             ${pick(newsHeads, 11)} || ' ' || ${pick(domains, 12)} || ' ' || ${pick(places, 13)},
             ${body(4)}, ${pick(sentences, 14)}, '/bench/news/' || g, d, extract(year from d)::int, array[${pick(topics, 15)}]
      from (select g, (${orgIds})[1 + (g % ${orgs.length})] as o,
                   timestamptz '2018-01-01 09:00+02' + (g * interval '37 minutes') as d
            from generate_series(${from}::int, ${to}::int) g) s`);
    process.stdout.write(`  news ${to}/${NEWS}\r`);
  }
  out('');
  const tLoad = Date.now();
  await db.execute(sql`set maintenance_work_mem = '1GB'`);
  await db.execute(sql`create index if not exists search_entries_tsv_idx on search_entries using gin (tsv)`);
  await db.execute(
    sql`create index if not exists search_entries_title_trgm_idx on search_entries using gin (title gin_trgm_ops)`,
  );
  await db.execute(
    sql`create index if not exists search_entries_topics_idx on search_entries using gin (topics)`,
  );
  const words = new Set(
    [...docKinds.map((d) => d[1] as string), ...heads, ...objects, ...domains, ...places, ...newsHeads]
      .join(' ')
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter((w) => w.length >= 3),
  );
  await db.execute(
    sql`insert into search_words (word) select unnest(${arr([...words])}) on conflict do nothing`,
  );
  await db.execute(sql`analyze search_entries`);
  out(
    `indexes built in ${((Date.now() - tLoad) / 1000).toFixed(1)} s; generated and indexed in ${((Date.now() - t0) / 1000).toFixed(1)} s total`,
  );
} else {
  out(`\nreusing ${haveDocs} documents and ${haveNews} news items in ${dir}`);
}
const [size] = (
  await db.execute(
    sql`select pg_size_pretty(pg_total_relation_size('search_entries')) as s, count(*)::int as n from search_entries`,
  )
).rows as { s: string; n: number }[];
out(`index table: ${size?.n} rows, ${size?.s} with its indexes`);

// Latency of the search engine itself (one connection, sequential).
function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}
const org = (slug: string) => orgs.find((o) => o.slug === slug)?.id ?? orgs[0]?.id ?? '';
const cases: { name: string; queries: SearchParams[] }[] = [
  {
    name: 'one word (rare-ish)',
    queries: ['туризма', 'отходами', 'коррупции', 'наследия', 'рыболовства'].map((q) => ({ q })),
  },
  {
    name: 'one word (frequent: «область»)',
    queries: [{ q: 'область' }, { q: 'постановление' }, { q: 'программы' }],
  },
  {
    name: 'multi-word',
    queries: [
      'порядок предоставления субсидий',
      'капитальный ремонт многоквартирных домов',
      'развитие внутреннего туризма Зеленоградск',
      'приём граждан министр',
    ].map((q) => ({ q })),
  },
  {
    name: 'requisites (number, type, dates, status)',
    queries: [
      { number: '125-п' },
      { number: '12', numberMode: 'prefix' },
      { docType: 'prikaz', docFrom: '2024-01-01', docTo: '2024-03-31' },
      {
        docType: 'postanovlenie',
        status: ['действует'],
        number: '1',
        numberMode: 'prefix',
        issuerOrgId: org('minzdrav'),
      },
    ],
  },
  {
    name: 'faceted (text + org + year + type + topic)',
    queries: [
      { q: 'субсидий', orgIds: [org('minzdrav')], years: [2023] },
      { q: 'программы', types: ['document'], topics: ['туризм'] },
      { q: 'благоустройство', orgIds: [org('government'), org('minstroy')], sort: 'date' },
    ],
  },
  { name: 'typo («субсидй», «туризьма»)', queries: [{ q: 'субсидй' }, { q: 'туризьма' }] },
];
out(
  `\n## search latency, ${RUNS} runs per case, one connection (searchEntriesQuery: rank, count and facets over ≤ 2000 candidates, headlines)`,
);
out('| case | p50 ms | p95 ms | p99 ms | modes |');
out('| --- | --- | --- | --- | --- |');
for (const c of cases) {
  const times: number[] = [];
  const modes = new Set<string>();
  for (let i = 0; i < RUNS; i++) {
    const q = c.queries[i % c.queries.length] as SearchParams;
    const t = performance.now();
    const r = await searchEntriesQuery(db, q);
    times.push(performance.now() - t);
    modes.add(r.mode);
  }
  out(
    `| ${c.name} | ${pct(times, 50).toFixed(0)} | ${pct(times, 95).toFixed(0)} | ${pct(times, 99).toFixed(0)} | ${[...modes].join(', ')} |`,
  );
}

// Pages under concurrent load through the real HTTP stack.
const app = await buildApp(runtime.deps);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const enc = encodeURIComponent;
const pages = [
  `/search?q=${enc('порядок предоставления субсидий')}`,
  `/search?q=${enc('область')}`,
  `/search?type=document&org=minzdrav`,
  `/search?number=125-%D0%BF`,
  `/api/v1/search?q=${enc('туризма')}&type=document`,
  '/feeds/documents.atom',
  '/legal-reference',
];
out(`\n## pages under load: ${SECONDS} s each, 10 connections, client in the same process`);
out('| path | req/s | p50 ms | p97.5 ms | p99 ms | non-2xx |');
out('| --- | --- | --- | --- | --- | --- |');
for (const p of pages) {
  const r = await autocannon({ url: base + p, connections: 10, duration: SECONDS });
  out(
    `| ${decodeURIComponent(p)} | ${Math.round(r.requests.average)} | ${r.latency.p50} | ${r.latency.p97_5} | ${r.latency.p99} | ${r.non2xx} |`,
  );
}
await app.close();
await runtime.close();
if (!keep) rmSync(dir, { recursive: true, force: true });
