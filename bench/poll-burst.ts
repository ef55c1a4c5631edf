// Benchmark (not a test), issue 12: 10,000 identified voters vote in one poll within a minute over
// HTTP (POST /api/v1/polls/{id}/votes, each voter with a personal API key), while readers load the
// poll's page with its live results. Prints p50/p99 of both, the statuses, and checks that every
// vote is recorded exactly once (a repeat burst of voters who already voted must all be 409).
// Run: npm run bench:poll-burst   (BENCH_VOTERS, default 10000; BENCH_CONNECTIONS, default 50;
// BENCH_READERS, connections reading the results page, default 10)
import { rmSync } from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';
import { tempDataDir } from '../test/server-process.ts';
import { embeddedDbUrl, out, printMachine, startPortal } from './lib.ts';

const VOTERS = Number(process.env.BENCH_VOTERS ?? 10_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const READERS = Number(process.env.BENCH_READERS ?? 10);
const OPTIONS = 5;

printMachine();
const dataDir = tempDataDir('open-region-poll-burst-');
const portal = await startPortal(dataDir);
out(`portal ready on an empty database in ${(portal.readyMs / 1000).toFixed(1)} s`);
const db = new pg.Client({ connectionString: embeddedDbUrl(dataDir) });
await db.connect();

try {
  // Setup in SQL (not measured): the voters identified through ЕСИА, a personal API key each, one poll.
  const salt = Math.random().toString(36).slice(2);
  const t0 = performance.now();
  await db.query(
    `insert into users (email, display_name, identification, identity_level, email_verified_at)
     select 'voter-' || i || '@bench.example', 'Избиратель ' || i, 'esia', 'verified', now()
       from generate_series(1, $1::int) i`,
    [VOTERS],
  );
  await db.query(
    `insert into api_tokens (user_id, name, token_hash, expires_at)
     select u.id, 'bench', encode(sha256(convert_to('ort_bench' || $1 || '_' || split_part(split_part(u.email, '@', 1), '-', 2), 'UTF8')), 'hex'),
            now() + interval '1 day'
       from users u where u.email like '%@bench.example'`,
    [salt],
  );
  const org = await db.query<{ id: string }>(`select id from organizations where slug = 'government'`);
  const poll = await db.query<{ id: string }>(
    `insert into polls (org_id, question, options, opens_on, closes_on, eligibility, results, topic, published_at)
     values ($1, 'Какие наборы открытых данных опубликовать первыми?', $2::jsonb,
             (now() at time zone 'Europe/Kaliningrad')::date - 1, (now() at time zone 'Europe/Kaliningrad')::date + 30,
             'esia', 'live', 'opendata_priorities', now())
     returning id`,
    [org.rows[0]?.id, JSON.stringify(Array.from({ length: OPTIONS }, (_, i) => `Набор ${i + 1}`))],
  );
  const pollId = poll.rows[0]?.id as string;
  out(
    `setup: ${VOTERS} voters with API keys and one poll in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const votePath = `/api/v1/polls/${pollId}/votes`;
  const token = (i: number) => `ort_bench${salt}_${i}`;
  const failed: number[] = [];
  const statuses = new Map<number, number>();

  /** One autocannon run of `list.length` votes, each voter once, in order; statuses counted per voter. */
  const burst = (list: number[], tally: Map<number, number>, retryOn: number[]) => {
    let next = 0;
    return autocannon({
      url: portal.base,
      connections: CONNECTIONS,
      amount: list.length,
      timeout: 30,
      requests: [
        {
          method: 'POST',
          path: votePath,
          setupRequest: (req, context) => {
            const voter = list[next++ % list.length] as number;
            (context as { voter?: number }).voter = voter;
            return {
              ...req,
              headers: { authorization: `Bearer ${token(voter)}`, 'content-type': 'application/json' },
              body: JSON.stringify({ choices: [voter % OPTIONS] }),
            };
          },
          onResponse: (status, _body, context) => {
            tally.set(status, (tally.get(status) ?? 0) + 1);
            if (retryOn.includes(status)) failed.push((context as { voter: number }).voter);
          },
        },
      ],
    });
  };

  const reader = (seconds: number) =>
    autocannon({ url: `${portal.base}/polls/${pollId}`, connections: READERS, duration: seconds });

  const voters = Array.from({ length: VOTERS }, (_, i) => i + 1);
  const start = performance.now();
  const readerRun = reader(30);
  const votes = await burst(voters, statuses, [503, 429, 0]);
  const burstSeconds = (performance.now() - start) / 1000;
  const reads = await readerRun;

  // voters shed by load shedding (503) vote again, as a person would press the button again
  let retried = 0;
  for (let round = 0; failed.length > 0 && round < 5; round++) {
    const again = failed.splice(0);
    retried += again.length;
    await burst(again, statuses, [503, 429, 0]);
  }
  // each voter once more, all at once: every repeat must be refused by the unique key
  const repeats = new Map<number, number>();
  const repeatSample = voters.slice(0, Math.min(2000, VOTERS));
  await burst(repeatSample, repeats, []);

  const recorded = await db.query<{ n: number; people: number }>(
    'select count(*)::int as n, count(distinct user_id)::int as people from poll_votes where poll_id = $1',
    [pollId],
  );
  const results = (await (await fetch(`${portal.base}/api/v1/polls/${pollId}`)).json()) as {
    results: { voters: number; counts: number[] };
  };
  const fmt = (m: Map<number, number>) => [...m.entries()].map(([c, n]) => `${c}×${n}`).join(' ');
  out('');
  out('| measure | value |');
  out('| --- | --- |');
  out(`| voters | ${VOTERS} |`);
  out(
    `| burst: time for all votes, ${CONNECTIONS} connections | ${burstSeconds.toFixed(1)} s (${Math.round(VOTERS / burstSeconds)} votes/s) |`,
  );
  out(
    `| vote latency p50 / p97.5 / p99 / max | ${votes.latency.p50} / ${votes.latency.p97_5} / ${votes.latency.p99} / ${votes.latency.max} ms |`,
  );
  out(`| vote statuses (first pass and retries) | ${fmt(statuses)}; retried after 503: ${retried} |`);
  out(
    `| results page /polls/{id} under the burst, ${READERS} connections | ${Math.round(reads.requests.average)} req/s, p50 ${reads.latency.p50} ms, p99 ${reads.latency.p99} ms, statuses ${Object.entries(
      reads.statusCodeStats ?? {},
    )
      .map(([c, v]) => `${c}×${(v as { count: number }).count}`)
      .join(' ')} |`,
  );
  out(`| repeat votes of ${repeatSample.length} voters at once | ${fmt(repeats)} |`);
  out(`| votes recorded / distinct voters | ${recorded.rows[0]?.n} / ${recorded.rows[0]?.people} |`);
  out(
    `| results from the API (voters; counts) | ${results.results.voters}; ${results.results.counts.join(', ')} |`,
  );
  const exactlyOnce =
    recorded.rows[0]?.n === VOTERS &&
    recorded.rows[0]?.people === VOTERS &&
    (repeats.get(409) ?? 0) === repeatSample.length;
  out(`\nvotes recorded exactly once: ${exactlyOnce ? 'yes' : 'NO'}`);
  if (!exactlyOnce) process.exitCode = 1;
} finally {
  await db.end();
  await portal.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
