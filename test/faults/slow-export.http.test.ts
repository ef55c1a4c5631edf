import net from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrganizationBySlug, seedOrganizations } from '../../src/modules/orgs/index.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { waitFor } from '../server-process.ts';

/*
 * Slow and aborted clients during a large export (issue 9). The biggest
 * export today is the public CSV of income declarations (the portal has no
 * streaming export yet: each is built after its queries finish). Here it is
 * about 10 MB; more clients than the pool has connections start downloading
 * it over real TCP and then stop reading (or hang up). Their database
 * connections must be back in the pool while they stall: nothing active or
 * idle in a transaction, and the next visitor is served. An export that one
 * day streams from a cursor must keep this true (release on close/abort).
 */

let t: TestApp;
let port = 0;
const sockets: net.Socket[] = [];
const URL_CSV = '/orgs/minzdrav/declarations.csv?year=2025';

beforeAll(async () => {
  t = await createTestApp();
  await seedOrganizations(t.deps);
  const org = await findOrganizationBySlug(t.deps.db, 'minzdrav');
  // each person a declarant holding the post, as declarations.ts records them
  await t.deps.db.execute(sql`
    insert into declarants (org_id, short_name)
    select ${org?.id}, 'Иванов И.И. ' || g from generate_series(1, 20000) g`);
  await t.deps.db.execute(sql`
    insert into income_declarations (org_id, year, declarant_id, declarant_short_name, position, relation, declared_income_kopecks, sort_order)
    select ${org?.id}, 2025, p.id, p.short_name, 'Главный специалист-эксперт отдела ' || repeat('делопроизводства и архива ', 16) || g,
           'DECLARANT', 100000000 + g, g
    from generate_series(1, 20000) g
    join declarants p on p.org_id = ${org?.id} and p.short_name = 'Иванов И.И. ' || g`);
  await t.deps.db.execute(
    sql`insert into declaration_years (org_id, year, published, legal_basis) values (${org?.id}, 2025, true, 'Указ № 613')`,
  );
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as net.AddressInfo).port;
}, 120_000);
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await t?.close();
});

/** A client that asks for the export, takes its first bytes, then stops reading (or hangs up). */
function stallingClient(hangUp: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1');
    sockets.push(s);
    s.on('error', () => {});
    s.once('data', (chunk) => {
      if (!String(chunk).startsWith('HTTP/1.1 200')) reject(new Error(String(chunk).slice(0, 200)));
      if (hangUp) s.destroy();
      else s.pause();
      resolve();
    });
    s.write(`GET ${URL_CSV} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
  });
}

/** The app's connections that are doing something or hold a transaction open (this query aside). */
async function busyConnections(): Promise<number> {
  const r = await t.deps.db.execute<{ n: number }>(sql`
    select count(*)::int as n from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid()
      and application_name = 'open-region' and state is distinct from 'idle'`);
  return r.rows[0]?.n ?? -1;
}

describe('a large export to slow and aborted clients', () => {
  it('holds no database connection while clients stall or hang up, and serves the next visitor', async () => {
    const pool = t.deps.db.$client;
    const stalled = pool.options.max + 1;
    // one after another: each gets its connection, finishes its queries, starts answering, stalls
    for (let i = 0; i < stalled; i++) await stallingClient(false);
    await stallingClient(true);
    // every stalled response has begun; its queries are over and its connection returned
    expect(
      await waitFor(() => pool.totalCount - pool.idleCount === 0 && pool.waitingCount === 0, 10_000),
    ).toBe(true);
    expect(await busyConnections()).toBe(0);
    // more clients stall than the pool has connections, yet a new request gets one at once
    const next = await fetch(`http://127.0.0.1:${port}/orgs/minzdrav`, {
      signal: AbortSignal.timeout(20_000),
    });
    expect(next.status).toBe(200);
    await next.arrayBuffer();
    for (const s of sockets) s.destroy();
    expect(await waitFor(async () => (await busyConnections()) === 0, 5_000)).toBe(true);
  }, 120_000);
});
