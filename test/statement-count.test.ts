import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAll } from '../src/generate.ts';
import { seedDemoPlans } from '../src/modules/plans/index.ts';
import { seed } from '../src/seed.ts';
import { createTestApp, type TestApp } from './app.ts';
import { type SignedIn, sessionFor } from './auth.ts';
import { visitor } from './forms.ts';

/*
 * At most 10 SQL statements per main page (issue 11), counted through the
 * pool's statement hook (createDb's onStatement) on a database with a region's
 * shape of data from the generators, so a page that queries per row (N+1)
 * fails here. Modules that land later add their main pages to PAGES.
 */
const LIMIT = 10;
let t: TestApp;
let counting = false;
const statements: string[] = [];
const withValues: { text: string; values: readonly unknown[] | undefined }[] = [];
let citizen: SignedIn;
let staff: SignedIn;
let minsocId: string;
let documentUrl: string;
let discussionId: string;
let pollId: string;
let consultationId: string;
let groupUrl: string;
let openMunicipalitySlug: string;
let draftUrl: string;
let ratedSlug: string;

beforeAll(async () => {
  t = await createTestApp({
    onStatement: (text, values) => {
      if (counting) {
        statements.push(text);
        withValues.push({ text, values });
      }
    },
  });
  await seed(t.deps);
  // the demo's plans and Минздрав's published annual report, then the generated plans of every body
  await seedDemoPlans(t.deps);
  await generateAll(t.deps, { scale: 0.002, seed: 3, until: new Date('2026-03-01T12:00:00+02:00') });
  const q = async <T>(s: ReturnType<typeof sql>) => (await t.deps.db.execute(s)).rows[0] as T;
  const author = await q<{ id: string; email: string }>(
    sql`select u.id, u.email from appeals a join users u on u.id = a.author_user_id
        group by u.id, u.email order by count(*) desc, u.email limit 1`,
  );
  citizen = await sessionFor(t, { userId: author.id, email: author.email, password: '' });
  const officer = await q<{ id: string; email: string; org_id: string }>(
    sql`select u.id, u.email, r.org_id from users u join role_assignments r on r.user_id = u.id
        join organizations o on o.id = r.org_id where o.slug = 'minsoc' and r.role = 'appeals_officer' limit 1`,
  );
  staff = await sessionFor(t, { userId: officer.id, email: officer.email, password: '' });
  minsocId = officer.org_id;
  const doc = await q<{ url: string }>(
    sql`select url from search_entries where type = 'document' order by published_at desc limit 1`,
  );
  documentUrl = doc.url;
  discussionId = (
    await q<{ id: string }>(sql`select id from discussions order by participant_count desc limit 1`)
  ).id;
  pollId = (
    await q<{ id: string }>(
      sql`select poll_id as id from poll_votes group by poll_id order by count(*) desc, poll_id limit 1`,
    )
  ).id;
  consultationId = (
    await q<{ id: string }>(
      sql`select consultation_id as id from consultation_questions group by consultation_id
          order by count(*) desc, consultation_id limit 1`,
    )
  ).id;
  // a municipality whose generated documents include an act on open municipal government
  openMunicipalitySlug = (
    await q<{ slug: string }>(
      sql`select o.slug from publications p join organizations o on o.id = p.org_id
          where o.level = 'municipal' and 'открытый муниципалитет' = any(p.topics) order by o.slug limit 1`,
    )
  ).slug;
  // the draft in discussion with the most comments on its clauses
  draftUrl = `/drafts/${
    (
      await q<{ id: string }>(
        sql`select r.id from draft_regulations r join discussions d on d.object_type = 'draft' and d.object_id = r.id::text
            join discussion_comments c on c.discussion_id = d.id where r.stage = 'discussion'
            group by r.id order by count(*) desc, r.id limit 1`,
      )
    ).id
  }`;
  ratedSlug = (
    await q<{ slug: string }>(
      sql`select o.slug from monitoring_results r join organizations o on o.id = r.org_id
          where r.level = 'executive' order by r.rank limit 1`,
    )
  ).slug;
  groupUrl = (
    await q<{ url: string }>(
      sql`select url from search_entries where type = 'reference_group' order by id limit 1`,
    )
  ).url;
}, 600_000);
afterAll(() => t.close());

async function count(
  who: 'visitor' | 'citizen' | 'staff',
  url: string,
): Promise<{ n: number; status: number; list: string[] }> {
  const agent = who === 'citizen' ? citizen : who === 'staff' ? staff : visitor(t.app);
  statements.length = 0;
  withValues.length = 0;
  counting = true;
  const res = await agent.get(url);
  counting = false;
  return { n: statements.length, status: res.statusCode, list: [...statements] };
}

