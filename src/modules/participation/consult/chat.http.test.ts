import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { type SignedIn, signedInAs } from '../../../../test/auth.ts';
import { visitor } from '../../../../test/forms.ts';
import { outbox } from '../../../platform/mail/mail.tables.ts';
import { seedOrganizations } from '../../orgs/index.ts';

let t: TestApp;
let staff: SignedIn;
let citizen: SignedIn;

/** Wednesday 25 November 2026, a working day. */
const WORKING_MORNING = '2026-11-25T10:00:00+02:00';

const idFrom = (location: unknown) => String(location).match(/chat\/([0-9a-f-]{36})/)?.[1] as string;

beforeAll(async () => {
  t = await createTestApp();
  t.deps.clock.set(WORKING_MORNING);
  await seedOrganizations(t.deps);
  staff = await signedInAs(t, 'appeals_officer', 'minzdrav');
  citizen = await signedInAs(t, 'citizen');
});
afterAll(() => t.close());

describe('the chat with a consultant (task 3.4)', () => {
  it('without JavaScript the page is a form; the answer goes by e-mail through the outbox', async () => {
    const page = await citizen.get('/orgs/minzdrav/chat');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Сейчас консультант на связи');
    expect(page.body).toContain('data-module="app-chat"');
    expect(page.body).toContain(`ответ придёт на адрес ${citizen.email}`);

    const empty = await citizen.post('/orgs/minzdrav/chat', { message: '' }, { from: page });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Введите вопрос');

    // the form as sent without the script: via stays «email»
    const sent = await citizen.post('/orgs/minzdrav/chat', {
      via: 'email',
      message: 'Где сделать МРТ по ОМС?',
    });
    expect(sent.statusCode).toBe(303);
    const id = idFrom(sent.headers.location);
    const conv = await citizen.get(`/orgs/minzdrav/chat/${id}`);
    expect(conv.body).toContain(`придёт на адрес ${citizen.email}`);
    expect(conv.body).toContain('Ждёт ответа');

    const queue = await staff.get('/manage/chat');
    expect(queue.body).toContain('Ждут ответа: 1');
    expect(queue.body).toContain(`href="/manage/chat/${id}"`);
    expect(queue.body).toContain('по почте');

    const answered = await staff.post(`/manage/chat/${id}`, {
      message: 'В областной больнице, направление даёт терапевт.',
    });
    expect(answered.statusCode).toBe(303);
    const mails = await t.deps.db.select().from(outbox).where(eq(outbox.toAddress, citizen.email));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.kind).toBe('chat.answer');
    expect(mails[0]?.textBody).toContain('направление даёт терапевт');
    expect((await staff.get('/manage/chat')).body).toContain('Ждут ответа: 0');
    expect((await citizen.get(`/orgs/minzdrav/chat/${id}`)).body).toContain('направление даёт терапевт');
  });

  it('with the script in working hours the answer appears in the conversation, no mail', async () => {
    const before = (await t.deps.db.select().from(outbox)).length;
    const sent = await citizen.post(
      '/orgs/minzdrav/chat',
      { via: 'chat', message: 'Как записаться к кардиологу?' },
      {
        from: '/orgs/minzdrav/chat',
      },
    );
    const id = idFrom(sent.headers.location);
    const json = await citizen.get(`/orgs/minzdrav/chat/${id}/messages`);
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({
      status: 'waiting',
      messages: [{ fromStaff: false, body: 'Как записаться к кардиологу?' }],
    });

    t.deps.clock.advance(60_000); // the consultant answers a minute later
    await staff.post(
      `/manage/chat/${id}`,
      { message: 'Через Госуслуги или по телефону 122.' },
      { from: `/manage/chat/${id}` },
    );
    const after = (await citizen.get(`/orgs/minzdrav/chat/${id}/messages`)).json();
    expect(after.status).toBe('answered');
    expect(after.messages[1]).toMatchObject({
      fromStaff: true,
      body: 'Через Госуслуги или по телефону 122.',
    });
    expect((await t.deps.db.select().from(outbox)).length).toBe(before);

    // someone else's conversation does not exist for them
    const other = await signedInAs(t, 'citizen');
    expect((await other.get(`/orgs/minzdrav/chat/${id}/messages`)).statusCode).toBe(404);
    expect((await other.get(`/orgs/minzdrav/chat/${id}`)).statusCode).toBe(404);
    expect((await visitor(t.app).get(`/orgs/minzdrav/chat/${id}/messages`)).statusCode).toBe(404);
    // nor for staff of another body
    const minobr = await signedInAs(t, 'appeals_officer', 'minobr');
    expect((await minobr.get(`/manage/chat/${id}`)).statusCode).toBe(404);

    // closed: no more messages, it leaves the queue
    await staff.post(`/manage/chat/${id}/close`, {}, { from: `/manage/chat/${id}` });
    const late = await citizen.post(
      `/orgs/minzdrav/chat/${id}`,
      { message: 'Ещё вопрос' },
      { from: '/orgs/minzdrav/chat' },
    );
    expect(late.statusCode).toBe(422);
    expect(late.body).toContain('Разговор закрыт');
  });

  it('after hours and on a day off the consultant is away: the script’s message still goes by e-mail', async () => {
    t.deps.clock.set('2026-11-28T11:00:00+02:00'); // Saturday
    const page = await citizen.get('/orgs/minzdrav/chat');
    expect(page.body).toContain('Сейчас консультант не на связи');
    const sent = await citizen.post(
      '/orgs/minzdrav/chat',
      { via: 'chat', message: 'Вопрос в субботу' },
      { from: page },
    );
    const conv = await citizen.get(`/orgs/minzdrav/chat/${idFrom(sent.headers.location)}`);
    expect(conv.body).toContain(`придёт на адрес ${citizen.email}`);

    t.deps.clock.set('2026-11-25T19:00:00+02:00'); // Wednesday evening
    expect((await citizen.get('/orgs/minzdrav/chat')).body).toContain('Сейчас консультант не на связи');
    t.deps.clock.set(WORKING_MORNING);
  });

  it('staff set the body’s hours; a bad time says what to fix', async () => {
    const bad = await staff.post('/manage/chat/hours/minzdrav', { opens: '9', closes: '08:00' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Введите время начала в виде ЧЧ:ММ');
    const ok = await staff.post('/manage/chat/hours/minzdrav', { opens: '08:00', closes: '20:00' });
    expect(ok.statusCode).toBe(303);
    t.deps.clock.set('2026-11-25T19:00:00+02:00');
    const page = await citizen.get('/orgs/minzdrav/chat');
    expect(page.body).toContain('с 08:00 до 20:00');
    expect(page.body).toContain('Сейчас консультант на связи');
    t.deps.clock.set(WORKING_MORNING);
    // another body's hours are not this person's to set
    expect((await staff.get('/manage/chat/hours/minobr')).statusCode).toBe(404);
  });

  it('an anonymous visitor sees the hours and a sign-in link, not the form', async () => {
    const page = await visitor(t.app).get('/orgs/minzdrav/chat');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Войдите, чтобы написать консультанту');
    expect(page.body).not.toContain('name="message"');
    expect((await visitor(t.app).get('/orgs/nowhere/chat')).statusCode).toBe(404);
  });
});
