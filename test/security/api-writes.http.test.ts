import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrganizations } from '../../src/modules/orgs/index.ts';
import { createTestApp, csrfFrom, type TestApp } from '../app.ts';
import { createUser, signIn } from '../auth.ts';
import type { Agent } from '../forms.ts';

/*
 * Writes to the cookie-authenticated JSON API (issue 9): authentication before
 * validation (401, not 400), JSON only (415), and a cookie-authenticated write
 * needs a same-origin Origin or the CSRF header (403), so a form on another site
 * cannot file an appeal in a citizen's name. Bearer-token writes are unaffected.
 */

let t: TestApp;
let jar: Agent;
let origin: string;

const appeal = {
  orgSlug: 'minzdrav',
  kind: 'proposal',
  lastName: 'Ключев',
  firstName: 'Антон',
  email: 'klyuchev@example.test',
  text: 'Прошу поставить скамейки у поликлиники.',
};

beforeAll(async () => {
  t = await createTestApp();
  await seedOrganizations(t.deps);
  const u = await createUser(t.deps, { identification: 'esia' });
  jar = await signIn(t.app, u.email, u.password);
  origin = new URL(t.deps.config.publicUrl).origin;
});
afterAll(async () => {
  await t.close();
});

const post = (headers: Record<string, string>, payload: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/appeals', headers, payload });

async function appealsCount(): Promise<number> {
  const r = await t.deps.db.$client.query('select count(*)::int as n from appeals');
  return r.rows[0].n as number;
}

describe('authentication comes first', () => {
  it('an anonymous POST is 401 whatever the body: valid, invalid, null, not JSON', async () => {
    for (const [type, body] of [
      ['application/json', JSON.stringify(appeal)],
      ['application/json', '{}'],
      ['application/json', 'null'],
      ['application/json', '{"orgSlug":'],
      ['application/x-www-form-urlencoded', 'orgSlug=minzdrav'],
    ] as const) {
      const res = await post({ 'content-type': type }, body);
      expect(res.statusCode, body).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
    }
  });
});

describe('cross-site writes with the session cookie', () => {
  it('refuses a urlencoded form posted by another site (415), and files nothing', async () => {
    const before = await appealsCount();
    const res = await post(
      {
        cookie: jar.cookie,
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
      },
      new URLSearchParams(appeal).toString(),
    );
    expect([403, 415]).toContain(res.statusCode);
    expect(await appealsCount()).toBe(before);
  });

  it('refuses urlencoded, multipart and text/plain even from this site: the API reads JSON only', async () => {
    const before = await appealsCount();
    for (const type of [
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=xyz',
      'text/plain',
    ]) {
      const payload = type.startsWith('multipart')
        ? '--xyz\r\nContent-Disposition: form-data; name="orgSlug"\r\n\r\nminzdrav\r\n--xyz--\r\n'
        : new URLSearchParams(appeal).toString();
      const res = await post({ cookie: jar.cookie, origin, 'content-type': type }, payload);
      expect(res.statusCode, type).toBe(415);
      expect(res.json()).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    }
    expect(await appealsCount()).toBe(before);
  });

  it('refuses JSON with the cookie but no Origin and no CSRF header, or a foreign Origin (403)', async () => {
    const before = await appealsCount();
    const attempts: Record<string, string>[] = [
      {},
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'x-csrf-token': 'forged' },
    ];
    for (const headers of attempts) {
      const res = await post(
        { cookie: jar.cookie, 'content-type': 'application/json', ...headers },
        JSON.stringify(appeal),
      );
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json()).toMatchObject({ status: 403, code: 'csrf' });
    }
    expect(await appealsCount()).toBe(before);
  });

  it('accepts JSON with the cookie from this site: same Origin, or the page’s CSRF token', async () => {
    const sameOrigin = await post(
      { cookie: jar.cookie, origin, 'content-type': 'application/json' },
      JSON.stringify(appeal),
    );
    expect(sameOrigin.statusCode).toBe(201);
    const page = await jar.get('/cabinet/tokens');
    const withToken = await post(
      { cookie: jar.cookie, 'x-csrf-token': csrfFrom(page.body), 'content-type': 'application/json' },
      JSON.stringify(appeal),
    );
    expect(withToken.statusCode).toBe(201);
  });
});

describe('personal API keys', () => {
  it('write without Origin or CSRF header (no cookie involved), and still only JSON', async () => {
    const created = await jar.post('/cabinet/tokens', { name: 'Скрипт' });
    const token = created.body.match(/<code>(ort_[A-Za-z0-9_-]+)<\/code>/)?.[1] as string;
    expect(token).toBeTruthy();
    const ok = await post(
      { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      JSON.stringify(appeal),
    );
    expect(ok.statusCode).toBe(201);
    const form = await post(
      { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
      new URLSearchParams(appeal).toString(),
    );
    expect(form.statusCode).toBe(415);
    const bad = await post({ authorization: 'Bearer ort_nope', 'content-type': 'application/json' }, 'null');
    expect(bad.statusCode).toBe(401);
  });
});

describe('bad bodies from a signed-in citizen are a clear 4xx', () => {
  it('JSON null, a number, an array, a string, deep nesting, broken JSON: 400 problem+json', async () => {
    for (const body of [
      'null',
      '42',
      '[]',
      '"x"',
      'true',
      `${'['.repeat(5000)}${']'.repeat(5000)}`,
      '{"a":',
    ]) {
      const res = await post({ cookie: jar.cookie, origin, 'content-type': 'application/json' }, body);
      expect(res.statusCode, body.slice(0, 20)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});
