import { Readable } from 'node:stream';
import { Schema, Table } from 'tableschema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { signedInAs } from '../../../test/auth.ts';
import { visitor } from '../../../test/forms.ts';
import { currentTotk } from '../appeals/index.ts';
import { findOrganizationBySlug, listAllOrganizations, seedOrganizations } from '../orgs/index.ts';
import { docTypes } from '../publications/index.ts';
import { checkData } from './check-data.ts';
import { regenerateSources } from './generated-sources.ts';
import { opendataRepository as repo } from './opendata.repository.ts';

/*
 * Task 10.2: the reference books the portal keeps (ТОТК, the register of
 * bodies, kinds of documents and plans, the register's own topics) are
 * generated datasets marked as reference books, read through the public files
 * only; a body's steward declares the reference books it keeps elsewhere in
 * the inventory, and the body's register says whether each is published.
 */

let t: TestApp;
let govInn: string;
beforeAll(async () => {
  t = await createTestApp();
  t.deps.clock.set('2026-03-02T09:00:00Z');
  await seedOrganizations(t.deps);
  govInn = (await findOrganizationBySlug(t.deps.db, 'government'))?.inn as string;
  await regenerateSources(t.deps);
}, 120_000);
afterAll(() => t.close());

/** list.csv → meta.json → the newest data file, read by tableschema against the dataset's datapackage. */
async function download(identifier: string) {
  const v = visitor(t.app);
  expect((await v.get('/opendata/list.csv')).body).toContain(identifier);
  const meta = (await v.get(`/opendata/${identifier}/meta.json`)).json();
  const res = await v.get(new URL(meta.data[0].source).pathname);
  expect(res.statusCode).toBe(200);
  const pkg = (await v.get(`/opendata/${identifier}/datapackage.json`)).json();
  const schema = await Schema.load(pkg.resources[0].schema);
  const table = await Table.load(() => Readable.from([res.body]), { schema, headers: 1 });
  const rows = (await table.read({ cast: true })) as unknown as unknown[][];
  // and the portal's own upload check accepts it against the current structure
  const ds = await repo.byIdentifier(t.deps.db, identifier);
  const [structure] = await repo.structures(t.deps.db, ds?.id ?? '');
  const checked = await checkData(structure?.columns ?? [], {
    filename: 'd.csv',
    data: Buffer.from(res.body),
  });
  expect(checked.ok ? [] : checked.problems).toEqual([]);
  return { csv: res.body, rows, ds };
}

