import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrganizations } from '../../src/modules/orgs/index.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { createUser, signIn } from '../auth.ts';

/*
 * Stored and reflected XSS (a class found in Decidim's and CONSUL's advisories):
 * a person's name and the search box's filter and pagination parameters come
 * back on pages as text, never as markup.
 */

const PAYLOAD = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedOrganizations(t.deps);
});
afterAll(async () => {
  await t.close();
});

function expectInert(html: string) {
  expect(html).not.toContain('<script>alert(1)');
  expect(html).not.toMatch(/<img[^>]*onerror=alert/);
}

describe('stored XSS through a name', () => {
  it('a person named with markup sees it as text on /cabinet', async () => {
    const u = await createUser(t.deps, { lastName: PAYLOAD, firstName: PAYLOAD, patronymic: null });
    const jar = await signIn(t.app, u.email, u.password);
    const res = await t.app.inject({ url: '/cabinet', headers: { cookie: jar.cookie } });
    expect(res.statusCode).toBe(200);
    expectInert(res.body);
    expect(res.body).toContain('&lt;script>alert(1)&lt;/script>');
  });
});

describe('reflected XSS through filter and pagination parameters', () => {
  for (const url of [
    `/search?q=${encodeURIComponent(PAYLOAD)}`,
    `/search?q=x&page=${encodeURIComponent(PAYLOAD)}`,
    `/search?q=x&sort=${encodeURIComponent(PAYLOAD)}`,
    `/search?q=x&type=${encodeURIComponent(PAYLOAD)}&org=${encodeURIComponent(PAYLOAD)}`,
    `/orgs/minzdrav/documents?q=${encodeURIComponent(PAYLOAD)}&page=${encodeURIComponent(PAYLOAD)}`,
  ]) {
    it(`${url.slice(0, 40)}…: a 2xx/4xx page with the value as text`, async () => {
      const res = await t.app.inject(url);
      expect(res.statusCode).toBeLessThan(500);
      expectInert(res.body);
    });
  }
});
