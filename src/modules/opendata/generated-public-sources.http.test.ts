import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { Schema, Table } from 'tableschema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { visitor } from '../../../test/forms.ts';
import { userActor } from '../../platform/authz/index.ts';
import { DEMO_AUTHOR_DOMAIN, seedDemoPublicAppeals } from '../appeals/public-side.ts';
import { seedDemoCouncils } from '../councils/index.ts';
import { findOrganizationBySlug, seedOrganizations } from '../orgs/index.ts';
import { seedDemoPlans } from '../plans/index.ts';
import { documentInput, publicDocumentRegister, publishDocument } from '../publications/index.ts';
import { checkData } from './check-data.ts';
import { regenerateSources } from './generated-sources.ts';
import { opendataRepository as repo } from './opendata.repository.ts';

/*
 * The datasets built from appeals, the FAQ, plans and councils (task 10.4),
 * read as a newcomer reads them: list.csv → the passport's meta.json → the
 * newest data file, checked against the dataset's own structure by the
 * portal's upload check and by tableschema against datapackage.json.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.deps.clock.set('2026-03-02T09:00:00Z');
  await seedOrganizations(t.deps, { demoOfficials: true });
  await seedDemoPublicAppeals(t.deps);
  await seedDemoPlans(t.deps);
  await seedDemoCouncils(t.deps);
  // three documents of Минздрав and one of Минфин: the documents registers, the body's and the region's
  for (const [slug, n] of [
    ['minzdrav', 3],
    ['minfin', 1],
  ] as const) {
    const org = await findOrganizationBySlug(t.deps.db, slug);
    const editor = {
      actor: userActor(crypto.randomUUID(), [{ role: 'editor', orgId: org?.id ?? '' }]),
      ip: null,
    };
    for (let i = 1; i <= n; i++)
      await publishDocument(t.deps, editor, {
        slug,
        doc: documentInput.parse({
          docType: 'приказ',
          docNumber: `${i}-${slug}`,
          docDate: `0${i}.02.2026`,
          docStatus: 'действует',
          title: `Приказ ${i} органа ${slug}`,
          body: '<p>Текст приказа, которого нет в реестре документов.</p>',
        }),
      });
  }
  await regenerateSources(t.deps);
}, 240_000);
afterAll(() => t.close());

/** The newest data file of a dataset found through the public files only, with its datapackage schema. */
async function download(identifier: string): Promise<{ csv: string; schema: Schema; rows: unknown[][] }> {
  const v = visitor(t.app);
  const list = await v.get('/opendata/list.csv');
  expect(list.body).toContain(identifier);
  const meta = (await v.get(`/opendata/${identifier}/meta.json`)).json();
  const res = await v.get(new URL(meta.data[0].source).pathname);
  expect(res.statusCode).toBe(200);
  const pkg = (await v.get(`/opendata/${identifier}/datapackage.json`)).json();
  const schema = await Schema.load(pkg.resources[0].schema);
  const table = await Table.load(() => Readable.from([res.body]), { schema, headers: 1 });
  const rows = (await table.read({ cast: true })) as unknown as unknown[][];
  return { csv: res.body, schema, rows };
}

/** The file passes the portal's own upload check against the dataset's current structure. */
async function validAgainstOwnStructure(identifier: string, csv: string) {
  const ds = await repo.byIdentifier(t.deps.db, identifier);
  const [structure] = await repo.structures(t.deps.db, ds?.id ?? '');
  const checked = await checkData(structure?.columns ?? [], { filename: 'data.csv', data: Buffer.from(csv) });
  expect(checked.ok ? [] : checked.problems).toEqual([]);
}

async function applicantNames(): Promise<string[]> {
  const r = await t.deps.db.execute(sql`select distinct last_name from appeals where last_name <> ''`);
  return r.rows.map((x) => String(x.last_name));
}

const inn = async (slug: string) => (await findOrganizationBySlug(t.deps.db, slug))?.inn as string;

