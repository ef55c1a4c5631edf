import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { Table } from 'tableschema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { type SignedIn, sessionFor, signedInAs } from '../../../../test/auth.ts';
import { visitor } from '../../../../test/forms.ts';
import { findOrganizationBySlug, seedOrganizations } from '../../orgs/index.ts';
import { organizations } from '../../orgs/orgs.tables.ts';

/** A CSV read by an independent reader (tableschema's csv-parse), as a newcomer's tool reads it. */
async function readCsv(text: string): Promise<{ headers: string[]; rows: string[][] }> {
  const table = await Table.load(() => Readable.from([text]), { headers: 1 });
  const rows = (await table.read()) as unknown as string[][];
  return { headers: table.headers as string[], rows };
}

const STRUCTURE = [
  'school,School,Наименование школы,string,required',
  'district,District,Район,string,required',
  'pupils,Pupils,Число учеников,integer,required',
  'share,"Share, graduates",Доля выпускников,float',
].join('\n');

let t: TestApp;
let steward: SignedIn;
let inn: string;
let id: string;

const passport = (over: Record<string, string> = {}) => ({
  org: '',
  identifier: '',
  title: 'Школы области, число учеников',
  description: 'Перечень общеобразовательных школ с числом учеников и долей выпускников, поступивших в вузы.',
  keywords: 'школы, образование, ученики',
  topic: 'education',
  frequency: 'yearly',
  publisherName: 'Иванова Анна Андреевна',
  publisherPhone: '+7 4012 000-000',
  publisherEmail: 'opendata@minobr.example.ru',
  license: 'cc-by-4.0',
  structure: STRUCTURE,
  ...over,
});

const csvFile = (text: string, name = 'schools.csv') => ({
  field: 'file',
  name,
  type: 'text/csv',
  data: Buffer.from(text, 'utf8'),
});

beforeAll(async () => {
  t = await createTestApp();
  await seedOrganizations(t.deps);
  const org = await findOrganizationBySlug(t.deps.db, 'minobr');
  if (!org?.inn) throw new Error('minobr has no ИНН in the reference data');
  inn = org.inn;
  id = `${inn}-schools`;
  t.deps.clock.set('2026-03-02T09:00:00Z');
  steward = await signedInAs(t, 'data_steward', 'minobr');
});
afterAll(() => t.close());

