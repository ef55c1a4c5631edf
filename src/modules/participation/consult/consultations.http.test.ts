import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { type SignedIn, signedInAs } from '../../../../test/auth.ts';
import { visitor } from '../../../../test/forms.ts';
import { auditLog } from '../../../platform/audit/audit.tables.ts';
import { outbox } from '../../../platform/mail/mail.tables.ts';
import { findOrganizationBySlug, seedOrganizations } from '../../orgs/index.ts';

let t: TestApp;
let staff: SignedIn;
let citizen: SignedIn;
let minzdravId: string;
let consultationId: string;

const schedule = {
  topic: 'Лекарственное обеспечение льготников',
  description: 'Что делать, если в аптеке нет лекарства.',
  officialId: '',
  officialName: 'Петрова Ольга Ивановна',
  officialPosition: 'заместитель министра',
  date: '01.12.2026',
  from: '11:00',
  to: '12:30',
};

beforeAll(async () => {
  t = await createTestApp();
  t.deps.clock.set('2026-11-25T10:00:00+02:00');
  await seedOrganizations(t.deps, { demoOfficials: true });
  minzdravId = (await findOrganizationBySlug(t.deps.db, 'minzdrav'))?.id as string;
  staff = await signedInAs(t, 'editor', 'minzdrav');
  citizen = await signedInAs(t, 'citizen');
});
afterAll(() => t.close());

