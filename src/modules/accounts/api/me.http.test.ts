import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { signedInAs } from '../../../../test/auth.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/v1/me', () => {
  it('answers signedIn: false for anonymous callers', async () => {
    const res = await t.app.inject('/api/v1/me');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ signedIn: false, user: null });
  });

  it('describes the signed-in person and roles, without the e-mail', async () => {
    const u = await signedInAs(t, 'moderator');
    const res = await t.app.inject({ url: '/api/v1/me', headers: { cookie: u.cookie } });
    expect(res.json()).toEqual({
      signedIn: true,
      user: {
        id: u.userId,
        displayName: 'Тестов Тест Тестович',
        identification: 'email',
        identityLevel: null,
        emailVerified: true,
        roles: [{ role: 'moderator', orgId: null }],
      },
    });
    expect(res.body).not.toContain(u.email);
  });

  it('appears in the OpenAPI document', async () => {
    const doc = (await t.app.inject('/openapi.json')).json();
    expect(Object.keys(doc.paths)).toContain('/api/v1/me');
  });
});
