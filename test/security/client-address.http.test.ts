import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, createTestApp, csrfFrom, type TestApp } from '../app.ts';
import { createUser } from '../auth.ts';

/*
 * Rate limits count real client addresses (issue 9): X-Forwarded-For is
 * believed only from the proxies TRUST_PROXY names, and sign-in is also
 * limited per account, whatever the address.
 */

async function echoIp(app: FastifyInstance) {
  app.get('/test/ip', async (req) => ({ ip: req.ip }));
}

/** A sign-in form session: its cookie and token serve any number of posts. */
async function signInForm(app: FastifyInstance) {
  const jar = new CookieJar();
  const page = await app.inject('/sign-in');
  jar.store(page);
  const token = csrfFrom(page.body);
  return (
    fields: { email: string; password: string },
    headers: Record<string, string> = {},
    remoteAddress?: string,
  ) =>
    app.inject({
      method: 'POST',
      url: '/sign-in',
      ...(remoteAddress ? { remoteAddress } : {}),
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded', ...headers },
      payload: new URLSearchParams({ _csrf: token, ...fields }).toString(),
    });
}

describe('without TRUST_PROXY (the default)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ routes: echoIp });
  });
  afterAll(async () => {
    await t.close();
  });

  it('takes the TCP peer as the client, whatever X-Forwarded-For says', async () => {
    const res = await t.app.inject({ url: '/test/ip', headers: { 'x-forwarded-for': '203.0.113.5' } });
    expect(res.json()).toEqual({ ip: '127.0.0.1' });
  });

  it('a changing X-Forwarded-For does not escape the sign-in limit', async () => {
    const u = await createUser(t.deps);
    const post = await signInForm(t.app);
    for (let i = 0; i < 10; i++) {
      const res = await post(
        { email: u.email, password: `wrong-${i}-x` },
        { 'x-forwarded-for': `203.0.113.${i}` },
      );
      expect(res.statusCode).toBe(422);
    }
    const res = await post({ email: u.email, password: u.password }, { 'x-forwarded-for': '203.0.113.99' });
    expect(res.statusCode).toBe(429);
  });
});

describe('with TRUST_PROXY=127.0.0.1', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ routes: echoIp, env: { TRUST_PROXY: '127.0.0.1' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('believes X-Forwarded-For from that proxy only', async () => {
    const viaProxy = await t.app.inject({ url: '/test/ip', headers: { 'x-forwarded-for': '203.0.113.5' } });
    expect(viaProxy.json()).toEqual({ ip: '203.0.113.5' });
    const direct = await t.app.inject({
      url: '/test/ip',
      remoteAddress: '198.51.100.7',
      headers: { 'x-forwarded-for': '203.0.113.5' },
    });
    expect(direct.json()).toEqual({ ip: '198.51.100.7' });
  });

  it('limits sign-in to 30 attempts per account from any number of addresses; other accounts go on', async () => {
    const u = await createUser(t.deps);
    const post = await signInForm(t.app);
    for (let i = 0; i < 30; i++) {
      const res = await post(
        { email: u.email, password: `wrong-${i}-x` },
        { 'x-forwarded-for': `203.0.113.${i}` },
      );
      expect(res.statusCode, `attempt ${i + 1}`).toBe(422);
    }
    const blocked = await post(
      { email: u.email, password: u.password },
      { 'x-forwarded-for': '198.51.100.1' },
    );
    expect(blocked.statusCode).toBe(429);
    const other = await createUser(t.deps);
    const ok = await post(
      { email: other.email, password: other.password },
      { 'x-forwarded-for': '198.51.100.1' },
    );
    expect(ok.statusCode).toBe(303);
  });
});

describe('with TRUST_PROXY=1 (one proxy in front, by hop count)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ routes: echoIp, env: { TRUST_PROXY: '1' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('takes the address that proxy saw, not what the client wrote before it', async () => {
    const res = await t.app.inject({
      url: '/test/ip',
      headers: { 'x-forwarded-for': '192.0.2.66, 203.0.113.5' },
    });
    expect(res.json()).toEqual({ ip: '203.0.113.5' });
  });
});
