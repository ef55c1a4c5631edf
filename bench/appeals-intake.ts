// Benchmark (not a test): appeal intake through HTTP with durable commits.
// Starts the real server process (embedded PostgreSQL, demo region), fills the
// database with BENCH_ROWS appeals (default 1,000,000) by one generate_series
// INSERT, then drives POST /api/v1/appeals as a signed-in ЕСИА citizen with
// autocannon from this process, and prints submissions/s and p50/p99 latency.
// Run: npm run bench:appeals   (BENCH_ROWS, BENCH_SECONDS, BENCH_CONNECTIONS to change the load)
import { rmSync } from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { DEMO_PASSWORD } from '../src/modules/accounts/index.ts';
import { embeddedDbUrl, signInOverHttp, startServerProcess, tempDataDir } from '../test/server-process.ts';

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const connectionSets = (process.env.BENCH_CONNECTIONS ?? '4,16').split(',').map(Number);

const dir = tempDataDir('open-region-bench-appeals-');
const out = (s: string) => process.stdout.write(`${s}\n`);

const server = await startServerProcess({ DATA_DIR: dir, SEED: 'demo' });
try {
  const db = new pg.Client({ connectionString: embeddedDbUrl(dir) });
  db.on('error', () => {});
  await db.connect();
  const pgVersion = (await db.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]
    ?.v;
  const durability = (
    await db.query<{ name: string; setting: string }>(
      "select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'wal_sync_method', 'full_page_writes') order by name",
    )
  ).rows
    .map((r) => `${r.name}=${r.setting}`)
    .join(', ');

  out(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.platform()} ${os.release()}, Node ${process.version}, PostgreSQL ${pgVersion}`,
  );
  out(
    `date: ${new Date().toISOString()}, load average before: ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  out(`durability: ${durability}`);

  // 1. A database that already holds many appeals: every organisation, five archive years (2011–2015, clear of the demo's), one INSERT.
  // Secondary indexes are dropped for the bulk insert and built afterwards: much faster than
  // maintaining nine B-trees row by row (the unique ones are rebuilt too, so duplicates would still fail).
  const indexes = (
    await db.query<{ name: string; def: string }>(
      "select indexname as name, indexdef as def from pg_indexes where tablename = 'appeals' and indexname <> 'appeals_pkey'",
    )
  ).rows;
  const t0 = performance.now();
  for (const ix of indexes) await db.query(`drop index ${ix.name}`);
  await db.query(
    `with o as (
       select id, code, (row_number() over (order by code) - 1)::int as i, count(*) over ()::int as n
       from organizations
     ), g as (
       select g, o.id as org_id, o.code, 2011 + ((g / o.n) % 5) as year, (g / (o.n * 5)) + 1 as seq
       from generate_series(0, $1::int - 1) g join o on o.i = g % o.n
     )
     insert into appeals (number, org_id, year, sequence, type, kind, author_user_id, last_name, first_name,
       email, text, status, received_at, registered_at, registered_on, due_date, forward_due_date,
       original_due_date, closed_at, calendar_version)
     select code || '-' || year || '-' || seq, org_id, year, seq,
       case when g % 20 = 0 then 'info_request' else 'appeal' end,
       case when g % 20 = 0 then null else (array['proposal','statement','complaint'])[1 + g % 3] end,
       ('00000000-0000-4000-8000-' || lpad(to_hex(g % 20000), 12, '0'))::uuid, 'Генерированный', 'Автор', 'bench@example.test',
       'Сгенерированное обращение № ' || g, case when g % 50 = 0 then 'in_review' else 'closed' end,
       d::timestamptz, d::timestamptz, d, d + 30, d + 7, d + 30,
       case when g % 50 = 0 then null else d::timestamptz + interval '20 days' end, 'shipped'
     from g, lateral (select make_date(year, 1, 1) + (seq % 360) as d) dd`,
    [rows],
  );
  await db.query(
    `insert into appeal_counters (org_id, year, last_sequence)
     select org_id, year, max(sequence) from appeals group by org_id, year
     on conflict (org_id, year) do update set last_sequence = excluded.last_sequence`,
  );
  const tInsert = (performance.now() - t0) / 1000;
  await db.query("set maintenance_work_mem = '512MB'");
  for (const ix of indexes) await db.query(ix.def);
  const tIndex = (performance.now() - t0) / 1000 - tInsert;
  await db.query('analyze appeals');
  const tAnalyze = (performance.now() - t0) / 1000 - tInsert - tIndex;
  const count = (await db.query<{ n: string }>('select count(*) as n from appeals')).rows[0]?.n;
  const size = (
    await db.query<{ s: string }>("select pg_size_pretty(pg_total_relation_size('appeals')) as s")
  ).rows[0]?.s;
  out(
    `fill: ${Number(count).toLocaleString('en')} appeals (${size} with indexes) in ${(tInsert + tIndex + tAnalyze).toFixed(1)} s: one INSERT … generate_series ${tInsert.toFixed(1)} s, ${indexes.length} indexes rebuilt ${tIndex.toFixed(1)} s, analyze ${tAnalyze.toFixed(1)} s`,
  );
  await db.end();

  // 2. Submissions through HTTP: a signed-in, identified citizen (the demo ЕСИА account), session cookie.
  const cookie = await signInOverHttp(server.base, 'm.ivanova@esia-demo.example', DEMO_PASSWORD);
  const slugs = await (async () => {
    const c = new pg.Client({ connectionString: embeddedDbUrl(dir) });
    await c.connect();
    const r = await c.query<{ slug: string }>('select slug from organizations order by slug');
    await c.end();
    return r.rows.map((x) => x.slug);
  })();
  const bodyFor = (orgSlug: string) =>
    JSON.stringify({
      orgSlug,
      kind: 'statement',
      lastName: 'Иванова',
      firstName: 'Мария',
      email: 'm.ivanova@esia-demo.example',
      text: 'Прошу установить пандус у входа в поликлинику № 3 на улице Садовой.',
    });
  out(`\nload: POST /api/v1/appeals, ${seconds} s per run, client (autocannon) on the same machine`);
  out(
    "one body: every submission to one organisation, so each waits for the previous one's number (gapless counter row)",
  );
  out(`all bodies: submissions spread over the ${slugs.length} organisations\n`);
  out('| addressees | connections | submissions/s | p50 ms | p99 ms | 201 | other |');
  out('| --- | --- | --- | --- | --- | --- | --- |');
  for (const spread of [false, true]) {
    for (const connections of connectionSets) {
      let i = 0;
      const r = await autocannon({
        url: `${server.base}/api/v1/appeals`,
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: bodyFor('minzdrav'),
        requests: spread
          ? [{ setupRequest: (req) => ({ ...req, body: bodyFor(slugs[i++ % slugs.length] as string) }) }]
          : undefined,
        connections,
        duration: seconds,
      });
      const created = r['2xx'];
      out(
        `| ${spread ? 'all bodies' : 'one body'} | ${connections} | ${(created / seconds).toFixed(0)} | ${r.latency.p50} | ${r.latency.p99} | ${created} | ${r.non2xx + r.errors} |`,
      );
    }
  }
  out(
    `\nload average after: ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} (the machine is shared: other work raises it)`,
  );
} catch (err) {
  process.stderr.write(
    `${String(err)}\nserver exit: ${server.child.exitCode} ${server.child.signalCode}\n${server.stdout().slice(-3000)}\n${server.stderr().slice(-3000)}\n`,
  );
  process.exitCode = 1;
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
