import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { createUser, sessionFor } from '../../../../test/auth.ts';
import { type Agent, visitor } from '../../../../test/forms.ts';
import { auditLog } from '../../../platform/audit/audit.tables.ts';
import { userIdentities, users } from '../accounts.tables.ts';
import { OIDC_CONSENT_VERSION } from '../sign-in-with-oidc.ts';

let t: TestApp;
beforeAll(async () => {
  // SEED=demo mounts the demo ЕСИА at /dev-idp.
  t = await createTestApp({ env: { SEED: 'demo' } });
});
afterAll(async () => {
  await t.close();
});

function pathOf(location: string | undefined): string {
  if (!location) throw new Error('no redirect');
  const u = new URL(location, t.deps.config.publicUrl);
  return `${u.pathname}${u.search}`;
}

/** Follow redirects like a browser until a page (200/4xx) is reached; returns it and the last URL. */
async function follow(browser: Agent, url: string) {
  let current = url;
  for (let i = 0; i < 10; i++) {
    const res = await browser.get(current);
    if (res.statusCode < 300 || res.statusCode >= 400) return { res, url: current };
    current = pathOf(res.headers.location as string);
  }
  throw new Error('too many redirects');
}

/** Sign in at the demo ЕСИА from /sign-in; returns where the portal sent the browser at the end. */
async function esiaSignIn(browser: Agent, login: string, password: string, start = '/sign-in/oidc/esia') {
  const { res, url } = await follow(browser, start);
  expect(url).toMatch(/^\/dev-idp\/interaction\//);
  expect(res.body).toContain('Демонстрационная ЕСИА');
  const action = res.body.match(/action="(\/dev-idp\/interaction\/[^"]+\/login)"/)?.[1] as string;
  const posted = await browser.post(action, { login, password }, { from: url });
  if (posted.statusCode !== 303) return { res: posted, url: action };
  return follow(browser, pathOf(posted.headers.location as string));
}

