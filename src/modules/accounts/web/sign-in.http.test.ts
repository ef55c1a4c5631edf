import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { createUser, signIn } from '../../../../test/auth.ts';
import { visitor } from '../../../../test/forms.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('sign-in', () => {
  it('signs in through the form and the layout then shows the person', async () => {
    const u = await createUser(t.deps);
    const browser = await signIn(t.app, u.email, u.password);
    const sid = browser.jar.get('sid');
    expect(sid).toBeTruthy();
    const page = await browser.get('/sign-in?notice=signedOut');
    expect(page.body).toContain('action="/sign-out"');
  });

  it('sets the session cookie HttpOnly, SameSite=Lax, with a Max-Age', async () => {
    const u = await createUser(t.deps);
    const browser = visitor(t.app);
    const res = await browser.post('/sign-in', { email: u.email, password: u.password });
    expect(res.statusCode).toBe(303);
    const c = res.cookies.find((x) => x.name === 'sid');
    expect(c?.httpOnly).toBe(true);
    expect(c?.sameSite).toBe('Lax');
    expect(c?.maxAge).toBe(30 * 24 * 3600);
  });

  it('answers a wrong password with the same words as an unknown e-mail, keeping the e-mail', async () => {
    const u = await createUser(t.deps);
    const wrong = await visitor(t.app).post('/sign-in', { email: u.email, password: 'nope-nope-1' });
    const unknown = await visitor(t.app).post('/sign-in', {
      email: 'nobody@example.test',
      password: 'nope-nope-1',
    });
    expect(wrong.statusCode).toBe(422);
    expect(unknown.statusCode).toBe(422);
    expect(wrong.body).toContain('Адрес электронной почты или пароль введены неверно');
    expect(unknown.body).toContain('Адрес электронной почты или пароль введены неверно');
    expect(wrong.body).toContain(`value="${u.email}"`);
    expect(wrong.body).not.toContain('nope-nope-1');
  });

  it('treats a tampered or unknown session cookie as anonymous, not an error', async () => {
    const u = await createUser(t.deps);
    const browser = await signIn(t.app, u.email, u.password);
    const sid = browser.jar.get('sid') ?? '';
    for (const bad of [`${sid}x`, 'garbage', `${sid.slice(0, -3)}abc`, 'a.b.c', '%%%']) {
      const res = await t.app.inject({ url: '/sign-in', headers: { cookie: `sid=${bad}` } });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('action="/sign-out"');
    }
  });

  it('refuses a sign-in POST without the CSRF token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=a%40b.ru&password=x',
    });
    expect(res.statusCode).toBe(403);
  });
});
