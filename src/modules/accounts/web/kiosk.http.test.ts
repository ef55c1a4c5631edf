import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { createUser, sessionFor, signedInAs } from '../../../../test/auth.ts';
import { visitor } from '../../../../test/forms.ts';
import { auditLog } from '../../../platform/audit/audit.tables.ts';
import { kioskTerminals, sessions } from '../accounts.tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const PIN = '4821';

/** A browser a member of staff put into kiosk mode with PIN (their own session ends). */
async function kioskBrowser() {
  const browser = await signedInAs(t, 'project_office', null);
  const res = await browser.post('/kiosk', { pin: PIN, pinConfirm: PIN });
  expect(res.statusCode).toBe(303);
  expect(browser.jar.get('kiosk')).toMatch(/^[0-9a-f-]{36}$/);
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

  it('only staff turn it on, with a PIN typed twice; mistakes come back in plain words', async () => {
    const anon = await visitor(t.app).get('/kiosk');
    expect(anon.body).toContain('Включить режим терминала может только сотрудник');
    expect(anon.body).not.toContain('name="pin"');
    const citizen = await signedInAs(t, 'citizen');
    const refused = await citizen.post('/kiosk', { pin: PIN, pinConfirm: PIN }, { from: '/kiosk' });
    expect(refused.statusCode).toBe(403);
    expect(citizen.jar.get('kiosk')).toBeUndefined();

    const staff = await signedInAs(t, 'project_office', null);
    const short = await staff.post('/kiosk', { pin: '12', pinConfirm: '12' });
    expect(short.statusCode).toBe(422);
    expect(short.body).toContain('Введите PIN-код из 4–8 цифр');
    const mismatch = await staff.post('/kiosk', { pin: '123456', pinConfirm: '123457' });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.body).toContain('PIN-коды не совпадают');
    // a PIN is never sent back into the form
    expect(mismatch.body).not.toContain('value="123456"');
    expect(staff.jar.get('kiosk')).toBeUndefined();
  });

  it('turning kiosk mode on signs out whoever set the terminal up; only the PIN turns it off', async () => {
    const u = await createUser(t.deps, { grants: [] });
    const browser = await kioskBrowser();
    expect(browser.jar.get('sid')).toBeUndefined();
    const terminalId = browser.jar.get('kiosk') ?? '';
    const on = await browser.get('/kiosk');
    expect(on.body).toContain('Режим терминала включён');
    expect(on.body).toContain('inputmode="numeric"');

    // a visitor at the terminal cannot leave it: no PIN, a wrong PIN
    const none = await browser.post('/kiosk/off', { pin: '' }, { from: '/kiosk' });
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Введите PIN-код, чтобы выключить режим терминала');
    const wrong = await browser.post('/kiosk/off', { pin: '0000' }, { from: '/kiosk' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('PIN-код неверный');
    expect(browser.jar.get('kiosk')).toBe(terminalId);
    // signing in on the terminal does not open a way out either
    await browser.post('/sign-in', { email: u.email, password: u.password });
    expect((await browser.post('/kiosk/off', { pin: '9999' }, { from: '/kiosk' })).statusCode).toBe(422);

    const off = await browser.post('/kiosk/off', { pin: PIN }, { from: '/kiosk' });
    expect(off.statusCode).toBe(303);
    expect(browser.jar.get('kiosk')).toBeUndefined();
    expect(browser.jar.get('sid')).toBeUndefined();
    expect((await browser.get('/kiosk')).body).not.toMatch(/<html[^>]*class="[^"]*\bkiosk\b/);
    const [row] = await t.deps.db.select().from(kioskTerminals).where(eq(kioskTerminals.id, terminalId));
    expect(row?.endedAt).toBeInstanceOf(Date);
    expect(row?.pinHash).toMatch(/^\$argon2id\$/);
    const actions = (await t.deps.db.select().from(auditLog).where(eq(auditLog.objectId, terminalId))).map(
      (a) => a.action,
    );
    expect(actions.sort()).toEqual(['kiosk.end', 'kiosk.start']);
  });

  it('warns before the idle reset with «Продолжить» (JavaScript) and keeps the meta refresh for no JavaScript', async () => {
    const browser = await kioskBrowser();
    const page = await browser.get('/');
    expect(page.body).toMatch(
      /<noscript><meta http-equiv="refresh" content="300;url=\/kiosk\/idle"\/><\/noscript>/,
    );
    expect(page.body).toContain('data-module="app-kiosk-idle"');
    expect(page.body).toMatch(/role="alertdialog"[^>]*hidden/);
    expect(page.body).toContain('>Продолжить</button>');
    const alive = await browser.get('/kiosk/alive');
    expect(alive.statusCode).toBe(204);
    expect(alive.headers['cache-control']).toBe('no-store');
    const plain = await visitor(t.app).get('/');
    expect(plain.body).not.toContain('app-kiosk-idle');
  });

  it('a forged kiosk cookie that is not a terminal id is ignored', async () => {
    const browser = visitor(t.app);
    browser.jar.set('kiosk', '1');
    expect((await browser.get('/sign-in')).body).not.toMatch(/<html[^>]*class="[^"]*\bkiosk\b/);
  });
});
