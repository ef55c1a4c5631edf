import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { visitor } from '../../../test/forms.ts';
import { generateAll } from '../../generate.ts';
import { seed } from '../../seed.ts';

/*
 * The drafts generator (issue 11) on a real database: the organisations and
 * accounts generators first, as `npm run generate` runs them, then the drafts'.
 * Every generated draft must open on its public pages, and the data must keep
 * the module's own rules (a published summary has a position on every proposal).
 */
let t: TestApp;
let report: Record<string, number>;
const until = new Date('2026-03-01T12:00:00+02:00');

/** The named generators only, in their dependency order, as `npm run generate` runs them. */
const run = (names: string[], scale: number) => generateAll(t.deps, { scale, seed: 7, until, only: names });

const rows = async <T>(q: ReturnType<typeof sql>) => (await t.deps.db.execute(q)).rows as T[];

beforeAll(async () => {
  t = await createTestApp();
  await seed(t.deps);
  report = (await run(['orgs', 'accounts', 'drafts'], 0.01)).drafts as Record<string, number>;
}, 300_000);
afterAll(() => t.close());

describe('the drafts generator', () => {
  it('writes drafts at every stage with comments on their units, scaled', async () => {
    expect(report.drafts).toBe(20);
    expect(report.comments).toBeGreaterThan(1500);
    expect(report.discussion).toBeGreaterThan(0);
    expect(report.adopted).toBeGreaterThan(0);
    const [c] = await rows<{ drafts: number; entries: number; anchored: number; comments: number }>(sql`
      select (select count(*)::int from draft_regulations) as drafts,
             (select count(*)::int from search_entries where type = 'draft_regulation') as entries,
             (select count(*)::int from discussion_comments where anchor_id like 'v1:%') as anchored,
             (select count(*)::int from discussion_comments c join discussions d on d.id = c.discussion_id
               where d.object_type = 'draft') as comments`);
    expect(c).toMatchObject({ drafts: 20, entries: 20, comments: report.comments });
    expect(c?.anchored).toBeGreaterThan((c?.comments ?? 0) / 2);
    // every anchor names a unit of the version the discussion opened with
    const stray = await rows(sql`
      select c.id from discussion_comments c join discussions d on d.id = c.discussion_id
       where c.anchor_id is not null and not exists (
         select 1 from draft_units u where u.draft_id = d.object_id::uuid and 'v' || u.version || ':' || u.key = c.anchor_id)`);
    expect(stray).toEqual([]);
  });

  it('gives every proposal of a published summary the developer’s position', async () => {
    const missing = await rows(sql`
      select c.id from draft_regulations r
        join discussions d on d.object_type = 'draft' and d.object_id = r.id::text
        join discussion_comments c on c.discussion_id = d.id
       where r.summary_published_at is not null and c.parent_id is null and c.status = 'published'
         and not c.official
         and not exists (select 1 from draft_proposal_positions p where p.comment_id = c.id)`);
    expect(missing).toEqual([]);
    const [n] = await rows<{ n: number }>(
      sql`select count(*)::int as n from draft_regulations where summary_published_at is not null`,
    );
    expect(n?.n).toBeGreaterThan(0);
  });

  it('opens every generated draft on its public pages', async () => {
    const v = visitor(t.app);
    const drafts = await rows<{ id: string; text_version: number; summary: boolean; stage: string }>(sql`
      select id, text_version, summary_published_at is not null as summary, stage from draft_regulations`);
    for (const d of drafts) {
      const card = await v.get(`/drafts/${d.id}`);
      expect(card.statusCode, `/drafts/${d.id}`).toBe(200);
      if (d.text_version > 0) expect((await v.get(`/drafts/${d.id}/text`)).statusCode).toBe(200);
      if (d.text_version > 1) expect((await v.get(`/drafts/${d.id}/diff?from=1&to=2`)).statusCode).toBe(200);
      if (d.summary) {
        const s = await v.get(`/drafts/${d.id}/summary`);
        expect(s.statusCode, `/drafts/${d.id}/summary`).toBe(200);
      }
    }
    // a draft in discussion shows its proposals with the clause they are on
    const [busy] = await rows<{ id: string; text: string; label: string }>(sql`
      select r.id, c.text, a->>'label' as label from draft_regulations r
        join discussions d on d.object_type = 'draft' and d.object_id = r.id::text
        join discussion_comments c on c.discussion_id = d.id and c.status = 'published' and c.anchor_id is not null
        join jsonb_array_elements(d.anchors) a on a->>'id' = c.anchor_id
       where r.stage = 'discussion' order by c.created_at limit 1`);
    expect(busy).toBeDefined();
    const page = await v.get(`/drafts/${busy?.id}`);
    expect(page.body).toContain(busy?.text);
    for (const url of [
      '/drafts',
      '/drafts?stage=discussion',
      '/drafts/plan',
      '/orgs/government/legislative-plan',
    ])
      expect((await v.get(url)).statusCode, url).toBe(200);
    expect((await v.get('/drafts?stage=discussion')).body).toContain(`/drafts/${busy?.id}`);
  });
});
