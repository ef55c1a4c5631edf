import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimitsRepository } from '../../src/platform/http/rate-limits.repository.ts';
import { altchaPayload } from '../altcha.ts';
import { CookieJar, createTestApp, csrfFrom, type TestApp } from '../app.ts';
import { createUser } from '../auth.ts';
import { visitor } from '../forms.ts';

/*
 * Several app processes behind one balancer share one database (issue 9): the
 * rate-limit counters and the ALTCHA replay store live there, so a client
 * cannot multiply its allowance by the number of processes, nor spend one
 * solved challenge once on each. Two real apps on one database stand for two
 * processes here.
 */

let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  a = await createTestApp();
  b = await createTestApp({ databaseUrl: a.deps.config.databaseUrl as string });
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

/** A sign-in form session on one app: its cookie and token serve any number of posts. */
async function signInForm(app: FastifyInstance) {
  const jar = new CookieJar();
  const page = await app.inject('/sign-in');
  jar.store(page);
  const token = csrfFrom(page.body);
  return (fields: { email: string; password: string }, remoteAddress = '127.0.0.1') =>
    app.inject({
      method: 'POST',
      url: '/sign-in',
      remoteAddress,
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: token, ...fields }).toString(),
    });
}

describe('rate limits counted across processes', () => {
  it('sign-in per address and account: 10 attempts in all, whichever process answers', async () => {
    const u = await createUser(a.deps);
    const onA = await signInForm(a.app);
    const onB = await signInForm(b.app);
    for (let i = 0; i < 10; i++) {
      const res = await (i % 2 ? onB : onA)({ email: u.email, password: `wrong-${i}-x` });
      expect(res.statusCode).toBe(422);
    }
    // the 11th: 6th on A; each process alone has seen only five
    const res = await onA({ email: u.email, password: u.password });
    expect(res.statusCode).toBe(429);
    expect(res.body).toContain('Слишком много попыток');
  });

  it('sign-in per account from any address: 30 attempts in all', async () => {
    const u = await createUser(a.deps);
    const onA = await signInForm(a.app);
    const onB = await signInForm(b.app);
    for (let i = 0; i < 30; i++) {
      const res = await (i % 2 ? onB : onA)(
        { email: u.email, password: `wrong-${i}-x` },
        `198.51.100.${i + 1}`,
      );
      expect(res.statusCode).toBe(422);
    }
    const res = await onB({ email: u.email, password: u.password }, '198.51.100.200');
    expect(res.statusCode).toBe(429);
  });

  it('reset mail without the proof of work: 5 an hour from one address across both', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await visitor(i < 3 ? a.app : b.app).post('/password-reset', {
        email: `reset${i}@example.test`,
      });
      expect(res.statusCode).toBe(303);
    }
    const res = await visitor(a.app).post('/password-reset', { email: 'reset-x@example.test' });
    expect(res.statusCode).toBe(429);
  });
});

describe('ALTCHA replay across processes', () => {
  it('a solution accepted by one process is refused by the other', async () => {
    const u = await createUser(a.deps);
    const payload = await altchaPayload(a.app);
    const first = await visitor(a.app).post('/sign-in', {
      email: u.email,
      password: u.password,
      altcha: payload,
    });
    expect(first.statusCode).toBe(303);
    const replay = await visitor(b.app).post('/sign-in', {
      email: u.email,
      password: u.password,
      altcha: payload,
    });
    expect(replay.statusCode).toBe(422);
    expect(replay.body).toContain('Проверка «я не робот» не пройдена');
    // the claim is in the shared table, where a third process would find it too
    const used = await a.deps.db.execute(
      sql`select count(*)::int as n from rate_limits where key like 'altcha|%'`,
    );
    expect(used.rows[0]).toEqual({ n: 1 });
  });
});

describe('the shared counters table', () => {
  it('counts concurrent hits from both pools exactly, and starts a new window after expiry', async () => {
    const key = 'test|concurrent';
    const hits = await Promise.all(
      Array.from({ length: 40 }, (_, i) => rateLimitsRepository.hit((i % 2 ? b : a).deps.db, key, 60_000)),
    );
    expect(hits.map((h) => h.hits).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    await a.deps.db.execute(
      sql`update rate_limits set expires_at = now() - interval '1 second' where key = ${key}`,
    );
    expect(await rateLimitsRepository.read(a.deps.db, key)).toEqual({ hits: 0, ttlMs: 0 });
    expect((await rateLimitsRepository.hit(b.deps.db, key, 60_000)).hits).toBe(1);
  });

  it('an ALTCHA claim is made once among concurrent claims, and expired rows are swept', async () => {
    const claims = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        rateLimitsRepository.claimOnce((i % 2 ? b : a).deps.db, 'altcha|x', 60_000),
      ),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    await a.deps.db.execute(sql`update rate_limits set expires_at = now() - interval '1 second'`);
    expect(await rateLimitsRepository.deleteExpired(a.deps.db)).toBeGreaterThan(0);
    const left = await a.deps.db.execute(sql`select count(*)::int as n from rate_limits`);
    expect(left.rows[0]).toEqual({ n: 0 });
  });
});
