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

  it('sends security headers on every response', async () => {
    const res = await t.app.inject('/healthz');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
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