const enc = encodeURIComponent;
const PAGES: { name: string; who: 'visitor' | 'citizen' | 'staff'; url: () => string }[] = [
  { name: 'home', who: 'visitor', url: () => '/' },
  { name: "an organisation's home", who: 'visitor', url: () => '/orgs/minsoc' },
  { name: 'a document', who: 'visitor', url: () => documentUrl },
  {
    name: 'the documents list with filters',
    who: 'visitor',
    url: () => `/orgs/government/documents?docType=${enc('постановление')}`,
  },
  { name: 'search', who: 'visitor', url: () => `/search?q=${enc('субсидий')}` },
  {
    name: 'search with facets',
    who: 'visitor',
    url: () => `/search?q=${enc('программы')}&type=document&org=minzdrav`,
  },
  { name: 'the Atom feed', who: 'visitor', url: () => '/feeds/documents.atom' },
  {
    name: "the municipalities' acts on open municipal government",
    who: 'visitor',
    url: () => '/legal-acts/open-municipality',
  },
  {
    name: "a municipality's «Открытый муниципалитет»",
    who: 'visitor',
    url: () => `/orgs/${openMunicipalitySlug}/open-municipality`,
  },
  { name: 'the open-data register', who: 'visitor', url: () => '/opendata/' },
  { name: "a body's open-data register", who: 'visitor', url: () => '/orgs/minsoc/opendata/' },
  { name: 'the open-data list.csv', who: 'visitor', url: () => '/opendata/list.csv' },
  { name: "the citizen's cabinet", who: 'citizen', url: () => '/cabinet/appeals' },
  { name: 'the discussions list', who: 'visitor', url: () => '/discussions' },
  { name: 'a discussion with its comments', who: 'visitor', url: () => `/discussions/${discussionId}` },
  { name: 'a discussion, signed in', who: 'citizen', url: () => `/discussions/${discussionId}` },
  { name: 'the plans API (progress of every plan)', who: 'visitor', url: () => '/api/v1/plans?perPage=100' },
  { name: "a body's annual report", who: 'visitor', url: () => '/orgs/minzdrav/reports/2026' },
  { name: 'the polls list', who: 'visitor', url: () => '/polls' },
  { name: 'a poll with its results', who: 'visitor', url: () => `/polls/${pollId}` },
  { name: 'a poll, signed in', who: 'citizen', url: () => `/polls/${pollId}` },
  { name: "a body's polls", who: 'visitor', url: () => '/orgs/minzdrav/polls' },
  { name: 'the consultations list', who: 'visitor', url: () => '/consultations' },
  {
    name: 'a consultation with its questions',
    who: 'visitor',
    url: () => `/consultations/${consultationId}`,
  },
  { name: "a body's reference groups", who: 'visitor', url: () => '/orgs/minzdrav/groups' },
  { name: 'a reference group', who: 'visitor', url: () => groupUrl },
  { name: 'a reference group, signed in', who: 'citizen', url: () => groupUrl },
  {
    name: "a body's participation feed",
    who: 'visitor',
    url: () => '/feeds/orgs/minzdrav/participation.atom',
  },
  { name: 'the drafts list', who: 'visitor', url: () => '/drafts' },
  { name: 'a draft in discussion with its clause comments', who: 'visitor', url: () => draftUrl },
  { name: 'the legislative plan', who: 'visitor', url: () => '/drafts/plan' },
  { name: 'the openness rating', who: 'visitor', url: () => '/rating/2025' },
  { name: 'a body in the rating', who: 'visitor', url: () => `/rating/2025/${ratedSlug}` },
  { name: 'the rating API', who: 'visitor', url: () => '/api/v1/ratings/2025' },
  { name: 'the staff queue', who: 'staff', url: () => `/manage/appeals?org=${minsocId}&status=open` },
];

describe(`SQL statements per page (at most ${LIMIT})`, () => {
  it.each(PAGES)('$name', async (p) => {
    const r = await count(p.who, p.url());
    expect(r.status).toBe(200);
    // the statements themselves in the failure message, to see which query repeats
    expect(r.n, r.list.map((s) => s.replace(/\s+/g, ' ').slice(0, 160)).join('\n')).toBeLessThanOrEqual(
      LIMIT,
    );
    if (process.env.STATEMENTS_REPORT) process.stderr.write(`statements: ${p.name}: ${r.n}\n`);
    // and the hook does see the page's reads
    expect(r.n).toBeGreaterThan(0);
  });
});

type PlanNode = { 'Node Type': string; 'Index Name'?: string; Plans?: PlanNode[] };
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

