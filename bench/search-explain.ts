// Benchmark aid (not a test): the statements one search sends, timed, and each replayed under
// EXPLAIN (ANALYZE, BUFFERS) in the same transaction settings, against any database.
// Run: DATABASE_URL=postgres://… node --import tsx bench/search-explain.ts ['/search?q=…' …]
// Without paths it takes the harness's «search» scenarios (bench/scenarios.ts). EXPLAIN=0: timings only.
import pg from 'pg';
import * as schema from '../src/modules/schema.ts';
import { requestFromPage } from '../src/modules/search/search.input.ts';
import { searchPortal } from '../src/modules/search/search-portal.ts';
import { createDb, endDb } from '../src/platform/db/client.ts';
import { search } from './scenarios.ts';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('set DATABASE_URL');
const runs = Number(process.env.RUNS ?? 5);
const explain = process.env.EXPLAIN !== '0';

const seen: { text: string; values: unknown[] | undefined }[] = [];
const db = createDb(url, schema as never, {
  onStatement: (text, values) => seen.push({ text, values: values ? [...values] : undefined }),
});

function queryOf(path: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URL(path, 'http://x').searchParams) {
    const had = out[k];
    out[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  return out;
}

let paths = process.argv.slice(2);
if (paths.length === 0) {
  const scenarios = await search.scenarios('', '');
  paths = [...new Set(scenarios.flatMap((s) => (s.requests ?? []).map((r) => String(r.path))))];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
for (const path of paths) {
  const { req } = requestFromPage(queryOf(path));
  const times: number[] = [];
  let mode = '';
  let total = 0;
  for (let i = 0; i < runs; i++) {
    seen.length = 0;
    const t0 = performance.now();
    const r = await searchPortal({ db }, req);
    times.push(performance.now() - t0);
    mode = r.result.mode;
    total = r.result.total;
  }
  console.log(
    `\n### ${decodeURIComponent(path)}\nmedian ${median(times).toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join(', ')}), mode ${mode}, total ${total}, ${seen.length} statements`,
  );
  if (!explain) continue;
  const statements = [...seen];
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const s of statements) {
      const text = s.text.trim();
      // the search's own time limit would cancel the very statements worth explaining
      if (/^set local statement_timeout/i.test(text)) continue;
      if (/^(begin|commit|rollback|set |explain )/i.test(text)) {
        if (/^commit/i.test(text)) await client.query('rollback');
        else await client.query(text, s.values);
        continue;
      }
      const t0 = performance.now();
      const res = await client.query(`explain (analyze, buffers) ${text}`, s.values);
      const ms = performance.now() - t0;
      console.log(`\n-- ${ms.toFixed(0)} ms: ${text.replace(/\s+/g, ' ').slice(0, 300)}`);
      console.log(`-- values: ${JSON.stringify(s.values).slice(0, 300)}`);
      for (const row of res.rows) console.log(row['QUERY PLAN']);
    }
  } finally {
    await client.query('rollback').catch(() => {});
    await client.end();
  }
}
await endDb(db);
