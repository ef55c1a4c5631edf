import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { organizations } from '../../schema.ts';
import { regionData } from '../data/index.ts';
import { seedOrganizations } from '../index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedOrganizations(t.deps, { demoOfficials: true });
});
afterAll(async () => {
  await t?.close();
});

const getJson = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url });
  return { status: res.statusCode, type: res.headers['content-type'] as string, body: res.json() };
};

describe('GET /api/v1/organizations', () => {
  it('lists the government, every executive body and every municipality', async () => {
    const { status, body } = await getJson('/api/v1/organizations?perPage=100');
    expect(status).toBe(200);
    expect(body.total).toBe(regionData.organizations.length);
    const slugs = body.items.map((o: { slug: string }) => o.slug);
    for (const o of regionData.organizations) expect(slugs, o.slug).toContain(o.slug);
    expect(body.items[0]).toMatchObject({ slug: 'government', kind: 'government', parent: null });
    const minzdrav = body.items.find((o: { slug: string }) => o.slug === 'minzdrav');
    expect(minzdrav).toMatchObject({
      kind: 'ministry',
      level: 'executive',
      parent: 'government',
      name: { ru: 'Министерство здравоохранения Калининградской области' },
      inn: null,
    });
    expect(minzdrav.url).toBe(`${t.deps.config.publicUrl}/orgs/minzdrav`);
  });

  it('filters by kind and level and pages', async () => {
    const mun = await getJson('/api/v1/organizations?level=municipal&perPage=100');
    expect(mun.body.total).toBe(22);
    expect(mun.body.items.every((o: { level: string }) => o.level === 'municipal')).toBe(true);
    const city = await getJson('/api/v1/organizations?kind=municipal_city_okrug');
    expect(city.body.total).toBe(7);
    const p1 = await getJson('/api/v1/organizations?perPage=10&page=1');
    const p2 = await getJson('/api/v1/organizations?perPage=10&page=2');
    expect(p1.body.items).toHaveLength(10);
    expect(p2.body).toMatchObject({ page: 2, perPage: 10, total: regionData.organizations.length });
    const overlap = p1.body.items.filter((a: { slug: string }) =>
      p2.body.items.some((b: { slug: string }) => b.slug === a.slug),
    );
    expect(overlap).toEqual([]);
  });

  it('refuses unknown fields and bad values with 400 problem+json', async () => {
    for (const url of [
      '/api/v1/organizations?foo=1',
      '/api/v1/organizations?kind=castle',
      '/api/v1/organizations?perPage=1000',
      '/api/v1/organizations?page=0',
    ]) {
      const { status, type, body } = await getJson(url);
      expect(status, url).toBe(400);
      expect(type, url).toContain('application/problem+json');
      expect(body.code, url).toBe('invalid_request');
    }
  });
});

describe('GET /api/v1/organizations/{slug}', () => {
  it('gives the organisation with sections, officials and subordinate bodies', async () => {
    const { status, body } = await getJson('/api/v1/organizations/government');
    expect(status).toBe(200);
    expect(body.head.position).toBe('Губернатор Калининградской области');
    expect(body.sections.map((s: { key: string }) => s.key)).toContain('open_government');
    expect(body.sections.every((s: { filled: boolean }) => s.filled === false)).toBe(true);
    expect(body.officials.length).toBe(6);
    expect(body.officials.every((o: { demo: boolean }) => o.demo)).toBe(true);
    expect(body.children.length).toBe(regionData.organizations.filter((o) => o.level === 'executive').length);
  });

  it('VI.1: names each municipality’s official responsible for openness', async () => {
    const { body } = await getJson('/api/v1/organizations?level=municipal&perPage=100');
    for (const m of body.items as { slug: string }[]) {
      const one = await getJson(`/api/v1/organizations/${m.slug}`);
      const openness = one.body.officials.filter((o: { duty: string }) => o.duty === 'openness');
      expect(openness, m.slug).toHaveLength(1);
      expect(openness[0], m.slug).toMatchObject({ position: 'Координатор по открытости' });
      expect(
        one.body.sections.map((s: { key: string }) => s.key),
        m.slug,
      ).toContain('open_municipality');
    }
  });

  it('publishes a real ИНН once staff enter it, never a placeholder', async () => {
    for (const o of regionData.organizations) {
      const { body } = await getJson(`/api/v1/organizations/${o.slug}`);
      expect(body.inn, o.slug).toBeNull();
    }
    await t.deps.db
      .update(organizations)
      .set({ inn: '7707083893', innIsDemo: false })
      .where(eq(organizations.slug, 'minfin'));
    expect((await getJson('/api/v1/organizations/minfin')).body.inn).toBe('7707083893');
    const page = await t.app.inject('/orgs/minfin');
    expect(page.body).toContain('7707083893');
  });

  it('answers 404 problem+json for an unknown slug and 400 for unknown query fields', async () => {
    const nf = await getJson('/api/v1/organizations/no-such-body');
    expect(nf.status).toBe(404);
    expect(nf.type).toContain('application/problem+json');
    expect(nf.body).toMatchObject({ status: 404, code: 'not_found' });
    const bad = await getJson('/api/v1/organizations/minzdrav?expand=all');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invalid_request');
  });
});
