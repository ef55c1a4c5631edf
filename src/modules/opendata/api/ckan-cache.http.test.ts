import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { seedOrganizations } from '../../orgs/index.ts';
import { seedDemoOpendata } from '../seed-demo-opendata.ts';

/*
 * The CKAN API keeps the catalogue it builds for the page cache's time (issue 11: a burst of
 * package_search at the region's scale built all of it on every request): with the cache on, a
 * repeated search reads nothing, and a change shows once that time has passed.
 */
const TTL = 5000;
let t: TestApp;
let statements = 0;
beforeAll(async () => {
  t = await createTestApp({
    env: { PAGE_CACHE_TTL_MS: String(TTL) },
    onStatement: () => {
      statements++;
    },
  });
  await seedOrganizations(t.deps);
  t.deps.clock.set('2026-03-02T09:00:00Z');
  await seedDemoOpendata(t.deps);
});
afterAll(() => t.close());

const search = async (q: string) => {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/3/action/package_search?q=${encodeURIComponent(q)}`,
  });
  expect(res.statusCode).toBe(200);
  return res.json().result as { count: number; results: { name: string; title: string }[] };
};

describe('package_search with the cache on', () => {
  it('builds the catalogue once for its time, then reads it again and shows a change', async () => {
    const first = await search('*:*');
    expect(first.count).toBe(5);
    const before = statements;
    // another query, another action: the same catalogue, no statement
    expect((await search('медицинских')).count).toBeGreaterThan(0);
    const shown = await t.app.inject({
      method: 'GET',
      url: `/api/3/action/package_show?id=${first.results[0]?.name}`,
    });
    expect(shown.json().result.title).toBe(first.results[0]?.title);
    expect(statements).toBe(before);

    const name = first.results[0]?.name as string;
    await t.deps.db.execute(
      sql`update datasets set title = 'Переименованный набор' where identifier = ${name}`,
    );
    // within the time the readers may see the old title (the page cache's rule for public pages)
    expect((await search('*:*')).results.find((r) => r.name === name)?.title).toBe(first.results[0]?.title);
    t.deps.clock.advance(TTL);
    expect((await search('*:*')).results.find((r) => r.name === name)?.title).toBe('Переименованный набор');
    expect(statements).toBeGreaterThan(before);
  });
});