/** The plan of a statement exactly as a page sent it, parameters included, as «a > b > c» of node types and index names. */
async function planShape(
  statement: { text: string; values: readonly unknown[] | undefined },
  settings: string[] = [],
): Promise<string> {
  const client = await t.deps.db.$client.connect();
  let rows: { 'QUERY PLAN': { Plan: PlanNode }[] }[];
  try {
    await client.query('begin');
    for (const s of settings) await client.query(`set local ${s}`);
    ({ rows } = await client.query(`explain (format json) ${statement.text}`, statement.values as unknown[]));
  } finally {
    await client.query('rollback');
    client.release();
  }
  const top = rows[0]?.['QUERY PLAN'][0];
  if (!top) throw new Error('explain returned no plan');
  return nodes(top.Plan)
    .map((n) => `${n['Node Type']}${n['Index Name'] ? ` ${n['Index Name']}` : ''}`)
    .join(' > ');
}

/** The statement of the last counted page that matches. */
function sent(match: (text: string) => boolean) {
  const s = withValues.find((x) => match(x.text));
  if (!s)
    throw new Error(`no such statement among:\n${withValues.map((x) => x.text.slice(0, 120)).join('\n')}`);
  return s;
}

// This file's data is small, so the planner rightly prefers a bitmap scan and a sort of a few hundred
// rows; with bitmap scans (and sorts, seq scans) off each plan must show that its index alone gives the page's rows in
// order, as it does on the region's data (docs/scaling.md, EXPLAIN ANALYZE).
describe('query plans of the hot reads', () => {
  it('a browse by requisites reads its page in the order of search_entries_doc_order_idx, not by sorting every match', async () => {
    await count('visitor', `/search?number=1&numberMode=prefix`);
    const page = withValues.find((s) =>
      /order by doc_date desc nulls last, published_at desc limit/i.test(s.text),
    );
    if (!page)
      throw new Error(`no browse query among:\n${withValues.map((s) => s.text.slice(0, 120)).join('\n')}`);
    // At the region's scale the prefix «12» is in 29,465 documents: sorting them took 1.3 s, the index 0.5 ms
    // (docs/scaling.md, «Search at the region's scale»). This file's few documents are cheaper to sort, so
    // with bitmap and sequential scans off the plan must show that the index alone gives the order.
    const client = await t.deps.db.$client.connect();
    let rows: { 'QUERY PLAN': { Plan: PlanNode }[] }[];
    try {
      await client.query('begin');
      await client.query(
        "select set_config('enable_bitmapscan', 'off', true), set_config('enable_seqscan', 'off', true)",
      );
      ({ rows } = await client.query(`explain (format json) ${page.text}`, page.values as unknown[]));
    } finally {
      await client.query('rollback');
      client.release();
    }
    const top = rows[0]?.['QUERY PLAN'][0];
    if (!top) throw new Error('explain returned no plan');
    const shape = nodes(top.Plan)
      .map((n) => `${n['Node Type']}${n['Index Name'] ? ` ${n['Index Name']}` : ''}`)
      .join(' > ');
    expect(shape, page.text).toContain('search_entries_doc_order_idx');
    expect(shape, `${shape}\n${page.text}`).not.toMatch(/Sort/);
  });

  it("the staff queue's open items come in the partial index's order: a page reads its rows, not the backlog", async () => {
    await count('staff', `/manage/appeals?org=${minsocId}&status=open`);
    const page = sent((x) => /from "appeals"/.test(x) && /\blimit\b/i.test(x));
    const shape = await planShape(page, ['enable_bitmapscan = off']);
    expect(shape, page.text).toContain('appeals_org_open_due_idx');
    expect(shape, `${shape}\n${page.text}`).not.toMatch(/Sort/);
    // its counts by status are kept by triggers (no count over the backlog: the total is their sum), and
    // the overdue among the open items is counted from their partial index alone
    sent((x) => /from appeal_status_counts/.test(x) && /appeal_status_deltas/.test(x));
    const overdue = sent((x) => /from "appeals"/.test(x) && /count\(/.test(x));
    expect(await planShape(overdue, ['enable_bitmapscan = off', 'enable_seqscan = off'])).toMatch(
      /Index Only Scan appeals_org_open_due_idx/,
    );
    expect(withValues.filter((x) => /from "appeals"/.test(x.text)).length).toBe(2);
  });

  it("a body's documents list with filters walks its index in order, and counts from an index alone", async () => {
    await count(
      'visitor',
      `/orgs/government/documents?docType=${enc('постановление')}&docStatus=${enc('действует')}&page=2`,
    );
    const page = sent((x) => /from "publications"/.test(x) && /\blimit\b/i.test(x) && /doc_type/.test(x));
    const shape = await planShape(page, [
      'enable_bitmapscan = off',
      'enable_seqscan = off',
      'enable_sort = off',
    ]);
    expect(shape, page.text).toContain('publications_org_documents_idx');
    expect(shape, `${shape}\n${page.text}`).not.toMatch(/Sort/);
    const total = sent((x) => /from "publications"/.test(x) && /count\(/.test(x) && /doc_type/.test(x));
    expect(await planShape(total, ['enable_bitmapscan = off', 'enable_seqscan = off'])).toMatch(
      /Index Only Scan publications_org_doc_filter_idx/,
    );
  });
});
