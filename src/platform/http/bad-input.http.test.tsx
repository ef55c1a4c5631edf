import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CookieJar, csrfFrom } from '../../../test/app.ts';
import { createUser, signIn } from '../../../test/auth.ts';
import { createTestDeps, type TestDeps } from '../../../test/db.ts';
import { buildApp } from '../../app.ts';
import { Form } from '../ui/components.tsx';
import { apiInput } from './api.ts';

let deps: TestDeps;
let app: FastifyInstance;

// Routes that exist only in this test: a form, an API endpoint and a handler that fails.
async function testRoutes(t: FastifyInstance) {
  const r = t.withTypeProvider<ZodTypeProvider>();
  r.get('/test/form', async (_req, reply) =>
    reply.page(
      'Форма',
      <Form action="/test/form">
        <input name="title" />
      </Form>,
    ),
  );
  r.post('/test/form', async (_req, reply) => reply.redirect('/test/form', 303));
  r.post(
    '/api/v1/test/items',
    {
      config: { apiAnonymousWrite: true },
      schema: { body: apiInput({ title: z.string().min(1), tags: z.array(z.string()).optional() }) },
    },
    async (req, reply) => reply.status(201).send({ title: req.body.title }),
  );
  r.get('/test/boom', async () => {
    throw new Error('secret internals at /srv/app/db.ts:42');
  });
  r.get('/api/v1/test/boom', async () => {
    throw new Error('secret internals at /srv/app/db.ts:42');
  });
}

beforeAll(async () => {
  deps = await createTestDeps();
  app = await buildApp(deps);
  await app.register(testRoutes);
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await deps.close();
});

async function formSession() {
  const jar = new CookieJar();
  const page = await app.inject('/test/form');
  jar.store(page);
  return { jar, csrf: csrfFrom(page.body) };
}

function expectNoStack(body: string) {
  expect(body).not.toContain('secret internals');
  expect(body).not.toMatch(/\bat .*\.(ts|js):\d+/);
  expect(body).not.toContain('node_modules');
}

describe('bad input gets a clear 4xx, never a 500', () => {
  it('accepts the test form when it is right (the control case)', async () => {
    const { jar, csrf } = await formSession();
    const res = await app.inject({
      method: 'POST',
      url: '/test/form',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, title: 'Привет' }).toString(),
    });
    expect(res.statusCode).toBe(303);
  });

  it('answers a form body over the limit with a 413 page', async () => {
    const { jar, csrf } = await formSession();
    const res = await app.inject({
      method: 'POST',
      url: '/test/form',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, title: 'я'.repeat(600_000) }).toString(),
    });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Слишком большой запрос');
    expect(res.body).toContain('<html lang="ru"');
  });

  it('answers an API body over the limit with 413 problem+json', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/test/items',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ title: 'x'.repeat(1_100_000) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 413, code: 'payload_too_large', title: 'Payload Too Large' });
  });

  it('answers a wrong content type on a form route with 415, not 500', async () => {
    const { jar, csrf } = await formSession();
    for (const type of ['text/plain', 'application/xml', 'image/png']) {
      const res = await app.inject({
        method: 'POST',
        url: '/test/form',
        headers: { cookie: jar.header(), 'content-type': type },
        payload: `_csrf=${csrf}&title=x`,
      });
      expect(res.statusCode, type).toBe(415);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('Запрос не может быть выполнен');
    }
  });

  it('answers a wrong content type on the API with 415 problem+json', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/test/items',
      headers: { 'content-type': 'text/plain' },
      payload: 'title=x',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ status: 415, code: 'unsupported_media_type' });
  });

  it('answers malformed JSON on the API with 400 problem+json', async () => {
    for (const payload of ['{"title": "x"', '', '{"__proto__": {"admin": true}, "title": "x"}']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/test/items',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(res.statusCode, payload).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().status).toBe(400);
      expectNoStack(res.body);
    }
  });

  it('refuses unknown fields in an API body with 400 naming them', async () => {
    const ok = await app.inject({ method: 'POST', url: '/api/v1/test/items', payload: { title: 'x' } });
    expect(ok.statusCode).toBe(201);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/test/items',
      payload: { title: 'x', titel: 'y' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body.code).toBe('invalid_request');
    expect(JSON.stringify(body.errors)).toContain('titel');
  });

  it('refuses a POST without a CSRF token with a 403 page', async () => {
    const { jar } = await formSession();
    const res = await app.inject({
      method: 'POST',
      url: '/test/form',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'title=x',
    });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Срок действия формы истёк');
  });

  it('ignores a tampered signed cookie: the form is refused with 403, pages still render', async () => {
    const { jar, csrf } = await formSession();
    const real = jar.get('_csrf') ?? '';
    expect(real).toContain('.');
    const tampered = `${real.slice(0, -3)}abc`;
    const res = await app.inject({
      method: 'POST',
      url: '/test/form',
      headers: { cookie: `_csrf=${tampered}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, title: 'x' }).toString(),
    });
    expect(res.statusCode).toBe(403);
    const page = await app.inject({
      url: '/test/form',
      headers: { cookie: `_csrf=${tampered}; sid=forged.value; lv=%%%; lang=xx` },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="ru"');
  });

  it('treats a session cookie with a tampered signature as no session', async () => {
    const u = await createUser(deps, { email: 'tamper.test@example.test' });
    const sid = (await signIn(app, u.email, u.password)).jar.get('sid') ?? '';
    const signedIn = await app.inject({ url: '/test/form', headers: { cookie: `sid=${sid}` } });
    expect(signedIn.body).toContain('action="/sign-out"');
    const [token, signature] = [sid.slice(0, sid.lastIndexOf('.')), sid.slice(sid.lastIndexOf('.') + 1)];
    for (const forged of [
      `${token}.${signature.split('').reverse().join('')}`,
      `${token}x.${signature}`,
      token,
    ]) {
      const res = await app.inject({ url: '/test/form', headers: { cookie: `sid=${forged}` } });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('action="/sign-out"');
      expect(res.body).toContain('href="/sign-in"');
    }
  });

  it('answers a malformed URL with a 400, not a 500', async () => {
    const res = await app.inject('/test/%E0%A4%A');
    expect(res.statusCode).toBe(400);
    expectNoStack(res.body);
  });
});

describe('an unexpected error', () => {
  it('shows the 500 page in the layout with no stack trace', async () => {
    const res = await app.inject('/test/boom');
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<html lang="ru"');
    expect(res.body).toContain('Извините, на сайте произошла ошибка');
    expect(res.body).toContain('id="main-content"');
    expect(res.body).toContain('govuk-footer');
    expectNoStack(res.body);
  });

  it('answers the API with 500 problem+json and no detail', async () => {
    const res = await app.inject('/api/v1/test/boom');
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      code: 'internal',
    });
  });
});
