import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, createTestApp, type TestApp } from '../../../../test/app.ts';
import { Agent } from '../../../../test/forms.ts';

/*
 * The demo ЕСИА (/dev-idp) with several app processes (WORKERS, hosts): two
 * apps on one database, one browser whose requests land on either. The
 * provider's codes, sessions and signing key are in the database, so a
 * sign-in whose steps alternate between the processes completes.
 */

let one: TestApp;
let two: TestApp;
beforeAll(async () => {
  one = await createTestApp({ env: { SEED: 'demo' } });
  two = await createTestApp({ env: { SEED: 'demo' }, databaseUrl: String(one.deps.config.databaseUrl) });
});
afterAll(async () => {
  await two?.close();
  await one?.close();
});

const pathOf = (location: unknown) => {
  const u = new URL(String(location), one.deps.config.publicUrl);
  return `${u.pathname}${u.search}`;
};

describe('the demo identity provider across processes', () => {
  it('completes a sign-in whose every step reaches the other process than the step before', async () => {
    const jar = new CookieJar();
    const browsers = [new Agent(one.app, jar), new Agent(two.app, jar)];
    let turn = 0;
    const next = () => browsers[turn++ % 2] as Agent;

    // /sign-in/oidc/esia → /dev-idp/auth → /dev-idp/interaction/<uid>, each on the other process
    let url = '/sign-in/oidc/esia?next=/cabinet';
    let res = await next().get(url);
    while (res.statusCode >= 300 && res.statusCode < 400) {
      url = pathOf(res.headers.location);
      res = await next().get(url);
    }
    expect(url).toMatch(/^\/dev-idp\/interaction\//);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Демонстрационная ЕСИА');

    // the login form, posted to the other process, then the code and its exchange, alternating again
    const action = res.body.match(/action="(\/dev-idp\/interaction\/[^"]+\/login)"/)?.[1] as string;
    const posted = await next().post(action, { login: 'sidorova', password: 'gosuslugi-3' }, { from: res });
    expect(posted.statusCode).toBe(303);
    url = pathOf(posted.headers.location);
    res = await next().get(url);
    while (res.statusCode >= 300 && res.statusCode < 400) {
      url = pathOf(res.headers.location);
      res = await next().get(url);
    }
    // a first sign-in ends at the 152-ФЗ consent with what ЕСИА sent: the code was exchanged and the token verified
    expect(url).toBe('/sign-in/oidc/consent');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Сидорова Екатерина');
    expect(turn).toBeGreaterThanOrEqual(6);
    // what carried it from one process to the other: rows, not memory (the two apps here share a
    // process, so the rows are the proof; test/scale/multi-process.test.ts runs real processes)
    const models = await one.deps.db.$client.query<{ model: string }>(
      'select distinct model from dev_idp_store order by model',
    );
    expect(models.rows.map((r) => r.model)).toEqual(
      expect.arrayContaining(['AccessToken', 'AuthorizationCode', 'Grant', 'Session', 'SigningKey']),
    );
    const key = await one.deps.db.$client.query<{ payload: { sealed: string } }>(
      "select payload from dev_idp_store where model = 'SigningKey'",
    );
    // the private key is kept sealed (platform/secrets), not as plain JSON
    expect(JSON.stringify(key.rows)).not.toContain('"kty"');
  });
});
