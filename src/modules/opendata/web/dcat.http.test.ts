import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { Parser, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { Schema, Table } from 'tableschema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { visitor } from '../../../../test/forms.ts';
import { seedOrganizations } from '../../orgs/index.ts';
import { seedDemoOpendata } from '../seed-demo-opendata.ts';

const shapesOf = (name: string) =>
  new Store(
    new Parser().parse(
      readFileSync(new URL(`../../../../test/fixtures/dcat-ap-3.0.0/${name}`, import.meta.url), 'utf8'),
    ),
  );

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedOrganizations(t.deps);
  t.deps.clock.set('2026-03-02T09:00:00Z');
  await seedDemoOpendata(t.deps);
});
afterAll(() => t.close());

describe('DCAT-AP 3 catalogue', () => {
  it('/catalog.ttl conforms to the DCAT-AP 3.0.0 SHACL shapes, mandatory and recommended', async () => {
    const res = await visitor(t.app).get('/catalog.ttl');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/turtle; charset=utf-8');
    const data = new Store(new Parser({ baseIRI: 'http://example.org/' }).parse(res.body));
    const dcat = 'http://www.w3.org/ns/dcat#';
    expect(
      data.getSubjects('http://www.w3.org/1999/02/22-rdf-syntax-ns#type', `${dcat}Dataset`, null),
    ).toHaveLength(5);
    expect(
      data.getSubjects('http://www.w3.org/1999/02/22-rdf-syntax-ns#type', `${dcat}Distribution`, null),
    ).toHaveLength(6);
    for (const shapes of ['shapes.ttl', 'shapes_recommended.ttl']) {
      const report = await new SHACLValidator(shapesOf(shapes)).validate(data);
      const problems = report.results.map(
        (r) => `${r.focusNode?.value} ${r.path?.value}: ${r.message.map((m) => m.value).join('; ')}`,
      );
      expect(problems, shapes).toEqual([]);
      expect(report.conforms).toBe(true);
    }
  });

  it('a catalogue that misses what the shapes require does not conform (the check can fail)', async () => {
    const res = await visitor(t.app).get('/catalog.ttl');
    const broken = res.body.replace(/^\s+dct:description .*;$/gm, '');
    const report = await new SHACLValidator(shapesOf('shapes.ttl')).validate(
      new Store(new Parser().parse(broken)),
    );
    expect(report.conforms).toBe(false);
  });

  it('serves the same graph as JSON-LD, pages with Hydra, and each dataset alone', async () => {
    const v = visitor(t.app);
    const jsonld = (await v.get('/catalog.jsonld')).json() as { '@id': string; '@type'?: string[] }[];
    expect(jsonld.filter((n) => n['@type']?.includes('http://www.w3.org/ns/dcat#Dataset'))).toHaveLength(5);
    const view = jsonld.find((n) =>
      n['@type']?.includes('http://www.w3.org/ns/hydra/core#PartialCollectionView'),
    ) as Record<string, unknown>;
    expect(view['http://www.w3.org/ns/hydra/core#totalItems']).toEqual([
      { '@value': '5', '@type': 'http://www.w3.org/2001/XMLSchema#integer' },
    ]);
    expect((await v.get('/catalog.ttl?page=2')).statusCode).toBe(404);
    const one = await v.get('/opendata/');
    const id = /href="\/opendata\/(\d+-schools)\/"/.exec(one.body)?.[1];
    const ttl = await v.get(`/dataset/${id}.ttl`);
    expect(ttl.statusCode).toBe(200);
    expect(new Store(new Parser().parse(ttl.body)).size).toBeGreaterThan(10);
  });
});

describe('datapackage.json and the rows API', () => {
  it('a generated dataset validates with tableschema against the schema datapackage.json gives', async () => {
    const v = visitor(t.app);
    const id = /href="\/opendata\/(\d+-investsites)\/"/.exec((await v.get('/opendata/')).body)?.[1];
    const pkg = (await v.get(`/opendata/${id}/datapackage.json`)).json();
    const resource = pkg.resources[0];
    expect(resource.schema.fields.map((f: { type: string }) => f.type)).toEqual([
      'string',
      'string',
      'number',
      'boolean',
    ]);
    const csv = (await v.get(new URL(resource.path).pathname)).body;
    const schema = await Schema.load(resource.schema);
    expect(schema.valid).toBe(true);
    const table = await Table.load(() => Readable.from([csv]), { schema, headers: 1 });
    const rows = (await table.read({ cast: true })) as unknown as unknown[][];
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual([
      'Промышленный парк «Черняховск»',
      'Черняховский муниципальный округ',
      183.5,
      true,
    ]);
    // and the check can fail: a text in the number column does not cast
    const bad = await Table.load(() => Readable.from([csv.replace('183.5', 'много')]), {
      schema,
      headers: 1,
    });
    await expect(bad.read({ cast: true })).rejects.toThrow();
  });

  it('GET /api/v1/datasets/<id>/rows pages the newest version and filters by a column', async () => {
    const v = visitor(t.app);
    const id = /href="\/opendata\/(\d+-medorgs)\/"/.exec((await v.get('/opendata/')).body)?.[1];
    const all = (await v.get(`/api/v1/datasets/${id}/rows?limit=2&offset=1`)).json();
    expect(all.total).toBe(4);
    expect(all.records.map((r: { name: string }) => r.name)).toEqual([
      'ГБУЗ «Городская поликлиника № 1»',
      'ГБУЗ «Детская областная больница»',
    ]);
    expect(all.records[1].beds).toBe(420);
    const f = (
      await v.get(`/api/v1/datasets/${id}/rows?profile=${encodeURIComponent('многопрофильная')}`)
    ).json();
    expect(f.total).toBe(2);
    const bad = await v.get(`/api/v1/datasets/${id}/rows?colour=red`);
    expect(bad.statusCode).toBe(422);
    expect((await v.get(`/api/v1/datasets/${id}/rows?limit=0`)).statusCode).toBe(400);
    expect((await v.get('/api/v1/datasets/0000000000-none/rows')).statusCode).toBe(404);
  });
});