describe('datasets generated from appeals, the FAQ, plans and councils (10.4)', () => {
  it('appeals per body per month: the suppressed public figures, no applicant', async () => {
    const id = `${await inn('minzdrav')}-appeals`;
    const { csv, rows } = await download(id);
    await validAgainstOwnStructure(id, csv);
    expect(csv.split('\r\n')[0]).toBe('org,month,received,answered');
    // the demo has appeals from last July to this March: every month is a row of minzdrav
    expect(rows.map((r) => r[1])).toContain('2025-07');
    expect(rows.map((r) => r[1])).toContain('2026-03');
    expect(rows.every((r) => r[0] === 'minzdrav')).toBe(true);
    // no month shows a count under three; hidden ones are empty
    for (const r of rows) for (const c of [r[2], r[3]]) expect(c === null || (c as number) >= 3).toBe(true);
    expect(rows.some((r) => typeof r[2] === 'number')).toBe(true);
    expect(csv).not.toContain('@');
    for (const name of await applicantNames()) expect(csv).not.toContain(name);
    // the region-wide dataset has every body with appeals
    const region = await download(`${await inn('government')}-regionappeals`);
    expect(new Set(region.rows.map((r) => r[0]))).toEqual(
      new Set(['government', 'minzdrav', 'minobr', 'minsoc', 'mininfra', 'kaliningrad', 'zelenogradsk']),
    );
  });

  it('the FAQ each body published, with no applicant in it', async () => {
    const id = `${await inn('government')}-regionfaq`;
    const { csv, rows } = await download(id);
    await validAgainstOwnStructure(id, csv);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toHaveLength(5);
    expect(csv).not.toContain(DEMO_AUTHOR_DOMAIN);
    for (const name of await applicantNames()) expect(csv).not.toContain(name);
  });

  it('plans’ indicators with targets and actuals per period', async () => {
    const id = `${await inn('government')}-regionindicators`;
    const { csv, rows, schema } = await download(id);
    await validAgainstOwnStructure(id, csv);
    expect(schema.fields.map((f) => f.type).slice(-3)).toEqual(['string', 'number', 'number']);
    expect(rows.length).toBeGreaterThan(0);
    // a row with both a target and an actual, as numbers
    expect(rows.some((r) => typeof r[11] === 'number' && typeof r[12] === 'number')).toBe(true);
    expect(rows.every((r) => String(r[4]).startsWith(`/orgs/${r[0]}/plans/`))).toBe(true);
  });

  it('councils’ current members with the public fields of the council page, no contact', async () => {
    const id = `${await inn('government')}-regioncouncilmembers`;
    const { csv, rows } = await download(id);
    await validAgainstOwnStructure(id, csv);
    expect(csv.split('\r\n')[0]).toBe(
      'org,council,council_kind,council_url,full_name,position,affiliation,term_start,term_end',
    );
    expect(rows.map((r) => r[4])).toContain('Тихонов Борис Аркадьевич');
    expect(csv).not.toContain('@');
    const users = await t.deps.db.execute(sql`select email from users`);
    for (const u of users.rows) expect(csv).not.toContain(String(u.email));
  });

  it('the documents register of a body and of the region: requisites, title, page; no body text', async () => {
    const own = await download(`${await inn('minzdrav')}-documents`);
    await validAgainstOwnStructure(`${await inn('minzdrav')}-documents`, own.csv);
    expect(own.csv.split('\r\n')[0]).toBe('doc_type,number,date,status,title,org,url');
    expect(own.rows.map((r) => r[1]).sort()).toEqual(['1-minzdrav', '2-minzdrav', '3-minzdrav']);
    expect(own.rows.every((r) => String(r[6]).startsWith('/orgs/minzdrav/documents/'))).toBe(true);
    expect(own.csv).not.toContain('Текст приказа');
    const region = await download(`${await inn('government')}-regiondocuments`);
    expect(region.rows.map((r) => r[1]).sort()).toEqual([
      '1-minfin',
      '1-minzdrav',
      '2-minzdrav',
      '3-minzdrav',
    ]);
    // the page of each row is the document's own
    const page = await visitor(t.app).get(String(region.rows[0]?.[6]));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(String(region.rows[0]?.[4]));
  });

  it('the register is read a batch at a time, each row once, whatever the batch size', async () => {
    const batches: string[][] = [];
    for await (const b of publicDocumentRegister(t.deps.db, { orgId: null, batch: 3 }))
      batches.push(b.map((d) => d.docNumber));
    expect(batches.map((b) => b.length)).toEqual([3, 1]);
    expect(new Set(batches.flat()).size).toBe(4);
  });

  it('a second run with nothing changed writes nothing', async () => {
    expect((await regenerateSources(t.deps)).written).toBe(0);
  });
});