describe('registering a dataset (10.1)', () => {
  it('refuses an identifier that does not start with the body’s ИНН, and keeps what was typed', async () => {
    const org = await findOrganizationBySlug(t.deps.db, 'minobr');
    const res = await steward.post(
      '/manage/opendata/new',
      passport({ org: org?.id ?? '', identifier: '7700000000-schools' }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Идентификатор должен начинаться с ИНН выбранного органа');
    expect(res.body).toContain('Перечень общеобразовательных школ');
  });

  it('refuses a broken structure line with a plain message', async () => {
    const org = await findOrganizationBySlug(t.deps.db, 'minobr');
    const res = await steward.post(
      '/manage/opendata/new',
      passport({ org: org?.id ?? '', identifier: id, structure: 'school,School,Школа,text' }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('string, integer, float, date или boolean');
  });

  it('registers a dataset, then refuses the same identifier again', async () => {
    const org = await findOrganizationBySlug(t.deps.db, 'minobr');
    const ok = await steward.post('/manage/opendata/new', passport({ org: org?.id ?? '', identifier: id }));
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`/manage/opendata/${id}?notice=registered`);
    const again = await steward.post(
      '/manage/opendata/new',
      passport({ org: org?.id ?? '', identifier: id }),
    );
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('уже есть в реестре');
  });

  it('does not let a steward of another body register for this one or upload to its dataset', async () => {
    const other = await signedInAs(t, 'data_steward', 'minzdrav');
    const org = await findOrganizationBySlug(t.deps.db, 'minobr');
    const res = await other.post(
      '/manage/opendata/new',
      passport({ org: org?.id ?? '', identifier: `${inn}-other` }),
      {
        from: '/manage/opendata/new',
      },
    );
    expect(res.statusCode).toBe(403);
    const page = await other.get(`/manage/opendata/${id}`);
    expect(page.statusCode).toBe(403);
    const editor = await signedInAs(t, 'editor', 'minobr');
    expect((await editor.get('/manage/opendata')).statusCode).toBe(403);
  });
});

describe('uploading data (10.1)', () => {
  const page = () => `/manage/opendata/${id}`;

  it('publishes a valid CSV as the first data version', async () => {
    const res = await steward.post(
      `${page()}/upload`,
      { provenance: 'Первая публикация' },
      {
        from: page(),
        files: [
          csvFile(
            'school,district,pupils,share\r\n"Гимназия № 1, Калининград",Центральный,812,0.91\r\nШкола № 7,"Ленинградский ""северный""",540,\r\n',
          ),
        ],
      },
    );
    expect(res.statusCode).toBe(303);
    const passportPage = await visitor(t.app).get(`/opendata/${id}/`);
    expect(passportPage.statusCode).toBe(200);
    expect(passportPage.body).toContain('property="dc:identifier"');
    expect(passportPage.body).toContain('Первая публикация');
  });

  it('refuses a file in windows-1251 and says to save it as UTF-8; the published version stays', async () => {
    const cp1251 = Buffer.from([
      0x73, 0x63, 0x68, 0x6f, 0x6f, 0x6c, 0x0d, 0x0a, 0xd8, 0xea, 0xee, 0xeb, 0xe0,
    ]);
    const res = await steward.post(
      `${page()}/upload`,
      { provenance: 'Обновление' },
      { from: page(), files: [{ field: 'file', name: 'schools.csv', type: 'text/csv', data: cp1251 }] },
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('не в кодировке UTF-8');
    expect(res.body).toContain('опубликованной остаётся прежняя версия');
    expect(res.body).toContain('value="Обновление"');
  });

  it('refuses semicolons as the delimiter', async () => {
    const res = await steward.post(
      `${page()}/upload`,
      { provenance: 'Обновление' },
      { from: page(), files: [csvFile('school;district;pupils;share\r\nШкола;Центр;1;0.5\r\n')] },
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Разделитель столбцов должен быть запятой');
  });

  it('shows the first errors by row and column: ragged rows, types, required values', async () => {
    const res = await steward.post(
      `${page()}/upload`,
      { provenance: 'Обновление' },
      {
        from: page(),
        files: [
          csvFile(
            [
              'school,district,pupils,share',
              'Школа № 1,Центральный,100,0.5',
              'Школа № 2,Центральный,сто,0.5',
              'Школа № 3,,10,0,5',
              'Школа № 4,Московский,10,0,5',
              'Школа № 5,Московский,12,"0,7"',
            ].join('\r\n'),
          ),
        ],
      },
    );
    expect(res.statusCode).toBe(422);
    const rows = [...res.body.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)].map((m) =>
      (m[1] ?? '').replace(/<[^>]+>/g, '|').replace(/\|+/g, '|'),
    );
    expect(rows).toContainEqual(expect.stringMatching(/\|3\|pupils\|Нужно целое число\|/));
    expect(rows).toContainEqual(expect.stringMatching(/\|4\|—\|В строке 5 значений, а столбцов 4\|/));
    expect(rows).toContainEqual(expect.stringMatching(/\|6\|share\|Дробную часть отделяйте точкой/));
    // nothing new was published: the passport still lists one version
    const meta = await visitor(t.app).get(`/opendata/${id}/meta.csv`);
    expect(meta.body.match(/^data-/gm)).toHaveLength(1);
  });

  it('refuses a quote left open and names the row it starts on', async () => {
    const res = await steward.post(
      `${page()}/upload`,
      { provenance: 'Обновление' },
      {
        from: page(),
        files: [
          csvFile(
            'school,district,pupils,share\r\n"Школа\r\n№ 1",Центр,1,0.5\r\n\r\n"Школа № 2,Центр,1,0.5\r\n',
          ),
        ],
      },
    );
    expect(res.statusCode).toBe(422);
    const rows = [...res.body.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)].map((m) =>
      (m[1] ?? '').replace(/<[^>]+>/g, '|').replace(/\|+/g, '|'),
    );
    expect(rows).toContainEqual(expect.stringMatching(/\|5\|—\|Кавычки не закрыты/));
  });

  it('refuses a header that differs from the structure', async () => {
    const res = await steward.post(
      `${page()}/upload`,
      { provenance: 'Обновление' },
      { from: page(), files: [csvFile('name,district,pupils,share\r\nШкола,Центр,1,0.5\r\n')] },
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Первая строка должна содержать имена столбцов: school,district,pupils,share');
  });

  it('publishes an XLSX as a new data version; the old one stays downloadable', async () => {
    t.deps.clock.set('2026-04-01T10:30:00Z');
    // a month later: a fresh session (the first one has aged out)
    steward = await sessionFor(t, steward);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('data');
    ws.addRow(['school', 'district', 'pupils', 'share']);
    ws.addRow(['Гимназия № 1, Калининград', 'Центральный', 830, 0.93]);
    ws.addRow(['Школа № 7', 'Ленинградский', 551, 0.5]);
    ws.addRow(['Школа № 9', 'Московский', 402, null]);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await steward.post(
      `${page()}/upload`,
      { provenance: 'Данные на 1 апреля' },
      {
        from: page(),
        files: [
          {
            field: 'file',
            name: 'schools.xlsx',
            type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            data,
          },
        ],
      },
    );
    expect(res.statusCode).toBe(303);
    const meta = await visitor(t.app).get(`/opendata/${id}/meta.csv`);
    const { rows } = await readCsv(meta.body);
    const versions = rows.filter((r) => r[0]?.startsWith('data-'));
    expect(versions.map((r) => r[0])).toEqual([
      'data-20260401T1030-structure-20260302T0900',
      'data-20260302T0900-structure-20260302T0900',
    ]);
    const old = await visitor(t.app).get(new URL(versions[1]?.[1] ?? '').pathname);
    expect(old.statusCode).toBe(200);
    expect(old.body).toContain('Школа № 7,"Ленинградский ""северный""",540,');
  });

  it('a new structure version: the next upload is checked against it and both versions stay listed', async () => {
    t.deps.clock.set('2026-05-01T08:00:00Z');
    steward = await sessionFor(t, steward);
    const res = await steward.post(
      `${page()}/structure`,
      { structure: `${STRUCTURE}\nopened,Opened,Дата открытия,date` },
      { from: page() },
    );
    expect(res.statusCode).toBe(303);
    const stale = await steward.post(
      `${page()}/upload`,
      { provenance: 'Без новой колонки' },
      { from: page(), files: [csvFile('school,district,pupils,share\r\nШкола,Центр,1,0.5\r\n')] },
    );
    expect(stale.statusCode).toBe(422);
    const ok = await steward.post(
      `${page()}/upload`,
      { provenance: 'Добавлена дата открытия' },
      {
        from: page(),
        files: [csvFile('school,district,pupils,share,opened\r\nШкола № 1,Центр,1,0.5,1961-09-01\r\n')],
      },
    );
    expect(ok.statusCode).toBe(303);
    const meta = await readCsv((await visitor(t.app).get(`/opendata/${id}/meta.csv`)).body);
    expect(meta.rows.filter((r) => r[0]?.startsWith('structure-')).map((r) => r[0])).toEqual([
      'structure-20260501T0800',
      'structure-20260302T0900',
    ]);
    expect(meta.rows.find((r) => r[0]?.startsWith('data-'))?.[0]).toBe(
      'data-20260501T0800-structure-20260501T0800',
    );
  });
});

describe('the methodology 3.0 files', () => {
  it('a newcomer reads list.csv, follows it to meta.csv and to the newest data file, and reads the data', async () => {
    const v = visitor(t.app);
    const list = await v.get('/opendata/list.csv');
    expect(list.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(list.body.startsWith('property,title,value,format\r\n')).toBe(true);
    const reg = await readCsv(list.body);
    expect(reg.headers).toEqual(['property', 'title', 'value', 'format']);
    expect(reg.rows[0]).toEqual([
      'standardversion',
      'Версия методических рекомендаций',
      'http://opendata.gosmonitor.ru/standard/3.0',
      '',
    ]);
    const entry = reg.rows.find((r) => r[0] === id);
    expect(entry?.[3]).toBe('csv');
    const meta = await readCsv((await v.get(new URL(entry?.[2] ?? '').pathname)).body);
    const prop = (k: string) => meta.rows.find((r) => r[0] === k)?.[1];
    expect(prop('identifier')).toBe(id);
    expect(prop('publishermbox')).toBe('opendata@minobr.example.ru');
    expect(prop('modified')).toBe('20260501');
    expect(prop('provenance')).toBe('Добавлена дата открытия');
    // the newest data version is the first data- row
    const newest = meta.rows.find((r) => r[0]?.startsWith('data-'));
    const data = await v.get(new URL(newest?.[1] ?? '').pathname);
    expect(data.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(data.body.charCodeAt(0)).not.toBe(0xfeff);
    const table = await readCsv(data.body);
    expect(table.headers).toEqual(['school', 'district', 'pupils', 'share', 'opened']);
    expect(table.rows).toEqual([['Школа № 1', 'Центр', '1', '0.5', '1961-09-01']]);
  });

  it('serves the register, the passport and the data as JSON and XML too, and structure.csv', async () => {
    const v = visitor(t.app);
    const list = (await v.get('/opendata/list.json')).json();
    expect(list.standardversion).toBe('http://opendata.gosmonitor.ru/standard/3.0');
    expect(list.meta.find((m: { identifier: string }) => m.identifier === id)?.link).toMatch(/meta\.json$/);
    expect((await v.get('/opendata/list.xml')).body).toContain(`<identifier>${id}</identifier>`);
    const meta = (await v.get(`/opendata/${id}/meta.json`)).json();
    expect(meta.publisher).toEqual({
      name: 'Иванова Анна Андреевна',
      phone: '+7 4012 000-000',
      mbox: 'opendata@minobr.example.ru',
    });
    expect(meta.data).toHaveLength(3);
    const metaXml = (await v.get(`/opendata/${id}/meta.xml`)).body;
    expect(metaXml).toContain('<dataversion>');
    const old = meta.data[1].source.replace(/\.csv$/, '');
    const json = (await v.get(`${new URL(old).pathname}.json`)).json();
    expect(json[0]).toEqual({
      school: 'Гимназия № 1, Калининград',
      district: 'Центральный',
      pupils: 830,
      share: 0.93,
    });
    expect(json[2].share).toBeNull();
    const xml = (await v.get(`${new URL(old).pathname}.xml`)).body;
    expect(xml).toContain('<school>Гимназия № 1, Калининград</school>');
    const structure = await v.get(new URL(meta.structure[1].source).pathname);
    expect(structure.body).toBe(
      'field name,english description,russian description,format\r\nschool,School,Наименование школы,string\r\ndistrict,District,Район,string\r\npupils,Pupils,Число учеников,integer\r\nshare,"Share, graduates",Доля выпускников,float\r\n',
    );
  });

  it('lists the dataset on the region’s register and on the body’s own; unknown files are 404', async () => {
    const v = visitor(t.app);
    const region = await v.get('/opendata/');
    expect(region.statusCode).toBe(200);
    expect(region.body).toContain(`href="/opendata/${id}/"`);
    const body = await v.get('/orgs/minobr/opendata/');
    expect(body.statusCode).toBe(200);
    expect(body.body).toContain('Школы области, число учеников');
    expect((await v.get('/orgs/minzdrav/opendata/')).body).not.toContain('Школы области');
    expect((await v.get(`/opendata/${id}/data-20200101T0000-structure-20200101T0000.csv`)).statusCode).toBe(
      404,
    );
    expect((await v.get('/opendata/1234567890-nothing/')).statusCode).toBe(404);
    expect((await v.get('/opendata/list.txt')).statusCode).toBe(404);
  });

  it('says that a demo body’s ИНН in an identifier is a placeholder, and stops once the ИНН is real', async () => {
    const v = visitor(t.app);
    const demoNote = `${inn} — условный ИНН (налоговой инспекции с кодом 3999 нет)`;
    expect((await v.get(`/opendata/${id}/`)).body).toContain(demoNote);
    expect((await v.get('/opendata/')).body).toContain('идентификаторы наборов начинаются с условных ИНН');
    // an administrator confirms the body's ИНН as real: the notes go
    await t.deps.db.update(organizations).set({ innIsDemo: false }).where(eq(organizations.inn, inn));
    expect((await v.get(`/opendata/${id}/`)).body).not.toContain(demoNote);
    expect((await v.get('/orgs/minobr/opendata/')).body).not.toContain('условных ИНН');
  });
});

describe('search and Atom (as every module)', () => {
  it('finds the dataset in the portal’s search and lists it in the documents feed', async () => {
    const v = visitor(t.app);
    const found = await v.get(`/search?q=${encodeURIComponent('школы учеников')}`);
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain(`href="/opendata/${id}/"`);
    expect(found.body).toContain('Набор открытых данных');
    const feed = await v.get('/feeds/documents.atom');
    expect(feed.body).toContain('Школы области, число учеников');
    expect(feed.body).toContain(`/opendata/${id}/`);
    // a word that is in no dataset finds none
    expect((await v.get(`/search?q=${encodeURIComponent('дирижабли')}`)).body).not.toContain('/opendata/');
  });
});