describe('the portal’s reference books as open data (10.2)', () => {
  it('publishes the ТОТК edition appeals are classified by, marked as a reference book', async () => {
    const { rows, ds } = await download(`${govInn}-regiontotk`);
    expect(ds?.referenceBook).toBe(true);
    const totk = await currentTotk(t.deps.db);
    expect(rows).toHaveLength(totk.nodes.length);
    const question = totk.nodes.find((n) => n.level === 4);
    expect(rows).toContainEqual([
      question?.code,
      question?.parentCode,
      4,
      question?.nameRu,
      totk.version,
      expect.anything(),
    ]);
  });

  it('publishes the register of bodies with their codes, the kinds of documents and of plans, the register’s topics', async () => {
    const orgs = await listAllOrganizations(t.deps.db);
    const bodies = await download(`${govInn}-regionorganizations`);
    expect(bodies.rows).toHaveLength(orgs.length);
    const minzdrav = bodies.rows.find((r) => r[0] === 'minzdrav');
    expect(minzdrav?.[1]).toBe(orgs.find((o) => o.slug === 'minzdrav')?.code);
    expect(minzdrav?.[11]).toBe('/orgs/minzdrav');

    const kinds = await download(`${govInn}-regiondoctypes`);
    expect(kinds.rows.map((r) => r[0])).toEqual([...docTypes]);
    expect(kinds.rows.find((r) => r[0] === 'закон_области')?.[3]).toBe(true);
    expect(kinds.rows.find((r) => r[0] === 'приказ')?.[3]).toBe(false);

    const plans = await download(`${govInn}-regionplankinds`);
    expect(plans.rows).toContainEqual([
      'public_activity',
      'Публичный план деятельности',
      'Public plan of activity',
    ]);

    const topics = await download(`${govInn}-regionopendatatopics`);
    expect(topics.rows).toContainEqual(['topic', 'health', 'Здоровье', 'Health', 'HEAL']);
  });

  it('builds reference books region-wide only, not once per body', async () => {
    const minzdrav = await findOrganizationBySlug(t.deps.db, 'minzdrav');
    expect(await repo.byIdentifier(t.deps.db, `${minzdrav?.inn}-totk`)).toBeUndefined();
    expect((await regenerateSources(t.deps)).written).toBe(0);
  });

  it('the register filters its reference books, and the passport says it is one', async () => {
    const v = visitor(t.app);
    const all = await v.get('/opendata/');
    expect(all.body).toContain('Справочники и классификаторы (5)');
    const books = await v.get('/opendata/?kind=refbooks');
    expect(books.statusCode).toBe(200);
    expect(books.body).toContain('Тематический классификатор обращений граждан (ТОТК)');
    expect(books.body).not.toContain('Опись информационных ресурсов органов');
    expect(books.body).not.toContain('Перечень наборов открытых данных области');
    expect(all.body).toContain('Перечень наборов открытых данных области');
    const passport = await v.get(`/opendata/${govInn}-regiondoctypes/`);
    expect(passport.body).toContain('Этот набор — справочник или классификатор, который ведёт орган.');
    const en = await v.get(`/opendata/${govInn}-regiondoctypes/?lang=en`);
    expect(en.statusCode).toBe(200);
  });

  it('a steward declares the body’s reference books in the inventory and registers one; the body’s register says which are published', async () => {
    const steward = await signedInAs(t, 'data_steward', 'minsoc');
    const minsoc = await findOrganizationBySlug(t.deps.db, 'minsoc');
    const url = '/manage/opendata/inventory/minsoc';
    const bad = await steward.post(url, {
      name: 'Справочник социальных услуг',
      description: 'Перечень социальных услуг и их коды',
      publishable: 'yes',
      referenceBook: 'yes',
      datasetIdentifier: 'не идентификатор',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('не идентификатор');
    expect(bad.body).toMatch(
      /name="referenceBook"[^>]*value="yes"[^>]*checked|checked[^>]*name="referenceBook"/,
    );
    const identifier = `${minsoc?.inn}-socservices`;
    expect(
      (
        await steward.post(url, {
          name: 'Справочник социальных услуг',
          description: 'Перечень социальных услуг и их коды',
          publishable: 'yes',
          referenceBook: 'yes',
          datasetIdentifier: identifier,
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await steward.post(url, {
          name: 'Классификатор категорий получателей мер поддержки',
          description: 'Категории граждан, имеющих право на меры социальной поддержки',
          publishable: 'later',
          plannedFor: 'II квартал 2026',
          referenceBook: 'yes',
        })
      ).statusCode,
    ).toBe(303);
    await steward.post(url, {
      name: 'Реестр получателей выплат',
      description: 'Получатели выплат',
      publishable: 'no',
      reason: 'Персональные данные',
    });

    let page = await visitor(t.app).get('/orgs/minsoc/opendata/');
    expect(page.body).toContain('Справочник социальных услуг');
    expect(page.body).toContain('ещё не опубликован');
    expect(page.body).toContain('II квартал 2026');
    // a resource that is not a reference book is not among them
    const books = page.body.slice(page.body.indexOf('id="reference-books"'));
    expect(books).not.toContain('Реестр получателей выплат');

    // the steward registers the dataset as a reference book and publishes data: now it is published
    const reg = await steward.post(
      '/manage/opendata/new',
      {
        org: minsoc?.id ?? '',
        identifier,
        title: 'Справочник социальных услуг',
        description:
          'Социальные услуги, которые оказывают организации социального обслуживания области, с кодами.',
        keywords: 'социальные услуги, справочник',
        topic: 'social',
        frequency: 'on_change',
        publisherName: 'Петрова Анна Сергеевна',
        publisherPhone: '+7 4012 000-001',
        publisherEmail: 'opendata@minsoc.example.ru',
        license: 'cc-by-4.0',
        structure: 'code,Code,Код,string,required\nname,Name,Наименование,string,required',
        referenceBook: 'yes',
      },
      { from: '/manage/opendata/new' },
    );
    expect(reg.statusCode).toBe(303);
    expect((await repo.byIdentifier(t.deps.db, identifier))?.referenceBook).toBe(true);
    const up = await steward.post(
      `/manage/opendata/${identifier}/upload`,
      { provenance: 'Первая публикация' },
      {
        from: `/manage/opendata/${identifier}`,
        files: [
          {
            field: 'file',
            name: 'services.csv',
            type: 'text/csv',
            data: Buffer.from('code,name\r\n01,Социальное обслуживание на дому\r\n'),
          },
        ],
      },
    );
    expect(up.statusCode).toBe(303);
    page = await visitor(t.app).get('/orgs/minsoc/opendata/?kind=refbooks');
    const section = page.body.slice(page.body.indexOf('id="reference-books"'));
    expect(section).toContain(`href="/opendata/${identifier}/"`);
    expect(section).toContain('опубликован');
    // listed once, although both the dataset and the inventory name it
    expect(section.split('Справочник социальных услуг').length - 1).toBe(1);
    expect(page.body).toContain('Справочники и классификаторы (1)');

    // the inventory dataset says which resources are reference books
    await regenerateSources(t.deps);
    const meta = (await visitor(t.app).get(`/opendata/${minsoc?.inn}-inventory/meta.json`)).json();
    const rows = (
      await visitor(t.app).get(new URL(meta.data[0].source.replace(/\.csv$/, '.json')).pathname)
    ).json() as { name: string; reference_book: boolean; dataset: string | null }[];
    expect(rows.find((r) => r.name === 'Справочник социальных услуг')).toMatchObject({
      reference_book: true,
      dataset: identifier,
    });
  });
});