describe('OpenID Connect sign-in with the demo ЕСИА', () => {
  it('offers «Войти через Госуслуги (ЕСИА)» on /sign-in', async () => {
    const res = await visitor(t.app).get('/sign-in');
    expect(res.body).toContain('Войти через Госуслуги (ЕСИА)');
    expect(res.body).toContain('href="/sign-in/oidc/esia"');
  });

  it('runs the whole code flow: the 152-ФЗ consent first, then a signed-in citizen identified as esia', async () => {
    const browser = visitor(t.app);
    const consent = await esiaSignIn(browser, 'petrov', 'gosuslugi-2', '/sign-in/oidc/esia?next=/cabinet');
    // A first sign-in stops at the consent: what data, why, how to withdraw. Nothing is stored yet.
    expect(consent.url).toBe('/sign-in/oidc/consent');
    expect(consent.res.statusCode).toBe(200);
    for (const text of [
      'Согласие на обработку персональных данных',
      'Петров Алексей Николаевич',
      'a.petrov@esia-demo.example',
      'стандартная',
      '152-ФЗ',
      'Зачем и на каком основании',
      'Как отозвать согласие',
    ])
      expect(consent.res.body).toContain(text);
    expect(await t.deps.db.select().from(users).where(eq(users.email, 'a.petrov@esia-demo.example'))).toEqual(
      [],
    );
    // Nothing else can be done before answering: there is no session.
    const cabinet = await browser.get('/cabinet');
    expect(cabinet.statusCode).toBe(303);
    expect(cabinet.headers.location).toMatch(/^\/sign-in/);

    const agreed = await browser.post('/sign-in/oidc/consent', { decision: 'agree' }, { from: consent.res });
    expect(agreed.statusCode).toBe(303);
    expect(agreed.headers.location).toBe('/cabinet');
    const { res, url } = await follow(browser, '/cabinet');
    expect(url).toBe('/cabinet');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Петров Алексей Николаевич');
    expect(res.body).toContain('Через Госуслуги (ЕСИА)');
    expect(res.body).toContain('стандартная');
    const [u] = await t.deps.db.select().from(users).where(eq(users.email, 'a.petrov@esia-demo.example'));
    expect(u?.identification).toBe('esia');
    expect(u?.identityLevel).toBe('standard');
    const ids = await t.deps.db
      .select()
      .from(userIdentities)
      .where(eq(userIdentities.userId, u?.id as string));
    expect(ids.map((i) => [i.provider, i.subject])).toEqual([['esia', 'esia-demo-1000002']]);
    // the consent's version is kept with the sign-up, as for a sign-up by password
    const [signUp] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, u?.id as string), eq(auditLog.action, 'account.sign_up')));
    expect(signUp?.details).toMatchObject({ method: 'oidc', consent: OIDC_CONSENT_VERSION });

    // Signing in again finds the same account by provider + subject.
    const again = await esiaSignIn(visitor(t.app), 'petrov', 'gosuslugi-2');
    expect(again.url).toBe('/cabinet');
    expect(
      await t.deps.db.select().from(users).where(eq(users.email, 'a.petrov@esia-demo.example')),
    ).toHaveLength(1);
  });

  it('refusing the consent creates nothing and keeps none of the data ЕСИА sent', async () => {
    const counts = async () =>
      (
        await t.deps.db.execute<{ u: number; i: number; a: number }>(
          sql`select (select count(*) from users)::int as u, (select count(*) from user_identities)::int as i,
                     (select count(*) from audit_log)::int as a`,
        )
      ).rows[0];
    const before = await counts();
    const browser = visitor(t.app);
    const consent = await esiaSignIn(browser, 'ivanova', 'gosuslugi-1', '/sign-in/oidc/esia?next=/cabinet');
    expect(consent.url).toBe('/sign-in/oidc/consent');
    // no answer: the form again, saying what to do
    const none = await browser.post('/sign-in/oidc/consent', {}, { from: consent.res });
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Выберите, согласны ли вы на обработку персональных данных');

    const refused = await browser.post(
      '/sign-in/oidc/consent',
      { decision: 'refuse' },
      { from: consent.res },
    );
    expect(refused.statusCode).toBe(303);
    expect(refused.headers.location).toBe('/sign-in?notice=oidcConsentRefused');
    expect((await browser.get('/sign-in?notice=oidcConsentRefused')).body).toContain(
      'Учётная запись не создана',
    );
    expect(await counts()).toEqual(before);
    const stored = await t.deps.db.execute(
      sql`select 1 from users where last_name = 'Иванова' or email = 'm.ivanova@esia-demo.example'
          union all select 1 from user_identities where subject = 'esia-demo-1000001'`,
    );
    expect(stored.rows).toEqual([]);
    // the sealed answer is gone from the browser: the consent page cannot be opened again
    expect(browser.jar.get('oidc_consent')).toBeUndefined();
    const again = await browser.get('/sign-in/oidc/consent');
    expect(again.headers.location).toBe('/sign-in?notice=oidcFailed');
  });

  it('refuses a forged or altered consent cookie', async () => {
    const browser = visitor(t.app);
    browser.jar.set('oidc_consent', 'sealed:v1:abcdefgh:AAAA');
    const res = await browser.get('/sign-in/oidc/consent');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/sign-in?notice=oidcFailed');
  });

  it('re-renders the demo ЕСИА form on a wrong password, keeping the login', async () => {
    const browser = visitor(t.app);
    const { res } = await esiaSignIn(browser, 'ivanova', 'wrong');
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Неверный логин или пароль');
    expect(res.body).toContain('value="ivanova"');
  });

  it('links ЕСИА to a signed-in person from the cabinet, making the account identified', async () => {
    const u = await createUser(t.deps, { email: 'linker@example.test' });
    const browser = await sessionFor(t, u);
    expect((await browser.get('/cabinet')).body).toContain('href="/sign-in/oidc/esia?next=/cabinet"');
    const { res, url } = await esiaSignIn(
      browser,
      'sidorova',
      'gosuslugi-3',
      '/sign-in/oidc/esia?next=/cabinet',
    );
    expect(url).toBe('/cabinet?notice=esia');
    expect(res.body).toContain('Личность подтверждена через Госуслуги.');
    expect(res.body).toContain('Сидорова Екатерина');
    expect(res.body).toContain('упрощённая');
    const [row] = await t.deps.db.select().from(users).where(eq(users.id, u.userId));
    expect(row?.identification).toBe('esia');
  });

  it('refuses a callback without the transaction cookie or with a forged state', async () => {
    const res = await visitor(t.app).get('/sign-in/oidc/esia/callback?code=abc&state=xyz');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/sign-in?notice=oidcFailed');
    const browser = visitor(t.app);
    await browser.get('/sign-in/oidc/esia');
    const forged = await browser.get('/sign-in/oidc/esia/callback?code=abc&state=forged');
    expect(forged.headers.location).toBe('/sign-in?notice=oidcFailed');
  });

  it('answers 404 for an unknown provider', async () => {
    expect((await visitor(t.app).get('/sign-in/oidc/nope')).statusCode).toBe(404);
  });
});

describe('without SEED=demo', () => {
  it('mounts no /dev-idp and shows no ЕСИА button', async () => {
    const plain = await createTestApp();
    try {
      expect((await plain.app.inject('/dev-idp/.well-known/openid-configuration')).statusCode).toBe(404);
      expect((await plain.app.inject('/sign-in')).body).not.toContain('/sign-in/oidc/esia');
    } finally {
      await plain.close();
    }
  });
});
