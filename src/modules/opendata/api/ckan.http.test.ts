import type { AddressInfo } from 'node:net';
// @ts-expect-error the ckan client ships no types
import CKAN from 'ckan';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { seedOrganizations } from '../../orgs/index.ts';
import { seedDemoOpendata } from '../seed-demo-opendata.ts';

/** What CKAN answers; `result` is read field by field as a harvester does (JSON of any shape). */
// biome-ignore lint/suspicious/noExplicitAny: a CKAN result is arbitrary JSON read by path in the assertions
type Envelope = { help: string; success: boolean; result?: any; error?: Record<string, unknown> };

let t: TestApp;
let client: { action(name: string, data: unknown, cb: (err: unknown, body: Envelope) => void): void };
let origin: string;

/** One action through the ckan npm client (it POSTs JSON, as ckan.js does in browsers). */
const action = (name: string, data: Record<string, unknown> = {}) =>
  new Promise<Envelope>((resolve, reject) =>
    client.action(name, data, (err, body) => (err ? reject(new Error(String(err))) : resolve(body))),
  );

beforeAll(async () => {
  t = await createTestApp();
  await seedOrganizations(t.deps);
  t.deps.clock.set('2026-03-02T09:00:00Z');
  await seedDemoOpendata(t.deps);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  client = new CKAN.Client(origin);
});
afterAll(() => t.close());

describe('the CKAN Action API read by the ckan npm client', () => {
  it('lists the packages by name, and shows each with its organisation, tags, extras and resources', async () => {
    const list = await action('package_list');
    expect(list.success).toBe(true);
    expect(list.help).toMatch(/\/api\/3\/action\/help_show\?name=package_list$/);
    expect(list.result).toHaveLength(5);
    expect(list.result).toEqual([...list.result].sort());
    const medorgs = (list.result as string[]).find((n) => n.endsWith('-medorgs')) as string;
    const show = await action('package_show', { id: medorgs });
    const p = show.result;
    expect(p.name).toBe(medorgs);
    expect(p.type).toBe('dataset');
    expect(p.organization).toMatchObject({
      name: 'minzdrav',
      is_organization: true,
      type: 'organization',
      approval_status: 'approved',
    });
    expect(p.tags.map((x: { name: string }) => x.name)).toContain('больницы');
    expect(p.extras).toContainEqual({
      key: 'standardversion',
      value: 'http://opendata.gosmonitor.ru/standard/3.0',
    });
    // two data versions and one structure version, newest data first
    expect(p.num_resources).toBe(3);
    expect(p.resources[0].description).toBe('Добавлена Черняховская ЦРБ');
    expect(p.resources[0].format).toBe('CSV');
    expect(p.metadata_modified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+$/);
    // the resource's URL is a real file of the register
    const res = await action('resource_show', { id: p.resources[0].id });
    expect(res.result.url).toBe(p.resources[0].url);
    const file = await fetch(`${origin}${new URL(res.result.url).pathname}`);
    expect(await file.text()).toContain('Черняховская центральная районная больница');
  });

  it('searches with q, fq on organisation, tags and modified ranges, pages with rows and start, and counts facets', async () => {
    const all = await action('package_search', {
      q: '*:*',
      rows: 2,
      start: 0,
      sort: 'name asc',
      'facet.field': '["organization","groups"]',
    });
    expect(all.result.count).toBe(5);
    expect(all.result.results).toHaveLength(2);
    expect(all.result.search_facets.organization.items).toContainEqual({
      name: 'minzdrav',
      display_name: expect.stringContaining('здравоохранения'),
      count: 1,
    });
    const next = await action('package_search', { rows: 2, start: 4, sort: 'name asc' });
    expect(next.result.results).toHaveLength(1);
    const byOrg = await action('package_search', { fq: 'organization:minobr OR organization:svetly' });
    expect(
      byOrg.result.results.map((r: { organization: { name: string } }) => r.organization.name).sort(),
    ).toEqual(['minobr', 'svetly']);
    const notOrg = await action('package_search', { fq: '-organization:minobr' });
    expect(notOrg.result.count).toBe(4);
    const udata = await action('package_search', {
      q: 'organization:kaliningrad AND tags:транспорт',
      rows: 1000,
    });
    expect(udata.result.count).toBe(1);
    const words = await action('package_search', { q: 'школы' });
    expect(words.result.results[0].name).toMatch(/-schools$/);
    const fresh = await action('package_search', { fq: 'metadata_modified:[2026-03-01T00:00:00Z TO *]' });
    expect(fresh.result.count).toBe(5);
    const none = await action('package_search', { fq: 'metadata_modified:[2027-01-01T00:00:00Z TO *]' });
    expect(none.result.count).toBe(0);
  });

  it('lists organisations, groups and tags, and shows an organisation with its datasets', async () => {
    const orgs = await action('organization_list', { all_fields: true, limit: 1000 });
    expect(orgs.result.find((o: { name: string }) => o.name === 'minzdrav').package_count).toBe(1);
    const names = await action('organization_list');
    expect(names.result).toContain('government');
    const org = await action('organization_show', { id: 'minobr', include_datasets: true });
    expect(org.result.packages).toHaveLength(1);
    const groups = await action('group_list');
    expect(groups.result).toContain('health');
    const group = await action('group_show', { id: 'transport', include_datasets: true });
    expect(group.result.package_count).toBe(1);
    const tags = await action('tag_list', { query: 'шк' });
    expect(tags.result).toEqual(['школы']);
    const status = await action('status_show');
    expect(status.result.ckan_version).toMatch(/^2\./);
  });
});

describe('CKAN errors and GET parameters', () => {
  const get = async (path: string) => {
    const res = await fetch(`${origin}${path}`);
    return { status: res.status, body: await res.json() };
  };

  it('answers GET query parameters as POST bodies, and /api/util/status', async () => {
    const r = await get('/api/3/action/package_search?fq=organization:minzdrav&rows=5');
    expect(r.status).toBe(200);
    expect(r.body.result.count).toBe(1);
    expect((await get('/api/action/package_list')).body.result).toHaveLength(5);
    expect((await get('/api/util/status')).body.site_url).toBeTypeOf('string');
  });

  it('an unknown action is 400 with CKAN’s sentence', async () => {
    const r = await get('/api/3/action/package_explode');
    expect(r.status).toBe(400);
    expect(r.body).toBe('Bad request: Action name not known: package_explode');
  });

  it('an unknown package is 404 Not Found Error; a missing id is 409 Validation Error with the field', async () => {
    const missing = await get('/api/3/action/package_show?id=0000000000-nothing');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ success: false, error: { __type: 'Not Found Error' } });
    const noId = await get('/api/3/action/package_show');
    expect(noId.status).toBe(409);
    expect(noId.body.error).toEqual({ __type: 'Validation Error', id: ['Missing value'] });
    const badRows = await get('/api/3/action/package_search?rows=many');
    expect(badRows.status).toBe(409);
    expect(badRows.body.error.rows).toEqual(['Invalid integer']);
  });

  it('a broken query is 400 Search Query Error; rows above 1000 are cut to 1000', async () => {
    const broken = await get('/api/3/action/package_search?fq=metadata_modified:[2026-01-01');
    expect(broken.status).toBe(400);
    expect(broken.body.error.__type).toBe('Search Query Error');
    const unknownField = await get('/api/3/action/package_search?q=colour:red');
    expect(unknownField.status).toBe(400);
    const many = await get('/api/3/action/package_search?rows=5000');
    expect(many.status).toBe(200);
    expect(many.body.result.results).toHaveLength(5);
  });
});
