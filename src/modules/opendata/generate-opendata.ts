import type { Origin } from '../../platform/audit/index.ts';
import { userActor } from '../../platform/authz/index.ts';
import { type GenerateContext, type GenerateReport, scaled } from '../../platform/generate/index.ts';
import { listAllOrganizations } from '../orgs/index.ts';
import { nextStamp } from './format.ts';
import { FREQUENCIES, type Frequency, parseStructure, TOPICS, type Topic } from './opendata.input.ts';
import { opendataRepository as repo } from './opendata.repository.ts';
import { writeVersion } from './publish-data.ts';
import { registerDataset } from './register-dataset.ts';
import { renderPendingFiles } from './render-files.ts';
import { seedDemoOpendata } from './seed-demo-opendata.ts';

/*
 * A region's open data for benchmarks (`npm run generate`, bench/opendata.ts):
 * the demo datasets, 1,000 small datasets spread over the bodies (× scale), and
 * one large dataset of 5,000,000 rows (× scale) loaded through COPY, so the
 * register, the passports, the CKAN search and the streamed files are
 * measured on a region's worth.
 */

const SYSTEM: Origin = {
  actor: userActor('00000000-0000-0000-0000-000000000000', [{ role: 'admin', orgId: null }], {
    displayName: 'Генератор данных',
  }),
  ip: null,
};

const SUBJECTS = [
  'Остановки общественного транспорта',
  'Пункты приёма вторсырья',
  'Детские площадки',
  'Объекты культурного наследия',
  'Аптеки',
  'Места для купания',
  'Многоквартирные дома на капитальном ремонте',
  'Зарегистрированные средства массовой информации',
  'Выданные разрешения на строительство',
  'Субсидии малому бизнесу',
];

const SMALL_STRUCTURE = [
  'name,Name,Наименование,string,required',
  'address,Address,Адрес,string,required',
  'capacity,Capacity,Вместимость,integer',
  'opened,Opened,Дата открытия,date',
].join('\n');

const LARGE_STRUCTURE = [
  'stop_id,Stop,Код остановки,integer,required',
  'route,Route,Маршрут,string,required',
  'departure,Departure (UTC),Время отправления (UTC),string,required',
  'passengers,Passengers,Число пассажиров,integer,required',
  'paid_share,Share paid by card,Доля оплат картой,float,required',
].join('\n');

const passport = (org: { id: string; slug: string }, identifier: string, title: string, topic: Topic) => ({
  org: org.id,
  identifier,
  title,
  description: `${title}: сведения органа, публикуемые в формате открытых данных.`,
  keywords: 'открытые данные, генератор',
  topic,
  frequency: 'monthly' as Frequency,
  publisherName: 'Ответственный за открытые данные',
  publisherPhone: '+7 4012 000-000',
  publisherEmail: `opendata@${org.slug}.example.ru`,
  license: 'cc-by-4.0' as const,
});

export async function generateOpendata(ctx: GenerateContext): Promise<GenerateReport> {
  const { deps } = ctx;
  const rnd = ctx.random('opendata');
  const demo = await seedDemoOpendata(deps);
  const orgs = (await listAllOrganizations(deps.db)).filter((o) => o.inn);
  const topics = Object.keys(TOPICS) as Topic[];
  const small = scaled(ctx, 1000, 20);
  const columns = parseStructure(SMALL_STRUCTURE);
  if ('error' in columns) throw new Error(columns.error);
  for (let i = 0; i < small; i++) {
    const org = orgs[i % orgs.length];
    if (!org) break;
    const subject = rnd.pick(SUBJECTS);
    const ds = await registerDataset(deps, SYSTEM, {
      ...passport(org, `${org.inn}-gen${i}`, `${subject} (${i + 1})`, rnd.pick(topics)),
      frequency: rnd.pick(Object.keys(FREQUENCIES) as Frequency[]),
      structure: SMALL_STRUCTURE,
    });
    const rows = Array.from({ length: rnd.between(5, 60) }, (_, k) => [
      `${subject}, объект № ${k + 1}`,
      `г. Калининград, ул. Генерируемая, д. ${rnd.between(1, 200)}`,
      String(rnd.between(10, 500)),
      `20${rnd.between(10, 25)}-0${rnd.between(1, 9)}-1${rnd.between(0, 9)}`,
    ]);
    await writeVersion(deps, SYSTEM, ds, { columns: columns.columns, rows, provenance: 'Сгенерировано' });
    if (i % 100 === 99) ctx.progress(`opendata: ${i + 1} of ${small} datasets`);
  }

  // one large dataset: passenger counts per departure, loaded through COPY
  const government = orgs.find((o) => o.kind === 'government') ?? orgs[0];
  if (!government) return { datasets: demo.datasets + small };
  const large = scaled(ctx, 5_000_000, 10_000);
  const ds = await registerDataset(deps, SYSTEM, {
    ...passport(
      government,
      `${government.inn}-passengers`,
      'Пассажиропоток по рейсам общественного транспорта',
      'transport',
    ),
    structure: LARGE_STRUCTURE,
  });
  const [structure] = await repo.structures(deps.db, ds.id);
  if (!structure) throw new Error('the large dataset has no structure');
  const now = deps.clock.now();
  const version = await repo.insertVersion(deps.db, {
    datasetId: ds.id,
    structureId: structure.id,
    stamp: nextStamp(now, undefined),
    provenance: 'Сгенерировано',
    rowCount: large,
    digest: `generated-${ctx.seed}-${large}`,
  });
  const start = ctx.until.getTime() - 365 * 86_400_000;
  function* rows(): Generator<string[]> {
    for (let i = 0; i < large; i++)
      yield [
        String(1000 + rnd.int(2500)),
        `${rnd.between(1, 120)}${rnd.chance(0.2) ? 'А' : ''}`,
        new Date(start + Math.floor((i / large) * 365 * 86_400_000)).toISOString().slice(0, 16),
        String(rnd.int(90)),
        (rnd.int(1000) / 1000).toString(),
      ];
  }
  const written = await repo.copyRows(deps.db, version.id, rows());
  await repo.touch(deps.db, ds.id, now);
  ctx.progress(`opendata: ${written} rows of ${ds.identifier}`);
  // the data files rendered into file storage, as the minute job of a running portal does
  let files = 0;
  for (let n = await renderPendingFiles(deps, 200); n > 0; n = await renderPendingFiles(deps, 200))
    files += n;
  ctx.progress(`opendata: ${files} data files rendered`);
  return { datasets: demo.datasets + small + 1, largeRows: written, files };
}
