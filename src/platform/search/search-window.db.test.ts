import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../test/db.ts';
import { CANDIDATES, defineSearchSource, searchEntriesQuery } from './index.ts';

/*
 * The candidates of a ranked search are the newest CANDIDATES matches. For a word in a tenth of
 * the items they are looked for first in a window of the newest rows (docs/scaling.md, «Search at
 * the region's scale»): the results must be exactly those of the whole table, and the window must
 * really spare the rows outside it. 60,000 entries: a window is only worth taking when the matches
 * are several times CANDIDATES.
 */
defineSearchSource({
  module: 'windowdocs',
  types: [
    { key: 'w_document', ru: 'Документ', en: 'Document', feed: 'documents' },
    { key: 'w_news', ru: 'Новость', en: 'News', feed: 'news' },
  ],
  topics: [{ key: 'social', ru: 'Социальная поддержка', en: 'Social support' }],
});

const ROWS = 60_000;
let deps: TestDeps;
let capture = false;
const seen: { text: string; values: readonly unknown[] | undefined }[] = [];

beforeAll(async () => {
  deps = await createTestDeps({
    onStatement: (text, values) => {
      if (capture) seen.push({ text, values });
    },
  });
  // one entry every 25 minutes over almost three years; «туризма» in every tenth, «наследия» only
  // in the oldest 8,000, «капитальный ремонт» side by side in every tenth and apart in another tenth
  await deps.db.execute(sql`
    insert into search_entries (id, module, type, org_id, title, body, url, published_at, year, topics)
    select 'w:' || g, 'windowdocs', case when g % 4 = 0 then 'w_news' else 'w_document' end,
           ('00000000-0000-4000-8000-00000000000' || (g % 3))::uuid,
           'Запись № ' || g,
           case when g % 10 = 0 then 'Развитие туризма в округе, выпуск ' || (g % 97)
                when g % 10 = 5 then 'Капитальный ремонт крыши дома ' || (g % 89)
                when g % 10 = 6 then 'Ремонт дорог и капитальный план ' || (g % 83)
                else 'Отчёт о работе учреждения ' || (g % 101) end
             || case when g <= 8000 and g % 2 = 0 then '. Охрана объектов культурного наследия' else '' end,
           '/w/' || g, ts, extract(year from ts at time zone 'Europe/Kaliningrad')::int,
           case when g % 5 = 0 then '{social}'::text[] else '{}'::text[] end
    from generate_series(1, ${ROWS}) g, lateral (select timestamptz '2023-01-01 00:00+00' + g * interval '25 minutes' as ts) t`);
  await deps.db.execute(sql`analyze search_entries`);
}, 120_000);
afterAll(async () => {
  await deps?.close();
});

/** The same search without windows, in plain SQL: the newest CANDIDATES matches, ranked, and their facets. */
async function reference(q: string, extra = sql`true`) {
  const tsq = sql`websearch_to_tsquery('russian', ${q})`;
  const cand = sql`(select id, tsv, published_at, org_id, type, year, topics from search_entries
    where tsv @@ ${tsq} and ${extra} order by published_at desc limit ${CANDIDATES}) c`;
  const ids = await deps.db.execute(
    sql`select id from ${cand} order by ts_rank(tsv, ${tsq}, 1) desc, published_at desc limit 20`,
  );
  const years = await deps.db.execute(
    sql`select year::text as key, count(*)::int as count from ${cand} group by year order by year desc`,
  );
  const total = await deps.db.execute(sql`select count(*)::int as n from ${cand}`);
  return {
    ids: ids.rows.map((r) => r.id),
    years: years.rows.map((r) => ({ key: r.key, count: r.count })),
    total: Number(total.rows[0]?.n),
  };
}

type PlanNode = { 'Node Type': string; 'Actual Rows'?: number; Plans?: PlanNode[] };
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

/**
 * Matching rows the candidate statements took from the table (EXPLAIN ANALYZE of each, in the
 * search's own settings). Which index brings them is the planner's business: at the region's scale
 * it ANDs the GIN bitmap with the date index's, on this small table it may walk the window.
 */
async function rowsTaken(statements: typeof seen): Promise<number> {
  const client = await deps.db.$client.connect();
  let taken = 0;
  try {
    for (const s of statements.filter((x) => /with cand as materialized/.test(x.text))) {
      await client.query('begin');
      await client.query(
        "select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)",
      );
      const { rows } = await client.query(
        `explain (analyze, format json) ${s.text}`,
        s.values as unknown[] | undefined,
      );
      await client.query('rollback');
      for (const n of nodes(rows[0]['QUERY PLAN'][0].Plan))
        if (
          /Scan/.test(n['Node Type']) &&
          !/Index Scan|CTE Scan|Function Scan|Subquery Scan/.test(n['Node Type'])
        )
          taken += n['Actual Rows'] ?? 0;
    }
  } finally {
    client.release();
  }
  return taken;
}

async function search(q: string, more: Parameters<typeof searchEntriesQuery>[1] = {}) {
  seen.length = 0;
  capture = true;
  try {
    return await searchEntriesQuery(deps.db, { q, ...more }, { statementTimeoutMs: 60_000 });
  } finally {
    capture = false;
  }
}

describe('candidates from a window of the newest rows', () => {
  it('finds what the whole table gives for a word in a tenth of the items, reading only the newest of them', async () => {
    const r = await search('туризма');
    const ref = await reference('туризма');
    expect(r.mode).toBe('ranked');
    expect(r.items.map((i) => i.id)).toEqual(ref.ids);
    expect(r.total).toBe(ref.total);
    expect(r.facets?.year).toEqual(ref.years);
    // one pass, bounded by the window: it takes far fewer than the 6,000 matches of the whole table
    const passes = seen.filter((s) => /with cand as materialized/.test(s.text));
    expect(passes).toHaveLength(1);
    expect(passes[0]?.text).toMatch(/published_at >= \$\d+::timestamptz/);
    const taken = await rowsTaken(seen);
    expect(taken).toBeGreaterThanOrEqual(CANDIDATES);
    expect(taken).toBeLessThan(0.75 * (ROWS / 10));
  });

  it('widens a window that holds too few matches, with the same results', async () => {
    // «наследия» lives only in the oldest rows: the first window finds nothing
    const r = await search('наследия');
    const ref = await reference('наследия');
    expect(r.items.map((i) => i.id)).toEqual(ref.ids);
    expect(r.total).toBe(ref.total);
    expect(r.facets?.year).toEqual(ref.years);
    expect(seen.filter((s) => /with cand as materialized/.test(s.text)).length).toBeGreaterThan(1);
    // a later pass runs on what is left of the search's time
    expect(seen.some((s) => /^set local statement_timeout = \d+$/.test(s.text))).toBe(true);
  });

  it('gives a phrase and a filtered search the results of the whole table', async () => {
    const phrase = await search('"капитальный ремонт"');
    const refPhrase = await reference('"капитальный ремонт"');
    expect(phrase.items.map((i) => i.id)).toEqual(refPhrase.ids);
    expect(phrase.total).toBe(refPhrase.total);
    const social = await search('туризма', { topics: ['social'], years: [2024] });
    const refSocial = await reference('туризма', sql`topics && '{social}' and year = 2024`);
    expect(social.items.map((i) => i.id)).toEqual(refSocial.ids);
    expect(social.total).toBe(refSocial.total);
    expect(social.facets?.year).toEqual(refSocial.years);
  });
});
