import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, createTestApp, type TestApp } from '../../../../test/app.ts';
import { createUser, signIn } from '../../../../test/auth.ts';
import { getPage, submitForm } from '../../../../test/forms.ts';
import { sessions } from '../accounts.tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function kioskJar() {
  const jar = new CookieJar();
  const res = await submitForm(t.app, jar, '/kiosk', {});
  expect(res.statusCode).toBe(303);
  expect(jar.get('kiosk')).toBe('1');
  return jar;
}

describe('kiosk mode', () => {
  it('turns on for the browser: larger targets and the idle refresh on every page', async () => {
    const jar = await kioskJar();
    const page = await getPage(t.app, jar, '/sign-in');
    expect(page.body).toMatch(/<html[^>]*class="[^"]*\bkiosk\b/);
    expect(page.body).toContain('<meta http-equiv="refresh" content="300;url=/kiosk/idle"/>');
    expect(page.body).toContain('вход не запоминается');
    const plain = await getPage(t.app, new CookieJar(), '/sign-in');
    expect(plain.body).not.toContain('http-equiv="refresh"');
  });

  it('does not remember the sign-in and ends the session after 5 idle minutes', async () => {
    const u = await createUser(t.deps);
    const jar = await kioskJar();
    const res = await submitForm(t.app, jar, '/sign-in', { email: u.email, password: u.password });
    expect(res.statusCode).toBe(303);
    const cookie = res.cookies.find((c) => c.name === 'sid');
    expect(cookie?.maxAge).toBeUndefined();
    expect(cookie?.expires).toBeUndefined();
    const [row] = await t.deps.db.select().from(sessions).where(eq(sessions.userId, u.userId));
    expect(row?.kiosk).toBe(true);

    // Activity keeps it alive…
    for (let i = 0; i < 3; i++) {
      t.deps.clock.advance(4 * 60 * 1000);
      expect((await getPage(t.app, jar, '/cabinet')).statusCode).toBe(200);
    }
    // …5 idle minutes end it on the server.
    t.deps.clock.advance(5 * 60 * 1000 + 1000);
    expect((await getPage(t.app, jar, '/cabinet')).statusCode).toBe(303);
  });

  it('clears the kiosk session when the screen refreshes to /kiosk/idle', async () => {
    const u = await createUser(t.deps);
    const jar = await kioskJar();
    await submitForm(t.app, jar, '/sign-in', { email: u.email, password: u.password });
    const idle = await getPage(t.app, jar, '/kiosk/idle');
    expect(idle.statusCode).toBe(200);
    expect(idle.body).toContain('Сеанс завершён');
    expect(idle.body).not.toContain('action="/sign-out"');
    expect(await t.deps.db.select().from(sessions).where(eq(sessions.userId, u.userId))).toHaveLength(0);
  });

  it('never ends an ordinary session through /kiosk/idle', async () => {
    const u = await createUser(t.deps);
    const jar = await signIn(t.app, u.email, u.password);
    await getPage(t.app, jar, '/kiosk/idle');
    expect((await getPage(t.app, jar, '/cabinet')).statusCode).toBe(200);
  });

  it('turning kiosk mode on signs out whoever set the terminal up; off removes the cookie', async () => {
    const u = await createUser(t.deps);
    const jar = await signIn(t.app, u.email, u.password);
    await submitForm(t.app, jar, '/kiosk', {});
    expect(jar.get('sid')).toBeUndefined();
    expect((await getPage(t.app, jar, '/kiosk')).body).toContain('Режим терминала включён');
    await submitForm(t.app, jar, '/kiosk/off', {}, '/kiosk');
    expect(jar.get('kiosk')).toBeUndefined();
    expect((await getPage(t.app, jar, '/kiosk')).body).not.toMatch(/<html[^>]*class="[^"]*\bkiosk\b/);
  });
});
