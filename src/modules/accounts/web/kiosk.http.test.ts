import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { createUser, sessionFor } from '../../../../test/auth.ts';
import { visitor } from '../../../../test/forms.ts';
import { sessions } from '../accounts.tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function kioskBrowser() {
  const browser = visitor(t.app);
  const res = await browser.post('/kiosk', {});
  expect(res.statusCode).toBe(303);
  expect(browser.jar.get('kiosk')).toBe('1');
  return browser;
}

describe('kiosk mode', () => {
  it('turns on for the browser: larger targets and the idle refresh on every page', async () => {
    const browser = await kioskBrowser();
    const page = await browser.get('/sign-in');
    expect(page.body).toMatch(/<html[^>]*class="[^"]*\bkiosk\b/);
    expect(page.body).toContain('<meta http-equiv="refresh" content="300;url=/kiosk/idle"/>');
    expect(page.body).toContain('вход не запоминается');
    const plain = await visitor(t.app).get('/sign-in');
    expect(plain.body).not.toContain('http-equiv="refresh"');
  });

  it('hides the links that lead off the service (the API docs) on every page and the home', async () => {
    const browser = await kioskBrowser();
    for (const path of ['/sign-in', '/']) {
      expect((await visitor(t.app).get(path)).body, path).toContain('href="/api/docs"');
      const page = await browser.get(path);
      expect(page.statusCode, path).toBe(200);
      expect(page.body, path).not.toContain('href="/api/docs"');
    }
  });

  it('does not remember the sign-in and ends the session after 5 idle minutes', async () => {
    const u = await createUser(t.deps);
    const browser = await kioskBrowser();
    const res = await browser.post('/sign-in', { email: u.email, password: u.password });
    expect(res.statusCode).toBe(303);
    const cookie = res.cookies.find((c) => c.name === 'sid');
    expect(cookie?.maxAge).toBeUndefined();
    expect(cookie?.expires).toBeUndefined();
    const [row] = await t.deps.db.select().from(sessions).where(eq(sessions.userId, u.userId));
    expect(row?.kiosk).toBe(true);

    // Activity keeps it alive…
    for (let i = 0; i < 3; i++) {
      t.deps.clock.advance(4 * 60 * 1000);
      expect((await browser.get('/cabinet')).statusCode).toBe(200);
    }
    // …5 idle minutes end it on the server.
    t.deps.clock.advance(5 * 60 * 1000 + 1000);
    expect((await browser.get('/cabinet')).statusCode).toBe(303);
  });

  it('clears the kiosk session when the screen refreshes to /kiosk/idle', async () => {
    const u = await createUser(t.deps);
    const browser = await kioskBrowser();
    await browser.post('/sign-in', { email: u.email, password: u.password });
    const idle = await browser.get('/kiosk/idle');
    expect(idle.statusCode).toBe(200);
    expect(idle.body).toContain('Сеанс завершён');
    expect(idle.body).not.toContain('action="/sign-out"');
    expect(await t.deps.db.select().from(sessions).where(eq(sessions.userId, u.userId))).toHaveLength(0);
  });

  it('never ends an ordinary session through /kiosk/idle', async () => {
    const u = await createUser(t.deps);
    const browser = await sessionFor(t, u);
    await browser.get('/kiosk/idle');
    expect((await browser.get('/cabinet')).statusCode).toBe(200);
  });

  it('turning kiosk mode on signs out whoever set the terminal up; off removes the cookie', async () => {
    const u = await createUser(t.deps);
    const browser = await sessionFor(t, u);
    await browser.post('/kiosk', {});
    expect(browser.jar.get('sid')).toBeUndefined();
    expect((await browser.get('/kiosk')).body).toContain('Режим терминала включён');
    await browser.post('/kiosk/off', {}, { from: '/kiosk' });
    expect(browser.jar.get('kiosk')).toBeUndefined();
    expect((await browser.get('/kiosk')).body).not.toMatch(/<html[^>]*class="[^"]*\bkiosk\b/);
  });
});
