import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { type SignedIn, signedInAs } from '../../../../test/auth.ts';
import { auditLog } from '../../../platform/audit/audit.tables.ts';
import { type Actor, userActor } from '../../../platform/authz/index.ts';
import { outbox } from '../../../platform/mail/mail.tables.ts';
import { findOrganizationBySlug, seedOrganizations } from '../../orgs/index.ts';
import { answerAppeal } from '../answer-appeal.ts';
import { appealsRepository } from '../appeals.repository.ts';
import { archiveRepository } from '../archive/archive.repository.ts';
import { assignAppeal } from '../assign-appeal.ts';
import { classifyAppeal } from '../classify-appeal.ts';
import { sendAppealReminders } from '../send-appeal-reminders.ts';

/*
 * Issue 10, the pensioner's cabinet and the activist: consent to the public
 * archive at sending, withdrawal, disputing an answer, the archive itself,
 * all through the real app.
 */

let t: TestApp;
let esia: SignedIn;
let officer: SignedIn;
let head: SignedIn;
let govOfficer: SignedIn;
const actor = (who: SignedIn, role: 'appeals_officer' | 'head', orgId: string): Actor =>
  userActor(who.userId, [{ role, orgId }], { email: who.email });

beforeAll(async () => {
  t = await createTestApp();
  await seedOrganizations(t.deps);
  esia = await signedInAs(t, 'citizen', null, {
    identification: 'esia',
    identityLevel: 'verified',
    lastName: 'Смирнова',
    firstName: 'Анна',
    patronymic: 'Петровна',
  });
  officer = await signedInAs(t, 'appeals_officer', 'mininfra');
  head = await signedInAs(t, 'head', 'mininfra', { position: 'Министр' });
  govOfficer = await signedInAs(t, 'appeals_officer', 'government');
});
afterAll(async () => {
  await t.close();
});

function hidden(html: string, name: string): string {
  const m = html.match(new RegExp(`name="${name}" value="([^"]*)"`));
  if (!m?.[1]) throw new Error(`no hidden ${name}`);
  return m[1];
}

/** Send the appeal form as a browser does: the form, «Проверьте данные», «Отправить»; the number from the address. */
async function sendAppeal(who: SignedIn, fields: Record<string, string> = {}): Promise<string> {
  const res = await postForm(who, {
    type: 'appeal',
    orgSlug: 'mininfra',
    kind: 'statement',
    lastName: 'Смирнова',
    firstName: 'Анна',
    patronymic: 'Петровна',
    email: who.email,
    text: 'Прошу отремонтировать дорогу в посёлке Луговое: ямы на улице Центральной.',
    ...fields,
  });
  expect(res.statusCode).toBe(303);
  const check = /^\/appeals\/drafts\/([0-9a-f-]{36})\/check$/.exec(String(res.headers.location ?? ''));
  if (!check) throw new Error(`not saved as a draft: ${res.headers.location}`);
  const checkPage = await who.get(String(res.headers.location));
  const sent = await who.post(`/appeals/drafts/${check[1]}/send`, {}, { from: checkPage });
  expect(sent.statusCode).toBe(303);
  return /appeals\/([^?/]+)\?/.exec(String(sent.headers.location))?.[1] ?? '';
}

async function postForm(who: SignedIn, fields: Record<string, string>) {
  const page = await who.get('/appeals/new?type=appeal&list=all');
  expect(page.statusCode).toBe(200);
  return who.post(
    '/appeals/new',
    { formToken: hidden(page.body, 'formToken'), ...fields },
    { from: page, multipart: true },
  );
}