describe('online consultations (task 8.5)', () => {
  it('staff schedule one: the form says what to fix and keeps what was typed', async () => {
    const bad = await staff.post(
      '/manage/consultations/new',
      { ...schedule, orgId: minzdravId, topic: '', date: '31.02.2026', to: '10:00' },
      { from: '/manage/consultations/new' },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Введите тему консультации');
    expect(bad.body).toContain('Введите дату в виде ДД.ММ.ГГГГ');
    expect(bad.body).toContain('value="Петрова Ольга Ивановна"');

    const ok = await staff.post('/manage/consultations/new', { ...schedule, orgId: minzdravId });
    expect(ok.statusCode).toBe(303);
    consultationId = String(ok.headers.location).match(/consultations\/([0-9a-f-]{36})/)?.[1] as string;
    expect(consultationId).toBeTruthy();
    const listed = await visitor(t.app).get('/orgs/minzdrav/consultations');
    expect(listed.body).toContain('Лекарственное обеспечение льготников');
    expect(listed.body).toContain('1 декабря 2026 г., 11:00–12:30');
    expect((await visitor(t.app).get('/consultations')).body).toContain(
      `href="/consultations/${consultationId}"`,
    );
  });

  it('an editor of another body may not schedule for this one', async () => {
    const other = await signedInAs(t, 'editor', 'minobr');
    const res = await other.post('/manage/consultations/new', { ...schedule, orgId: minzdravId });
    expect(res.statusCode).toBe(403);
  });

  it('a visitor is asked to sign in; a signed-in person asks ahead; markup stays text', async () => {
    const page = await visitor(t.app).get(`/consultations/${consultationId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Войдите, чтобы задать вопрос');

    const empty = await citizen.post(
      `/consultations/${consultationId}/questions`,
      { body: ' ' },
      {
        from: `/consultations/${consultationId}`,
      },
    );
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Введите вопрос');

    const asked = await citizen.post(
      `/consultations/${consultationId}/questions`,
      { body: 'В аптеке нет инсулина <script>alert(1)</script> неделю. Что делать?' },
      { from: `/consultations/${consultationId}` },
    );
    expect(asked.statusCode).toBe(303);
    const shown = await visitor(t.app).get(`/consultations/${consultationId}`);
    expect(shown.body).toContain('&lt;script>alert(1)&lt;/script>');
    expect(shown.body).not.toContain('<script>alert(1)');
    expect(shown.body).toContain('Ответа пока нет.');
    // the author is not named on the public transcript
    expect(shown.body).not.toContain(citizen.email);
  });

  it('the official answers: the transcript shows it and the author gets a notice by e-mail', async () => {
    const manage = await staff.get(`/manage/consultations/${consultationId}`);
    const qid = manage.body.match(/questions\/([0-9a-f-]{36})/)?.[1] as string;
    expect(qid).toBeTruthy();
    const res = await staff.post(`/manage/consultations/${consultationId}/questions/${qid}`, {
      answer:
        'Рецепт ставится на отсроченное обслуживание: аптека обязана выдать лекарство в течение 10 рабочих дней.',
    });
    expect(res.statusCode).toBe(303);
    const shown = await visitor(t.app).get(`/consultations/${consultationId}`);
    expect(shown.body).toContain('отсроченное обслуживание');
    expect(shown.body).toContain('задано 1, отвечено 1');
    const mails = await t.deps.db.select().from(outbox).where(eq(outbox.toAddress, citizen.email));
    expect(mails.map((m) => m.kind)).toEqual(['consultation.answered']);
    expect(mails[0]?.textBody).toContain(`/consultations/${consultationId}#q-${qid}`);
    // the consultation is found by its answers in the portal's search
    const found = await visitor(t.app).get(`/search?q=${encodeURIComponent('отсроченное обслуживание')}`);
    expect(found.body).toContain(`href="/consultations/${consultationId}"`);
    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.objectId, qid));
    expect(audit.map((a) => a.action).sort()).toEqual(['consultation.answer', 'consultation.ask']);
  });

  it('staff of another body get 404 on the question; a hidden question shows its reason', async () => {
    const manage = await staff.get(`/manage/consultations/${consultationId}`);
    const qid = manage.body.match(/questions\/([0-9a-f-]{36})/)?.[1] as string;
    const other = await signedInAs(t, 'editor', 'minobr');
    expect((await other.get(`/manage/consultations/${consultationId}/questions/${qid}`)).statusCode).toBe(
      404,
    );
    const spam = await citizen.post(
      `/consultations/${consultationId}/questions`,
      { body: 'Купите наши таблетки' },
      { from: `/consultations/${consultationId}` },
    );
    expect(spam.statusCode).toBe(303);
    const spamId = String(spam.headers.location).match(/#q-([0-9a-f-]{36})/)?.[1] as string;
    const noReason = await staff.post(`/manage/consultations/${consultationId}/questions/${spamId}/hide`, {
      reason: '',
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('Укажите причину');
    const hidden = await staff.post(`/manage/consultations/${consultationId}/questions/${spamId}/hide`, {
      reason: 'реклама',
    });
    expect(hidden.statusCode).toBe(303);
    const shown = await visitor(t.app).get(`/consultations/${consultationId}`);
    expect(shown.body).toContain('Вопрос скрыт модератором. Причина: реклама');
    expect(shown.body).not.toContain('Купите наши таблетки');
  });

  it('after the window closes a question is refused with a message; the transcript stays', async () => {
    t.deps.clock.set('2026-12-01T13:00:00+02:00');
    const page = await citizen.get(`/consultations/${consultationId}`);
    expect(page.body).toContain('Консультация завершена');
    expect(page.body).not.toContain('name="body"');
    const late = await citizen.post(
      `/consultations/${consultationId}/questions`,
      { body: 'Ещё вопрос' },
      { from: page },
    );
    expect(late.statusCode).toBe(422);
    expect(late.body).toContain('вопросы больше не принимаются');
    expect(late.body).toContain('отсроченное обслуживание');
    t.deps.clock.set('2026-11-25T10:00:00+02:00');
  });

  it('bad ids are 404, never 500', async () => {
    expect((await visitor(t.app).get('/consultations/not-an-id')).statusCode).toBe(404);
    expect((await staff.get('/manage/consultations/123/questions/abc')).statusCode).toBe(404);
    expect((await visitor(t.app).get('/orgs/nowhere/consultations')).statusCode).toBe(404);
  });
});
