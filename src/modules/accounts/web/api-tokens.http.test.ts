import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, csrfFrom, type TestApp } from '../../../../test/app.ts';
import { type SignedIn, signedInAs } from '../../../../test/auth.ts';
import { auditLog } from '../../../platform/audit/audit.tables.ts';
import { seedOrganizations } from '../../orgs/index.ts';
import { apiTokens } from '../accounts.tables.ts';

let t: TestApp;
let owner: SignedIn;
let other: SignedIn;

beforeAll(async () => {
  t = await createTestApp();
  await seedOrganizations(t.deps);
  owner = await signedInAs(t, 'citizen', null, { identification: 'esia' });
  other = await signedInAs(t, 'citizen');
});
afterAll(async () => {
  await t.close();
});

const appeal = {
  orgSlug: 'minzdrav',
  kind: 'proposal',
  lastName: 'Ключев',
  firstName: 'Антон',
  email: 'klyuchev@example.test',
  text: 'Отправлено программой с личным ключом.',
};

async function newToken(name: string): Promise<string> {
  const res = await owner.post('/cabinet/tokens', { name });
  expect(res.statusCode).toBe(200);
  expect(res.headers['cache-control']).toBe('no-store');
  const token = res.body.match(/<code>(ort_[A-Za-z0-9_-]+)<\/code>/)?.[1];
  if (!token) throw new Error('no token on the page');
  return token;
}

describe('personal API tokens', () => {
  it('are linked from the cabinet and ask for a name', async () => {
    expect((await owner.get('/cabinet')).body).toContain('href="/cabinet/tokens"');
    const res = await owner.post('/cabinet/tokens', { name: ' ' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Введите название ключа');
  });

  it('act as their owner on /api/v1: an appeal submitted with a token is theirs', async () => {
    const token = await newToken('Моя программа');
    const [row] = await t.deps.db.select().from(apiTokens).where(eq(apiTokens.name, 'Моя программа'));
    expect(row?.tokenHash).not.toContain(token);
    expect(row?.tokenHash).toHaveLength(64);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/appeals',
      headers: { authorization: `Bearer ${token}` },
      payload: appeal,
    });
    expect(res.statusCode).toBe(201);
    const { number } = res.json();
    const mine = await t.app.inject({ url: `/api/v1/appeals/${number}`, headers: { cookie: owner.cookie } });
    expect(mine.statusCode).toBe(200);
    const viaToken = await t.app.inject({
      url: `/api/v1/appeals/${number}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(viaToken.statusCode).toBe(200);
    const page = await owner.get('/cabinet/tokens');
    expect(page.body).toContain('Моя программа');
    expect(page.body).not.toContain(token);
  });

  it('do not open HTML pages, and unknown tokens are nobody', async () => {
    const token = await newToken('Только API');
    const cabinet = await t.app.inject({ url: '/cabinet', headers: { authorization: `Bearer ${token}` } });
    expect(cabinet.statusCode).toBe(303);
    const bogus = await t.app.inject({
      method: 'POST',
      url: '/api/v1/appeals',
      headers: { authorization: 'Bearer ort_not-a-real-token' },
      payload: appeal,
    });
    expect(bogus.statusCode).toBe(401);
  });

  it('stop working once revoked; only their owner can revoke them', async () => {
    const token = await newToken('Отзываемый');
    const [row] = await t.deps.db.select().from(apiTokens).where(eq(apiTokens.name, 'Отзываемый'));
    const page = await other.get('/cabinet/tokens');
    const theirs = await t.app.inject({
      method: 'POST',
      url: `/cabinet/tokens/${row?.id}/revoke`,
      headers: { cookie: other.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrfFrom(page.body) }).toString(),
    });
    expect(theirs.statusCode).toBe(404);
    const own = await owner.post(`/cabinet/tokens/${row?.id}/revoke`, {}, { from: '/cabinet/tokens' });
    expect(own.statusCode).toBe(303);
    const after = await t.app.inject({
      method: 'POST',
      url: '/api/v1/appeals',
      headers: { authorization: `Bearer ${token}` },
      payload: appeal,
    });
    expect(after.statusCode).toBe(401);
    const actions = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.objectId, row?.id as string));
    expect(actions.map((a) => a.action).sort()).toEqual(['api_token.create', 'api_token.revoke']);
  });
});