describe('consent to the public archive at sending', () => {
  it('is a checkbox on the form, off by default, in plain words', async () => {
    const page = await esia.get('/appeals/new?type=appeal&list=all');
    expect(page.body).toContain('Открытый архив обращений (необязательно)');
    expect(page.body).toContain('без вашего имени, адреса, телефона');
    const box = /<input[^>]*name="archiveConsent"[^>]*>/.exec(page.body)?.[0] ?? '';
    expect(box).toContain('type="checkbox"');
    expect(box).not.toContain('checked');
  });

  it('is recorded only when ticked', async () => {
    const without = await sendAppeal(esia);
    expect((await appealsRepository.findByNumber(t.deps.db, without))?.archiveConsentAt).toBeNull();
    const withConsent = await sendAppeal(esia, { archiveConsent: 'yes' });
    expect((await appealsRepository.findByNumber(t.deps.db, withConsent))?.archiveConsentAt).toBeInstanceOf(
      Date,
    );
  });

  it('keeps the tick when the form comes back with an error', async () => {
    const page = await esia.get('/appeals/new?type=appeal&list=all');
    const res = await esia.post(
      '/appeals/new',
      {
        formToken: hidden(page.body, 'formToken'),
        type: 'appeal',
        orgSlug: 'mininfra',
        kind: 'statement',
        lastName: 'Смирнова',
        firstName: 'Анна',
        email: esia.email,
        text: '',
        archiveConsent: 'yes',
      },
      { from: page, multipart: true },
    );
    expect(res.statusCode).toBe(422);
    expect(/<input[^>]*name="archiveConsent"[^>]*>/.exec(res.body)?.[0]).toContain('checked');
  });
});

async function appealOf(number: string) {
  const a = await appealsRepository.findByNumber(t.deps.db, number);
  if (!a) throw new Error(`no appeal ${number}`);
  return a;
}

/** The body's staff classify the appeal and the head signs and sends the answer (the staff side's own use cases). */
async function answer(number: string, text = 'Ремонт дороги включён в план на июнь 2026 года.') {
  const a = await appealOf(number);
  const origin = (who: SignedIn, role: 'appeals_officer' | 'head') => ({
    actor: actor(who, role, a.orgId),
    ip: null,
  });
  await classifyAppeal(t.deps, origin(officer, 'appeals_officer'), {
    id: a.id,
    questions: [{ topicCode: '0005.0005.0056.1160' }],
  });
  await answerAppeal(t.deps, origin(head, 'head'), {
    id: a.id,
    text,
    results: [{ status: 'explained', measuresTaken: false }],
  });
}

const audited = async (action: string, objectId: string) =>
  t.deps.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.objectId, objectId)));

