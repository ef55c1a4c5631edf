import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { sessionFor } from '../../../test/auth.ts';
import { visitor } from '../../../test/forms.ts';
import { generateAll } from '../../generate.ts';
import { seed } from '../../seed.ts';
import { listGeneratedPool } from '../accounts/index.ts';

/*
 * The monitoring generator (issue 11) on a real database after the
 * organisations, accounts and appeals generators: one completed cycle over
 * every body and municipality, published, whose pages open for the public and
 * whose diagnostic opens for the project office.
 */
let t: TestApp;
let report: Record<string, number>;
const until = new Date('2026-03-01T12:00:00+02:00');

/** The named generators only, in their dependency order, as `npm run generate` runs them. */
const run = (names: string[], scale: number) => generateAll(t.deps, { scale, seed: 5, until, only: names });
const rows = async <T>(q: ReturnType<typeof sql>) => (await t.deps.db.execute(q)).rows as T[];

beforeAll(async () => {
  t = await createTestApp();
  await seed(t.deps);
  report = (await run(['orgs', 'accounts', 'appeals', 'monitoring'], 0.002)).monitoring as Record<
    string,
    number
  >;
}, 300_000);
afterAll(() => t.close());

describe('the monitoring generator', () => {
  it('publishes the year before the history’s last over every body and municipality', async () => {
    const [rated] = await rows<{ n: number }>(
      sql`select count(*)::int as n from organizations where level in ('executive', 'municipal')`,
    );
    expect(report).toMatchObject({ cycles: 1, organisations: rated?.n });
    const [c] = await rows<{ status: string; results: number; experts: number; reconciled: number }>(sql`
      select c.status,
             (select count(*)::int from monitoring_results r where r.cycle_id = c.id) as results,
             (select count(distinct expert_user_id)::int from monitoring_expert_assignments a where a.cycle_id = c.id) as experts,
             (select count(*)::int from monitoring_reconciliations x where x.cycle_id = c.id) as reconciled
        from monitoring_cycles c where c.year = 2025`);
    expect(c).toMatchObject({ status: 'published', results: rated?.n, reconciled: report.reconciled });
    expect(c?.experts).toBeGreaterThan(1);
    // experts far apart were reconciled: without it the rating could not be published
    expect(report.reconciled).toBeGreaterThan(0);
    // every organisation was scored by two experts
    const single = await rows(sql`
      select org_id from monitoring_expert_assignments group by org_id having count(*) <> 2`);
    expect(single).toEqual([]);
    // a second run leaves the published cycle alone
    expect((await run(['monitoring'], 0.002)).monitoring).toEqual({ cycles: 0 });
  });

  it('opens the rating, an organisation in it, its API and the diagnostic', async () => {
    const v = visitor(t.app);
    const rating = await v.get('/rating/2025');
    expect(rating.statusCode).toBe(200);
    const [top] = await rows<{ slug: string; name: string }>(sql`
      select o.slug, o.name_ru as name from monitoring_results r join organizations o on o.id = r.org_id
       where r.level = 'executive' order by r.rank limit 1`);
    expect(rating.body).toContain(`/rating/2025/${top?.slug}`);
    expect((await v.get(`/rating/2025/${top?.slug}`)).statusCode).toBe(200);
    expect((await v.get(`/orgs/${top?.slug}/rating`)).statusCode).toBe(200);
    const api = await v.get('/api/v1/ratings/2025');
    expect(api.statusCode).toBe(200);
    expect(JSON.parse(api.body).items.length).toBe(report.organisations);
    expect((await v.get(`/api/v1/ratings/2025/${top?.slug}`)).statusCode).toBe(200);
    const { projectOffice } = await listGeneratedPool(t.deps.db);
    const office = await sessionFor(t, {
      userId: projectOffice as string,
      email: 'project.office@generated.example',
      password: '',
    });
    expect((await office.get(`/manage/monitoring/diagnostic/${top?.slug}`)).statusCode).toBe(200);
  });
});
