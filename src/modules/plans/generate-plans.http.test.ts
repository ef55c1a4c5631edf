import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { type GenerateContext, Random, streamSeed } from '../../platform/generate/index.ts';
import { seedOrganizations } from '../orgs/index.ts';
import { generatePlans } from './generate-plans.ts';

let t: TestApp;
const ctx = (): GenerateContext => ({
  deps: t.deps,
  scale: 0.01,
  seed: 7,
  until: new Date('2026-03-01T12:00:00+02:00'),
  random: (name) => new Random(streamSeed(7, name)),
  progress: () => {},
});

beforeAll(async () => {
  t = await createTestApp();
  await seedOrganizations(t.deps);
});
afterAll(async () => {
  await t?.close();
});

describe('npm run generate: plans', () => {
  it('gives every body its plans with trees, targets and reported values, searchable, on its pages and in the API', async () => {
    const report = await generatePlans(ctx());
    const orgs = Number((await t.deps.db.$client.query('select count(*) from organizations')).rows[0].count);
    // three kinds × two three-year periods within the five years, for every body
    expect(report.plans).toBe(orgs * 6);
    expect(report.actuals).toBeGreaterThan(0);
    const q = async (sql: string) => Number((await t.deps.db.$client.query(sql)).rows[0].n);
    expect(await q("select count(*) as n from plan_items where kind = 'indicator'")).toBe(
      orgs * 6 * 2 * 2 * 3,
    );
    // no reported value after the generated history's end
    expect(await q("select count(*) as n from plan_actuals where reported_on > '2026-03-01'")).toBe(0);
    expect(await q("select count(*) as n from search_entries where type = 'plan'")).toBe(orgs * 3);

    const list = await t.app.inject('/orgs/minzdrav/plans');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('План по открытости: Министерство здравоохранения');
    const api = await t.app.inject('/api/v1/plans?organization=minzdrav&perPage=100');
    const body = api.json() as { items: { progress: number | null; url: string }[] };
    expect(body.items).toHaveLength(6);
    // plans whose years have reported values have a computed progress
    expect(body.items.some((p) => typeof p.progress === 'number')).toBe(true);
    const page = await t.app.inject(new URL(body.items[0]?.url as string).pathname);
    expect(page.statusCode).toBe(200);
  });
});
