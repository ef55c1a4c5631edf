import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { freshDatabaseUrl } from '../../../test/db.ts';
import * as schema from '../../modules/schema.ts';
import { createDb } from './client.ts';
import { createDatabaseWatch, isDatabaseUnavailable } from './watch.ts';

describe('the pool', () => {
  it('survives the server ending a checked-out connection between two statements (57P01)', async () => {
    const url = await freshDatabaseUrl();
    const db = createDb(url, schema, 2);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const client = await db.$client.connect();
      const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
      // what a shutdown or a crash of the server does to every connection: FATAL 57P01, then the socket closes.
      // Unheard, the client's 'error' event would be an uncaught exception and end the process (and this test file).
      await admin.query('select pg_terminate_backend($1)', [rows[0]?.pid]);
      await new Promise((r) => setTimeout(r, 300));
      const err = await client.query('select 1').catch((e: unknown) => e);
      expect(isDatabaseUnavailable(err)).toBe(true);
      client.release(true);
      // the pool carries on with a new connection
      expect((await db.$client.query('select 1 as n')).rows).toEqual([{ n: 1 }]);
    } finally {
      await admin.end();
      await db.$client.end();
    }
  });

  it('bounds every statement: the server cancels one that runs past statement_timeout', async () => {
    const url = await freshDatabaseUrl();
    const db = createDb(url, schema, { max: 1, statementTimeoutMs: 200 });
    try {
      const err = (await db.$client.query('select pg_sleep(5)').catch((e: unknown) => e)) as {
        code?: string;
      };
      expect(err.code).toBe('57014');
    } finally {
      await db.$client.end();
    }
  });
});

describe('isDatabaseUnavailable', () => {
  it('tells an absent or frozen database from a wrong query, through drizzle’s wrapping', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(isDatabaseUnavailable(new Error('Failed query', { cause: refused }))).toBe(true);
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error('Query read timeout'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('syntax error'), { code: '42601' }))).toBe(false);
    expect(isDatabaseUnavailable('not an error')).toBe(false);
  });
});

describe('the database watch', () => {
  it('is not marked down by a connection error aimed at another port (a file store, an identity provider)', async () => {
    const url = await freshDatabaseUrl();
    const watch = createDatabaseWatch(url, { retryMs: 60_000 });
    const port = Number(new URL(url).port);
    const refused = (to: number) =>
      Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:${to}`), { code: 'ECONNREFUSED', port: to });
    expect(watch.report(new Error('S3 call failed', { cause: refused(port + 1) }))).toBe(false);
    expect(watch.up).toBe(true);
    // the database's own port, or an error that does not say: the database is away
    expect(watch.report(refused(port))).toBe(true);
    expect(watch.up).toBe(false);
    await watch.stop();
  });
});
