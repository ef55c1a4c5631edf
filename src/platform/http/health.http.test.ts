import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('platform endpoints', () => {
  it('answers /healthz and /readyz', async () => {
    const h = await t.app.inject('/healthz');
    expect(h.statusCode).toBe(200);
    expect(h.json()).toEqual({ status: 'ok' });
    const r = await t.app.inject('/readyz');
    expect(r.statusCode).toBe(200);
  });

  it('shows a 404 page in the layout, in Russian, and problem+json under /api/', async () => {
    const page = await t.app.inject('/no-such-page');
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Страница не найдена');
    expect(page.body).toContain('<html lang="ru"');
    const api = await t.app.inject('/api/v1/no-such');
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
    expect(api.json().code).toBe('not_found');
  });

  it('switches the interface to English and remembers it', async () => {
    const en = await t.app.inject('/no-such-page?lang=en');
    expect(en.body).toContain('Page not found');
    expect(en.body).toContain('<html lang="en"');
    const cookie = en.cookies.find((c) => c.name === 'lang');
    expect(cookie?.value).toBe('en');
  });

  it('sends security headers on every response: pages, API, errors, text files, refused forms', async () => {
    const responses = [
      await t.app.inject('/healthz'),
      await t.app.inject('/sign-in'),
      await t.app.inject('/accessibility?lang=en'),
      await t.app.inject('/no-such-page'),
      await t.app.inject('/api/v1/me'),
      await t.app.inject('/api/v1/no-such'),
      await t.app.inject('/api/v1/organizations?perPage=1000'),
      await t.app.inject('/openapi.json'),
      await t.app.inject('/robots.txt'),
      await t.app.inject('/assets/no-such.css'),
      await t.app.inject({
        method: 'POST',
        url: '/sign-in',
        payload: 'email=a%40b.ru',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
    ];
    // the kinds of answer the list covers: 200, 400, 403, 404; HTML, JSON, problem+json, text
    expect(new Set(responses.map((r) => r.statusCode))).toEqual(new Set([200, 400, 403, 404]));
    for (const res of responses) {
      const what = `${res.statusCode} ${res.headers['content-type']}`;
      expect(res.headers['content-security-policy'], what).toContain("script-src 'self'");
      expect(res.headers['content-security-policy'], what).not.toContain('unsafe-inline');
      expect(res.headers['x-content-type-options'], what).toBe('nosniff');
      expect(res.headers['x-frame-options'], what).toBe('DENY');
      expect(res.headers['referrer-policy'], what).toBeTruthy();
    }
  });

  it('refuses a POST without a CSRF token with a 403 page, not a 500', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/anything',
      payload: 'a=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Срок действия формы истёк');
  });
});
