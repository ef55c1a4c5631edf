import { readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/accounts/index.ts';
import { type Mailbox, startMailbox } from '../mailbox.ts';
import {
  childrenOf,
  type ServerProcess,
  signInOverHttp,
  startServerProcess,
  tempDataDir,
  waitFor,
} from '../server-process.ts';
import { type Replication, startReplication } from './replication.ts';

/*
 * Past one machine, proved on one: a primary PostgreSQL and a streaming replica
 * of it, and two installations of the portal on them behind no balancer,
 * driven alternately over real HTTP:
 *   A: `WORKERS=2` (a primary process and two worker processes on one port),
 *      a replica that may lag ten minutes (so a paused replica is still read);
 *   B: one process, a replica that may lag one second.
 * Both share DATABASE_URL, SESSION_SECRET and the mail server, as hosts would.
 */

const dir = tempDataDir('open-region-scale-');
let replication: Replication;
let mailbox: Mailbox;
let a: ServerProcess;
let b: ServerProcess;
let citizen: string;

const ESIA_CITIZEN = 'm.ivanova@esia-demo.example';

type Answer = { status: number; body: string; cookies: string[] };

/** One request on a fresh connection (no keep-alive), so a cluster's workers take turns. */
function request(
  base: string,
  path: string,
  opts: { method?: string; cookie?: string; json?: unknown } = {},
): Promise<Answer> {
  const body = opts.json === undefined ? undefined : JSON.stringify(opts.json);
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}${path}`,
      {
        method: opts.method ?? 'GET',
        agent: false,
        headers: {
          ...(opts.cookie ? { cookie: opts.cookie } : {}),
          ...(body ? { 'content-type': 'application/json', origin: base } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => {
          text += c;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: text, cookies: res.headers['set-cookie'] ?? [] }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const appealBody = (orgSlug: string, text: string) => ({
  orgSlug,
  kind: 'statement',
  lastName: 'Иванова',
  firstName: 'Мария',
  email: ESIA_CITIZEN,
  text,
});

async function submitAppeal(base: string, text: string): Promise<{ number: string; cookies: string[] }> {
  const res = await request(base, '/api/v1/appeals', {
    method: 'POST',
    cookie: citizen,
    json: appealBody('minzdrav', text),
  });
  expect(res.status, res.body).toBe(201);
  return { number: (JSON.parse(res.body) as { number: string }).number, cookies: res.cookies };
}

/** The node processes of a cluster's primary: its workers. */
function workersOf(server: ServerProcess): number[] {
  return childrenOf(server.child.pid as number).filter((p) => {
    try {
      return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('src/server.ts');
    } catch {
      return false;
    }
  });
}

/** Cluster worker ids that logged a completed request after the given log offset. */
function workersThatServed(server: ServerProcess, from: number): Set<number> {
  const ids = new Set<number>();
  for (const line of server.stdout().slice(from).split('\n'))
    if (line.includes('"msg":"request completed"')) {
      const id = line.match(/"worker":(\d+)/)?.[1];
      if (id) ids.add(Number(id));
    }
  return ids;
}

const messagesAbout = (number: string) => mailbox.messages.filter((m) => m.subject.includes(number));

beforeAll(async () => {
  [replication, mailbox] = await Promise.all([startReplication(dir), startMailbox()]);
  const common = {
    DATABASE_URL: replication.primaryUrl,
    DATABASE_REPLICA_URL: replication.replicaUrl,
    SESSION_SECRET: 'multi-process-test-secret-0123456789abcdef',
    DATA_DIR: `${dir}/app`,
    SMTP_URL: mailbox.url,
    SEED: 'demo',
    LOAD_SHED_DELAY_MS: '0',
    // the replica test reads one public page before and after a rename within seconds: what it
    // checks is where each read goes, not the few seconds a process may answer a page from memory
    PAGE_CACHE_TTL_MS: '0',
  };
  // both at once on one empty database: the start-up lock makes them take turns to migrate and seed
  // (each kept as soon as it listens, so afterAll stops the one that started if the other did not)
  await Promise.all([
    startServerProcess({ ...common, WORKERS: '2', DATABASE_REPLICA_MAX_LAG_MS: '600000' }, 400_000).then(
      (s) => {
        a = s;
      },
    ),
    startServerProcess({ ...common, DATABASE_REPLICA_MAX_LAG_MS: '1000' }, 400_000).then((s) => {
      b = s;
    }),
  ]);
  citizen = await signInOverHttp(a.base, ESIA_CITIZEN, DEMO_PASSWORD);
}, 480_000);

afterAll(async () => {
  await a?.stop();
  await b?.killHard();
  await replication?.close();
  await mailbox?.close();
  rmSync(dir, { recursive: true, force: true });
}, 120_000);

describe('several processes on one database', () => {
  it('serves one port from two worker processes that share sessions, and replaces a worker that dies', async () => {
    const workers = workersOf(a);
    expect(workers).toHaveLength(2);
    const from = a.stdout().length;
    let cabinet = 0;
    for (let i = 0; i < 8; i++) {
      cabinet++;
      const res = await request(a.base, '/cabinet', { cookie: citizen });
      // the session opened through one worker (or B: same database) is known to every worker
      expect(res.status).toBe(200);
      expect(res.body).toContain('Иванова');
    }
    // a worker logs «request completed» after the answer has left, so its line may come a moment later;
    // and a worker that was slow to take its first connection is given more: both must have served
    expect(
      await waitFor(async () => {
        if (workersThatServed(a, from).size === 2) return true;
        cabinet++;
        await request(a.base, '/cabinet', { cookie: citizen });
        return false;
      }, 30_000),
      `served by ${[...workersThatServed(a, from)].join(', ')}`,
    ).toBe(true);
    expect(workersThatServed(a, from)).toEqual(new Set([1, 2]));

    // /metrics, whichever worker the scrape reaches, counts the requests both workers served
    for (let i = 0; i < 4; i++) {
      const metrics = await request(a.base, '/metrics');
      expect(metrics.status).toBe(200);
      const served = metrics.body.match(
        /^http_request_duration_seconds_count\{[^}]*route="\/cabinet"[^}]*status_code="200"[^}]*\} (\d+)/m,
      )?.[1];
      expect(Number(served), metrics.body.slice(0, 200)).toBeGreaterThanOrEqual(cabinet);
    }

    process.kill(workers[0] as number, 'SIGKILL');
    expect(
      await waitFor(() => {
        const now = workersOf(a);
        return now.length === 2 && !now.includes(workers[0] as number);
      }, 60_000),
    ).toBe(true);
    await waitFor(async () => (await request(a.base, '/healthz')).status === 200, 30_000);
    for (let i = 0; i < 4; i++) expect((await request(a.base, '/', { cookie: citizen })).status).toBe(200);
  }, 120_000);

  it('takes appeals through either process, shows each through the other, and sends each notice exactly once', async () => {
    const numbers: { number: string; via: ServerProcess; other: ServerProcess }[] = [];
    for (let i = 0; i < 6; i++) {
      const [via, other] = i % 2 === 0 ? [a, b] : [b, a];
      const { number } = await submitAppeal(
        via.base,
        `Обращение ${i}: прошу отремонтировать крыльцо поликлиники.`,
      );
      numbers.push({ number, via, other });
      const seen = await request(other.base, `/api/v1/appeals/${encodeURIComponent(number)}`, {
        cookie: citizen,
      });
      expect(seen.status, seen.body).toBe(200);
      expect((JSON.parse(seen.body) as { number: string }).number).toBe(number);
    }
    for (const { number } of numbers)
      expect(await waitFor(() => messagesAbout(number).length > 0, 60_000), number).toBe(true);
    // every worker of both installations polls the same queue: a second delivery would arrive by now
    await new Promise((r) => setTimeout(r, 3_000));
    for (const { number } of numbers) expect(messagesAbout(number), number).toHaveLength(1);
  }, 120_000);
});

describe('the read replica', () => {
  it('serves public reads from the replica, a person’s reads after their own write from the primary, and falls back when it lags or is away', async () => {
    const [org] = await replication.primary<{ slug: string; name_ru: string }>(
      "select slug, name_ru from organizations where slug <> 'minzdrav' order by slug limit 1",
    );
    if (!org) throw new Error('no organisation seeded');
    const renamed = `${org.name_ru} (проверка реплики)`;
    const nameVia = async (server: ServerProcess, cookie?: string) => {
      const res = await request(server.base, `/api/v1/organizations/${org.slug}`, cookie ? { cookie } : {});
      expect(res.status, res.body).toBe(200);
      return (JSON.parse(res.body) as { name: { ru: string } } & Record<string, unknown>).name.ru;
    };
    const pageVia = async (server: ServerProcess, cookie?: string) => {
      const res = await request(server.base, `/orgs/${org.slug}`, cookie ? { cookie } : {});
      expect(res.status).toBe(200);
      return res.body;
    };
    const replicaScans = async () =>
      Number(
        (
          await replication.replica<{ n: string }>(
            "select coalesce(seq_scan, 0) + coalesce(idx_scan, 0) as n from pg_stat_user_tables where relname = 'organizations'",
          )
        )[0]?.n ?? 0,
      );

    await replication.caughtUp();
    await replication.replica('select pg_wal_replay_pause()');
    await replication.primary('update organizations set name_ru = $1 where slug = $2', [renamed, org.slug]);

    // A tolerates ten minutes of lag: what it shows is the replica's, which has not replayed the rename
    const scansBefore = await replicaScans();
    expect(await nameVia(a)).toBe(org.name_ru);
    expect(await pageVia(a)).not.toContain('(проверка реплики)');
    expect(await replicaScans()).toBeGreaterThan(scansBefore);

    // a write (here an appeal) sets the read-primary cookie: the person's next reads are the primary's
    const { cookies } = await submitAppeal(a.base, 'Прошу сообщить график приёма граждан.');
    const readPrimary = cookies.find((c) => c.startsWith('rp='))?.split(';')[0];
    expect(readPrimary).toBe('rp=1');
    expect(await nameVia(a, `${citizen}; ${readPrimary}`)).toBe(renamed);

    // B tolerates one second: once the replica is that far behind, B reads the primary
    expect(await waitFor(async () => (await nameVia(b)) === renamed, 20_000)).toBe(true);
    expect(await pageVia(b)).toContain('(проверка реплики)');

    // replayed, the replica itself has the rename
    await replication.replica('select pg_wal_replay_resume()');
    await replication.caughtUp();
    expect(await nameVia(a)).toBe(renamed);

    // a replica that is away: both keep answering from the primary
    await replication.stopReplica();
    expect(await nameVia(a)).toBe(renamed);
    expect(await pageVia(a)).toContain('(проверка реплики)');
    expect(await nameVia(b)).toBe(renamed);
  }, 120_000);
});

describe('jobs across processes', () => {
  it('finishes a job enqueued by a process that is killed right after, in the other one', async () => {
    const { number } = await submitAppeal(b.base, 'Прошу проверить освещение во дворе дома.');
    await b.killHard();
    expect(await waitFor(() => messagesAbout(number).length > 0, 110_000)).toBe(true);
  }, 120_000);
});