describe('withdrawing an appeal', () => {
  it('asks to confirm, then ends it as «отозвано»: history, audit, notices, staff see it', async () => {
    const number = await sendAppeal(esia);
    const a = await appealOf(number);
    await assignAppeal(
      t.deps,
      { actor: actor(officer, 'appeals_officer', a.orgId), ip: null },
      {
        id: a.id,
        userId: officer.userId,
      },
    );
    const page = await esia.get(`/cabinet/appeals/${number}`);
    expect(page.body).toContain(`href="/cabinet/appeals/${number}/withdraw"`);
    const confirm = await esia.get(`/cabinet/appeals/${number}/withdraw`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain(`Отозвать обращение № ${number}?`);
    expect(confirm.body).toContain('Отменить отзыв нельзя');
    expect(confirm.body).toContain('Да, отозвать обращение');
    // nothing happened yet: the confirmation page is only a question (assigned: in review)
    expect((await appealOf(number)).status).toBe('in_review');

    const res = await esia.post(`/cabinet/appeals/${number}/withdraw`, {
      reason: 'Дорогу уже отремонтировали',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/cabinet/appeals/${number}?notice=withdrawn`);
    const after = await appealOf(number);
    expect(after.status).toBe('withdrawn');
    expect(after.closedAt).toBeInstanceOf(Date);
    const shown = await esia.get(String(res.headers.location));
    expect(shown.body).toContain('Обращение отозвано. Орган не будет направлять ответ');
    expect(shown.body).toContain('Отозвано');
    expect(shown.body).toContain('Вы отозвали обращение; ответ не будет направлен');
    expect(shown.body).not.toContain(`/cabinet/appeals/${number}/withdraw"`);
    expect(await audited('appeal.withdraw', a.id)).toHaveLength(1);
    const mails = await t.deps.db.select().from(outbox).where(eq(outbox.kind, 'appeal.withdrawn.staff'));
    expect(mails.map((m) => m.toAddress)).toContain(officer.email);

    // staff see it: the status and the author's reason in the history; no action forms
    const staffPage = await officer.get(`/manage/appeals/${a.id}`);
    expect(staffPage.statusCode).toBe(200);
    expect(staffPage.body).toContain('Отозвано автором');
    expect(staffPage.body).toContain('Автор отозвал обращение: ответ не требуется, сроки остановлены');
    expect(staffPage.body).toContain('Дорогу уже отремонтировали');
    expect(staffPage.body).not.toContain(`action="/manage/appeals/${a.id}/answer"`);
    const queue = await officer.get('/manage/appeals?status=withdrawn');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain(number);
  });

  it('stops the deadlines: no reminder and no answer once withdrawn', async () => {
    const number = await sendAppeal(esia);
    const control = await appealOf(await sendAppeal(esia));
    const a = await appealOf(number);
    await esia.post(`/cabinet/appeals/${number}/withdraw`, {});
    expect((await appealOf(number)).status).toBe('withdrawn');
    const reminders = async (id: string) =>
      (
        (await t.deps.db.execute(`select count(*)::int as n from appeal_reminders where appeal_id = '${id}'`))
          .rows[0] as { n: number }
      ).n;
    // past the deadline, on several days (one at least a working day): the daily reminders skip it
    const before = t.deps.clock.now();
    try {
      for (let d = 1; d <= 5; d++) {
        t.deps.clock.set(new Date(new Date(`${a.dueDate}T12:00:00+02:00`).getTime() + d * 86_400_000));
        await sendAppealReminders(t.deps);
      }
    } finally {
      t.deps.clock.set(before);
    }
    expect(await reminders(control.id)).toBeGreaterThan(0);
    expect(await reminders(a.id)).toBe(0);
    await expect(answer(number)).rejects.toThrow();
  });

  it('is refused once the answer is sent, in plain words', async () => {
    const number = await sendAppeal(esia);
    await answer(number);
    const page = await esia.get(`/cabinet/appeals/${number}`);
    expect(page.body).not.toContain(`/cabinet/appeals/${number}/withdraw"`);
    const confirm = await esia.get(`/cabinet/appeals/${number}/withdraw`);
    expect(confirm.statusCode).toBe(303);
    expect(confirm.headers.location).toBe(`/cabinet/appeals/${number}?notice=cannotWithdraw`);
    expect((await esia.get(String(confirm.headers.location))).body).toContain(
      'Обращение уже нельзя отозвать',
    );
    const res = await esia.post(
      `/cabinet/appeals/${number}/withdraw`,
      {},
      { from: `/cabinet/appeals/${number}` },
    );
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('Обращение уже нельзя отозвать');
    expect((await appealOf(number)).status).toBe('sent');
  });

  it('is only the author’s: another person gets 404, an anonymous visitor the sign-in', async () => {
    const number = await sendAppeal(esia);
    const stranger = await signedInAs(t, 'citizen', null, { identification: 'esia' });
    expect((await stranger.get(`/cabinet/appeals/${number}/withdraw`)).statusCode).toBe(404);
    const res = await stranger.post(`/cabinet/appeals/${number}/withdraw`, {}, { from: '/cabinet/appeals' });
    expect(res.statusCode).toBe(404);
    expect((await appealOf(number)).status).toBe('registered');
    const anon = await t.app.inject({ url: `/cabinet/appeals/${number}/withdraw` });
    expect(anon.statusCode).toBe(303);
  });
});

describe('disputing an answer', () => {
  it('opens a complaint to the higher body, prefilled, linked both ways, the body complained about by id', async () => {
    const number = await sendAppeal(esia);
    await answer(number);
    const first = await appealOf(number);
    const mininfra = await findOrganizationBySlug(t.deps.db, 'mininfra');
    const government = await findOrganizationBySlug(t.deps.db, 'government');
    const page = await esia.get(`/cabinet/appeals/${number}`);
    expect(page.body).toContain(`href="/cabinet/appeals/${number}/dispute"`);
    expect(page.body).toContain('Обжаловать ответ');

    const form = await esia.get(`/cabinet/appeals/${number}/dispute`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`№ ${number}`);
    expect(form.body).toContain(mininfra?.nameRu);
    expect(form.body).toContain(government?.nameRu);
    expect(form.body).toMatch(
      new RegExp(`Обжалую ответ органа «[^»]+» от \\d\\d\\.\\d\\d\\.\\d{4} на моё обращение № ${number}`),
    );

    const empty = await esia.post(
      `/cabinet/appeals/${number}/dispute`,
      { formToken: 'x1', text: ' ' },
      { from: form },
    );
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Напишите, с чем вы не согласны в ответе');

    const res = await esia.post(
      `/cabinet/appeals/${number}/dispute`,
      {
        formToken: hidden(form.body, 'formToken'),
        text: `Обжалую ответ на обращение № ${number}: дорогу обещали весной, но работ нет.`,
        archiveConsent: 'yes',
      },
      { from: form },
    );
    expect(res.statusCode).toBe(303);
    const complaintNumber = /appeals\/([^?]+)/.exec(String(res.headers.location))?.[1] ?? '';
    const complaint = await appealOf(complaintNumber);
    expect(complaint).toMatchObject({
      type: 'appeal',
      kind: 'complaint',
      orgId: government?.id,
      complainedOrgId: first.orgId,
      disputesAppealId: first.id,
      lastName: 'Смирнова',
      status: 'registered',
    });
    expect(complaint.archiveConsentAt).toBeInstanceOf(Date);

    // the author sees the link on both pages
    const complaintPage = await esia.get(`/cabinet/appeals/${complaintNumber}`);
    expect(complaintPage.body).toContain(`href="/cabinet/appeals/${number}"`);
    const firstPage = await esia.get(`/cabinet/appeals/${number}`);
    expect(firstPage.body).toContain(`href="/cabinet/appeals/${complaintNumber}"`);

    // the staff page of each shows the link to the other
    const govPage = await govOfficer.get(`/manage/appeals/${complaint.id}`);
    expect(govPage.statusCode).toBe(200);
    expect(govPage.body).toContain(`href="/manage/appeals/${first.id}"`);
    expect(govPage.body).toContain('Жалоба на ответ по обращению');
    const bodyPage = await officer.get(`/manage/appeals/${first.id}`);
    expect(bodyPage.body).toContain(`href="/manage/appeals/${complaint.id}"`);
    expect(bodyPage.body).toContain('Ответ обжалован');
  });

  it('is offered only for a sent answer, and only to the author', async () => {
    const number = await sendAppeal(esia);
    expect((await esia.get(`/cabinet/appeals/${number}`)).body).not.toContain('/dispute"');
    const early = await esia.get(`/cabinet/appeals/${number}/dispute`);
    expect(early.statusCode).toBe(303);
    const back = await esia.get(String(early.headers.location));
    expect(back.body).toContain('Обжаловать можно только направленный вам ответ');
    await answer(number);
    const stranger = await signedInAs(t, 'citizen', null, { identification: 'esia' });
    expect((await stranger.get(`/cabinet/appeals/${number}/dispute`)).statusCode).toBe(404);
  });

  it('says plainly that an answer of the government is disputed in court', async () => {
    const number = await sendAppeal(esia, {
      orgSlug: 'government',
      text: 'Прошу включить дорогу в региональную программу.',
    });
    const a = await appealOf(number);
    const gov = (who: SignedIn, role: 'appeals_officer' | 'head') => ({
      actor: actor(who, role, a.orgId),
      ip: null,
    });
    const govHead = await signedInAs(t, 'head', 'government', { position: 'Губернатор' });
    await classifyAppeal(t.deps, gov(govOfficer, 'appeals_officer'), {
      id: a.id,
      questions: [{ topicCode: '0005.0005.0056.1160' }],
    });
    await answerAppeal(t.deps, gov(govHead, 'head'), {
      id: a.id,
      text: 'Дорога будет рассмотрена при формировании программы.',
      results: [{ status: 'explained', measuresTaken: false }],
    });
    const form = await esia.get(`/cabinet/appeals/${number}/dispute`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Ответ можно обжаловать в суде');
    expect(form.body).not.toContain('name="text"');
  });
});

describe('the public archive with consent', () => {
  const leakyText =
    'Прошу отремонтировать дорогу в посёлке Луговое. Смирнова Анна Петровна, тел. +7 911 123-45-67, ул. Центральная, д. 5.';

  it('publishes an answered appeal anonymised, searchable, and takes it out when consent is withdrawn', async () => {
    const number = await sendAppeal(esia, { archiveConsent: 'yes', text: leakyText });
    await answer(number, 'Уважаемая Анна Петровна! Ямочный ремонт дороги в посёлке Луговое проведут в июне.');
    const a = await appealOf(number);
    // staff see it on their list and open it with every finding masked
    const list = await officer.get('/manage/appeals/archive');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`/manage/appeals/archive/${number}`);
    const form = await officer.get(`/manage/appeals/archive/${number}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('[ФИО]');
    expect(form.body).toContain('[телефон]');
    expect(form.body).not.toContain('123-45-67');
    // the original text is refused: publication is blocked while a finding is unmasked
    const leaky = await officer.post(
      `/manage/appeals/archive/${number}`,
      { question: leakyText, answer: 'Ремонт в июне.' },
      { from: form },
    );
    expect(leaky.statusCode).toBe(422);
    expect(leaky.body).toContain('В тексте остались персональные данные');
    expect(await archiveRepository.byAppeal(t.deps.db, a.id)).toBeUndefined();
    // staff confirm the masked texts
    const question = /<textarea[^>]*name="question"[^>]*>([\s\S]*?)<\/textarea>/.exec(form.body)?.[1] ?? '';
    const answerText = /<textarea[^>]*name="answer"[^>]*>([\s\S]*?)<\/textarea>/.exec(form.body)?.[1] ?? '';
    const decode = (s: string) => s.replaceAll('&quot;', '"').replaceAll('&amp;', '&').replace(/^\n/, '');
    const ok = await officer.post(
      `/manage/appeals/archive/${number}`,
      { question: decode(question), answer: decode(answerText) },
      { from: form },
    );
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`/orgs/mininfra/appeals/archive/${number}`);
    const entry = await t.app.inject({ url: String(ok.headers.location) });
    expect(entry.statusCode).toBe(200);
    expect(entry.body).toContain('Ямочный ремонт дороги');
    for (const pd of ['Смирнова', 'Анна Петровна', '123-45-67', esia.email])
      expect(entry.body).not.toContain(pd);
    expect(await audited('appeal.archive.publish', a.id)).toHaveLength(1);

    // the archive's own search box, and the site search
    const found = await t.app.inject({ url: '/orgs/mininfra/appeals/archive?q=ремонт+дороги' });
    expect(found.body).toContain(`/orgs/mininfra/appeals/archive/${number}`);
    const notFound = await t.app.inject({ url: '/orgs/mininfra/appeals/archive?q=космодром' });
    expect(notFound.body).not.toContain(`/orgs/mininfra/appeals/archive/${number}`);
    expect(notFound.body).toContain('Ничего не найдено');
    const site = await t.app.inject({ url: '/search?q=Луговое+ямочный' });
    expect(site.body).toContain(`/orgs/mininfra/appeals/archive/${number}`);
    expect(site.body).not.toContain('Смирнова');

    // the author withdraws consent in the cabinet: the entry leaves the archive and the search
    const cabinet = await esia.get(`/cabinet/appeals/${number}`);
    expect(cabinet.body).toContain('Вы согласились');
    const withdrawn = await esia.post(
      `/cabinet/appeals/${number}/archive-consent`,
      { archiveConsent: 'no' },
      { from: cabinet },
    );
    expect(withdrawn.statusCode).toBe(303);
    expect((await appealOf(number)).archiveConsentAt).toBeNull();
    expect((await t.app.inject({ url: `/orgs/mininfra/appeals/archive/${number}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/search?q=Луговое+ямочный' })).body).not.toContain(
      `/orgs/mininfra/appeals/archive/${number}`,
    );
    const after = await esia.get(String(withdrawn.headers.location));
    expect(after.body).toContain('Согласие отозвано');
    expect(after.body).toContain('Вы не давали согласия');
  });

  it('never publishes without consent; consent can be given later in the cabinet', async () => {
    const number = await sendAppeal(esia);
    await answer(number);
    const refused = await officer.get(`/manage/appeals/archive/${number}`);
    expect(refused.body).toContain('Автор не давал согласия на публикацию в открытом архиве');
    expect(refused.body).not.toContain('name="question"');
    expect((await officer.get('/manage/appeals/archive')).body).not.toContain(
      `/manage/appeals/archive/${number}`,
    );
    const cabinet = await esia.get(`/cabinet/appeals/${number}`);
    const given = await esia.post(
      `/cabinet/appeals/${number}/archive-consent`,
      { archiveConsent: 'yes' },
      { from: cabinet },
    );
    expect(given.statusCode).toBe(303);
    expect((await officer.get('/manage/appeals/archive')).body).toContain(
      `/manage/appeals/archive/${number}`,
    );
    // another person cannot change it
    const stranger = await signedInAs(t, 'citizen', null, { identification: 'esia' });
    const res = await stranger.post(
      `/cabinet/appeals/${number}/archive-consent`,
      { archiveConsent: 'no' },
      { from: '/cabinet/appeals' },
    );
    expect(res.statusCode).toBe(404);
    expect((await appealOf(number)).archiveConsentAt).toBeInstanceOf(Date);
  });
});
