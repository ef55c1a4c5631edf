import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { createUser, sessionFor } from '../../../../test/auth.ts';
import { visitor } from '../../../../test/forms.ts';
import { auditLog } from '../../../platform/audit/audit.tables.ts';
import { sessions } from '../accounts.tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('/cabinet', () => {
  it('sends anonymous visitors to sign-in and back afterwards', async () => {
    const res = await visitor(t.app).get('/cabinet/password');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/sign-in?next=%2Fcabinet%2Fpassword');
    const u = await createUser(t.deps);
    const browser = visitor(t.app);
    const signedIn = await browser.post('/sign-in', {
      email: u.email,
      password: u.password,
      next: '/cabinet/password',
    });
    expect(signedIn.headers.location).toBe('/cabinet/password');
  });

  it('never redirects after sign-in to another site', async () => {
    const u = await createUser(t.deps);
    for (const next of ['https://evil.example/', '//evil.example/x', '/\\evil.example']) {
      const res = await visitor(t.app).post('/sign-in', {
        email: u.email,
        password: u.password,
        next,
      });
      expect(res.headers.location).toBe('/cabinet');
    }
  });

  it('shows the profile, how the person is identified, roles and sessions', async () => {
    const u = await createUser(t.deps, { lastName: 'Петров', firstName: 'Пётр', patronymic: null });
    const browser = await sessionFor(t, u);
    const res = await browser.get('/cabinet');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Петров Пётр');
    expect(res.body).toContain(u.email);
    expect(res.body).toContain('По адресу электронной почты (не идентифицирован)');
    expect(res.body).toContain('Нет служебных ролей.');
    expect(res.body).toContain('этот сеанс');
    expect(res.body).toContain('Выйти на всех устройствах');
  });

  it('shows an ЕСИА-identified person as such, with the level and no name change', async () => {
    const u = await createUser(t.deps, { identification: 'esia', identityLevel: 'standard' });
    const browser = await sessionFor(t, u);
    const res = await browser.get('/cabinet');
    expect(res.body).toContain('Через Госуслуги (ЕСИА)');
    expect(res.body).toContain('стандартная');
    expect(res.body).not.toContain('href="/cabinet/name"');
    expect((await browser.get('/cabinet/name')).statusCode).toBe(303);
  });

  it('changes the name, keeping typed values on errors, and audits it', async () => {
    const u = await createUser(t.deps);
    const browser = await sessionFor(t, u);
    const bad = await browser.post('/cabinet/name', {
      lastName: 'Кузнецова',
      firstName: '',
      patronymic: '',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Введите имя');
    expect(bad.body).toContain('value="Кузнецова"');
    const ok = await browser.post('/cabinet/name', {
      lastName: 'Кузнецова',
      firstName: 'Мария',
      patronymic: '',
    });
    expect(ok.statusCode).toBe(303);
    const page = await browser.get(ok.headers.location as string);
    expect(page.body).toContain('Кузнецова Мария');
    expect(page.body).toContain('ФИО изменены.');
    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.objectId, u.userId));
    expect(audit.map((a) => a.action)).toContain('account.change_name');
  });

  it('changes the password only with the current one, and ends the other sessions', async () => {
    const u = await createUser(t.deps);
    const other = await sessionFor(t, u);
    const browser = await sessionFor(t, u);
    const wrong = await browser.post('/cabinet/password', {
      currentPassword: 'not-it-123',
      password: 'новый-пароль-9',
      passwordConfirm: 'новый-пароль-9',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('Текущий пароль введён неверно');
    const ok = await browser.post('/cabinet/password', {
      currentPassword: u.password,
      password: 'новый-пароль-9',
      passwordConfirm: 'новый-пароль-9',
    });
    expect(ok.statusCode).toBe(303);
    expect((await browser.get('/cabinet')).statusCode).toBe(200);
    expect((await other.get('/cabinet')).statusCode).toBe(303);
  });

  it('signs out everywhere: every session of the person ends', async () => {
    const u = await createUser(t.deps);
    const a = await sessionFor(t, u);
    const b = await sessionFor(t, u);
    const res = await a.post('/sign-out/everywhere', {}, { from: '/cabinet' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/sign-in?notice=signedOutEverywhere');
    const left = await t.deps.db.select().from(sessions).where(eq(sessions.userId, u.userId));
    expect(left).toHaveLength(0);
    expect((await b.get('/cabinet')).statusCode).toBe(303);
  });

  it('keeps a session alive while used (sliding) and ends it after 30 idle days', async () => {
    const u = await createUser(t.deps);
    const browser = await sessionFor(t, u);
    for (let i = 0; i < 3; i++) {
      t.deps.clock.advance(20 * 24 * 3600 * 1000);
      expect((await browser.get('/cabinet')).statusCode).toBe(200);
    }
    t.deps.clock.advance(31 * 24 * 3600 * 1000);
    expect((await browser.get('/cabinet')).statusCode).toBe(303);
  });
});

describe('/manage', () => {
  it('sends anonymous visitors to sign-in, and refuses people without roles with a 403 page', async () => {
    const anon = await visitor(t.app).get('/manage');
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toBe('/sign-in?next=%2Fmanage');
    const u = await createUser(t.deps);
    const browser = await sessionFor(t, u);
    const res = await browser.get('/manage');
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Доступ запрещён');
  });

  it('lists the sections the roles open: an editor does not see people and roles, an admin does', async () => {
    const orgId = '00000000-0000-4000-8000-000000000001';
    const editor = await createUser(t.deps, { grants: [{ role: 'editor', orgId }] });
    const ej = await sessionFor(t, editor);
    const e = await ej.get('/manage');
    expect(e.statusCode).toBe(200);
    expect(e.body).not.toContain('href="/manage/users"');
    expect((await ej.get('/manage/users')).statusCode).toBe(403);

    const admin = await createUser(t.deps, { grants: [{ role: 'admin', orgId: null }] });
    const aj = await sessionFor(t, admin);
    expect((await aj.get('/manage')).body).toContain('href="/manage/users"');
  });

  it('lets an administrator find a person, grant and revoke roles, each audited', async () => {
    const admin = await createUser(t.deps, { grants: [{ role: 'admin', orgId: null }] });
    const person = await createUser(t.deps, { lastName: 'Соколова', firstName: 'Вера' });
    const browser = await sessionFor(t, admin);
    const found = await browser.get(`/manage/users?q=${encodeURIComponent('Соколова')}`);
    expect(found.body).toContain(`/manage/users/${person.userId}`);
    const url = `/manage/users/${person.userId}`;

    const missingOrg = await browser.post(`${url}/roles`, { role: 'editor', orgId: '' }, { from: url });
    expect(missingOrg.statusCode).toBe(422);
    expect(missingOrg.body).toContain('Для этой роли выберите организацию');
    expect(missingOrg.body).toMatch(/<option value="editor" selected/);

    const granted = await browser.post(`${url}/roles`, { role: 'moderator', orgId: '' }, { from: url });
    expect(granted.statusCode).toBe(303);
    const again = await browser.post(`${url}/roles`, { role: 'moderator', orgId: '' }, { from: url });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('уже есть эта роль');

    const page = await browser.get(url);
    expect(page.body).toContain('Модератор — все организации');
    const revokeUrl = page.body.match(/action="(\/manage\/users\/[^"]+\/revoke)"/)?.[1];
    expect(revokeUrl).toBeTruthy();
    const revoked = await browser.post(revokeUrl as string, {}, { from: url });
    expect(revoked.statusCode).toBe(303);
    expect((await browser.get(url)).body).toContain('Ролей нет.');

    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.objectId, person.userId));
    expect(audit.map((a) => a.action).sort()).toEqual(['role.grant', 'role.revoke']);
    expect(audit.every((a) => a.actorUserId === admin.userId)).toBe(true);
  });

  it('refuses role changes by a non-administrator', async () => {
    const mod = await createUser(t.deps, { grants: [{ role: 'moderator', orgId: null }] });
    const person = await createUser(t.deps);
    const browser = await sessionFor(t, mod);
    const res = await browser.post(
      `/manage/users/${person.userId}/roles`,
      { role: 'admin', orgId: '' },
      { from: '/cabinet' },
    );
    expect(res.statusCode).toBe(403);
  });
});
