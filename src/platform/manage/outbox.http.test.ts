import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { type CreatedUser, createUser, sessionFor } from '../../../test/auth.ts';
import { auditLog } from '../audit/audit.tables.ts';
import { outbox } from '../mail/mail.tables.ts';

let t: TestApp;
let admin: CreatedUser;
let adminCookie: string;
let confirmId: string;
let failedId: string;

const rowsOf = (html: string) =>
  (html.split('<tbody class="govuk-table__body">')[1]?.split('</tbody>')[0] ?? '')
    .split('<tr class="govuk-table__row"')
    .slice(1);

beforeAll(async () => {
  // no SMTP_URL: every message stays in the outbox
  t = await createTestApp();
  admin = await createUser(t.deps, { grants: [{ role: 'admin', orgId: null }] });
  adminCookie = (await sessionFor(t, admin)).cookie;
  confirmId = await t.deps.db.transaction((tx) =>
    t.deps.mail.send(tx, {
      to: 'vera.sokolova@example.ru',
      subject: 'Подтвердите адрес электронной почты',
      text: 'Здравствуйте!\n\nЧтобы подтвердить адрес, откройте ссылку:\nhttp://127.0.0.1:3000/confirm?token=abc\n\n<b>не разметка</b>',
      kind: 'account.confirm',
    }),
  );
  failedId = await t.deps.mail.send(t.deps.db, {
    to: 'oleg@example.ru',
    subject: 'Обращение зарегистрировано',
    text: 'Номер 2026-7',
    kind: 'appeal.registered',
  });
  // as a delivery job leaves a message whose server refused it
  await t.deps.db
    .update(outbox)
    .set({ attempts: 3, lastError: 'connect ECONNREFUSED 127.0.0.1:2525' })
    .where(eq(outbox.id, failedId));
});
afterAll(async () => {
  await t.close();
});

const get = (url: string, cookie = adminCookie) => t.app.inject({ url, headers: { cookie } });

describe('/manage/outbox', () => {
  it('sends anonymous visitors to sign in and refuses staff who are not administrators', async () => {
    const anon = await t.app.inject('/manage/outbox');
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toBe('/sign-in?next=%2Fmanage%2Foutbox');
    const editor = await createUser(t.deps, { grants: [{ role: 'moderator', orgId: null }] });
    const cookie = (await sessionFor(t, editor)).cookie;
    expect((await get('/manage/outbox', cookie)).statusCode).toBe(403);
    expect((await get(`/manage/outbox/${confirmId}`, cookie)).statusCode).toBe(403);
  });

  it('lists the messages newest first: to, subject, kind, created, status, attempts, last error', async () => {
    const res = await get('/manage/outbox');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Почтовый сервер (SMTP_URL) не настроен');
    const mine = rowsOf(res.body).filter((r) => r.includes('example.ru'));
    expect(mine).toHaveLength(2);
    const [failed, waiting] = mine;
    expect(failed).toContain('oleg@example.ru');
    expect(failed).toContain('Ошибка отправки');
    expect(failed).toContain('connect ECONNREFUSED 127.0.0.1:2525');
    expect(failed).toContain('>3<');
    expect(waiting).toContain('vera.sokolova@example.ru');
    expect(waiting).toContain(`href="/manage/outbox/${confirmId}"`);
    expect(waiting).toContain('Подтвердите адрес электронной почты');
    expect(waiting).toContain('<code>account.confirm</code>');
    expect(waiting).toContain('Не отправлено');
    // bodies are not on the list
    expect(res.body).not.toContain('token=abc');
  });

  it('filters by recipient and status', async () => {
    const byTo = await get('/manage/outbox?to=vera');
    expect(rowsOf(byTo.body).map((r) => r.includes('vera.sokolova'))).toEqual([true]);
    const sent = await get('/manage/outbox?status=sent');
    expect(rowsOf(sent.body)).toEqual([]);
    expect(sent.body).toContain('Ничего не найдено');
    const unsent = await get('/manage/outbox?status=unsent&to=example.ru');
    expect(rowsOf(unsent.body)).toHaveLength(2);
    const wrong = await get('/manage/outbox?status=lost&to=vera');
    expect(wrong.body).toContain('Выберите состояние из списка');
    expect(wrong.body).toContain('value="vera"');
  });

  it('shows one message as text and records who opened it', async () => {
    const res = await get(`/manage/outbox/${confirmId}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1 class="govuk-heading-l">Подтвердите адрес электронной почты</h1>');
    expect(res.body).toContain('vera.sokolova@example.ru');
    expect(res.body).toContain('http://127.0.0.1:3000/confirm?token=abc');
    expect(res.body).toContain('&lt;b>не разметка&lt;/b>');
    const [read] = await t.deps.db.select().from(auditLog).where(eq(auditLog.objectId, confirmId));
    expect(read).toMatchObject({
      actorUserId: admin.userId,
      action: 'outbox.read',
      details: { kind: 'account.confirm' },
    });
  });

  it('answers 404 for a message that does not exist', async () => {
    expect((await get('/manage/outbox/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await get('/manage/outbox/not-an-id')).statusCode).toBe(404);
  });
});
