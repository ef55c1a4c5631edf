import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { type SignedIn, signedInAs } from '../../../../test/auth.ts';
import { visitor } from '../../../../test/forms.ts';
import { type Mailbox, startMailbox } from '../../../../test/mailbox.ts';
import { MAIL_QUEUE } from '../../../platform/mail/index.ts';
import { findOrganizationBySlug, seedOrganizations } from '../../orgs/index.ts';
import { regenerateSources } from '../generated-sources.ts';

/*
 * Task 10.3: a signed-in person proposes a dataset to a body, others support
 * it once, and the body's steward (or the region's coordinator) answers with a
 * status and a reason; the answer is audited and mailed to the author.
 */

let mailbox: Mailbox;
let t: TestApp;
let author: SignedIn;
let proposalUrl: string;
beforeAll(async () => {
  mailbox = await startMailbox();
  t = await createTestApp({ smtpUrl: mailbox.url });
  // the outbox's delivery job, as the worker process runs it
  await t.deps.jobs.work<{ id: string }>(MAIL_QUEUE, async ({ id }) => {
    await t.deps.mail.deliver(id);
  });
  await seedOrganizations(t.deps);
  author = await signedInAs(t, 'citizen');
}, 120_000);
afterAll(async () => {
  await t.close();
  await mailbox.close();
});

const proposal = {
  title: 'Расписание приёма врачей в поликлиниках',
  org: 'minzdrav',
  description: 'Часы приёма врачей каждой поликлиники области по специальностям, обновлять еженедельно.',
  reason: 'Чтобы сделать приложение записи к врачу для жителей сёл.',
};

const supports = async (id: string) =>
  Number(
    (
      await t.deps.db.execute(
        sql`select count(*) as n from dataset_proposal_supports where proposal_id = ${id}`,
      )
    ).rows[0]?.n,
  );

describe('citizens propose datasets (10.3)', () => {
  it('a visitor is sent to sign in; a proposal with an error keeps what was typed and says what to fix', async () => {
    const anon = visitor(t.app);
    const page = await anon.get('/opendata/proposals');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Войдите');
    // a visitor's CSRF token from a page with a form (this one has none for visitors)
    const res = await anon.post('/opendata/proposals', proposal, { from: '/sign-in' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/sign-in\?next=/);

    const bad = await author.post('/opendata/proposals', { ...proposal, reason: '  ', org: '' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('Выберите орган, который ведёт эти данные');
    expect(bad.body).toContain('Напишите, зачем нужны эти данные');
    expect(bad.body).toContain(proposal.title);
    expect(bad.body).toContain(proposal.description);
    // the summary lists the errors in the order of the fields: the body above the reason
    expect(bad.body.indexOf('href="#org"')).toBeLessThan(bad.body.indexOf('href="#reason"'));
  });

  it('a proposal is listed at once as «новое»', async () => {
    const res = await author.post('/opendata/proposals', proposal);
    expect(res.statusCode).toBe(303);
    proposalUrl = String(res.headers.location).replace(/\?.*$/, '');
    expect(proposalUrl).toMatch(/^\/opendata\/proposals\/[0-9a-f-]{36}$/);
    const list = await visitor(t.app).get('/opendata/proposals');
    expect(list.body).toContain(proposal.title);
    expect(list.body).toContain('новое');
    const mine = await visitor(t.app).get('/opendata/proposals?status=declined');
    expect(mine.body).not.toContain(proposal.title);
    const card = await visitor(t.app).get(proposalUrl);
    expect(card.body).toContain(proposal.reason);
    expect(card.body).toContain('Министерство здравоохранения');
  });

  it('other signed-in people support it once each; the author cannot', async () => {
    const id = proposalUrl.split('/').pop() as string;
    const other = await signedInAs(t, 'citizen');
    const first = await other.post(`${proposalUrl}/support`, {}, { from: proposalUrl });
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toContain('notice=supported');
    const again = await other.post(`${proposalUrl}/support`, {}, { from: proposalUrl });
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toContain('notice=already');
    expect(await supports(id)).toBe(1);
    expect((await other.get(proposalUrl)).body).toContain('Вы поддержали это предложение.');

    const own = await author.post(`${proposalUrl}/support`, {}, { from: proposalUrl });
    expect(own.statusCode).toBe(409);
    expect(own.body).toContain('Это ваше предложение');
    const third = await signedInAs(t, 'citizen');
    await third.post(`${proposalUrl}/support`, {}, { from: proposalUrl });
    expect(await supports(id)).toBe(2);
  });

  it('the body’s steward answers: a plain error first, then the status changes, audited, and the author is mailed', async () => {
    const id = proposalUrl.split('/').pop() as string;
    const manage = `/manage/opendata/proposals/${id}`;
    const outsider = await signedInAs(t, 'data_steward', 'minobr');
    expect((await outsider.get(manage)).statusCode).toBe(403);
    expect((await outsider.get('/manage/opendata/proposals')).body).not.toContain(proposal.title);

    const steward = await signedInAs(t, 'data_steward', 'minzdrav');
    expect((await steward.get('/manage/opendata/proposals')).body).toContain(proposal.title);
    const noDataset = await steward.post(manage, { status: 'published', answer: 'Опубликовали.' });
    expect(noDataset.statusCode).toBe(422);
    expect(noDataset.body).toContain('Укажите идентификатор опубликованного набора данных');
    expect(noDataset.body).toContain('Опубликовали.');
    const minzdrav = await findOrganizationBySlug(t.deps.db, 'minzdrav');
    const unknown = await steward.post(manage, {
      status: 'published',
      answer: 'Опубликовали.',
      datasetIdentifier: `${minzdrav?.inn}-nosuchset`,
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain('В реестре органа нет набора с таким идентификатором');

    const accepted = await steward.post(manage, {
      status: 'accepted',
      answer: 'Включили набор в план публикации на III квартал 2026 года.',
    });
    expect(accepted.statusCode).toBe(303);
    const mail = await mailbox.waitFor((m) => m.to.includes(author.email));
    expect(mail.subject).toBe(`Ответ на ваше предложение набора данных «${proposal.title}»`);
    expect(mail.text).toContain('Решение: принято в план публикации.');
    expect(mail.text).toContain('III квартал 2026');
    expect(mail.text).toContain(proposalUrl);

    const card = await visitor(t.app).get(proposalUrl);
    expect(card.body).toContain('принято в план публикации');
    expect(card.body).toContain('Включили набор в план публикации на III квартал 2026 года.');
    const audit = await t.deps.db.execute(
      sql`select count(*) as n from audit_log where action = 'dataset_proposal.answer' and object_id = ${id}`,
    );
    expect(Number(audit.rows[0]?.n)).toBe(1);
  });

  it('published with the dataset: the proposal links to it; the region’s coordinator may answer too', async () => {
    const id = proposalUrl.split('/').pop() as string;
    t.deps.clock.set('2026-03-02T09:00:00Z');
    await regenerateSources(t.deps);
    const gov = await findOrganizationBySlug(t.deps.db, 'government');
    // a proposal to the government, published as the government's reference book of bodies
    const p = await author.post('/opendata/proposals', {
      ...proposal,
      org: 'government',
      title: 'Реестр органов власти с кодами',
    });
    const govUrl = String(p.headers.location).replace(/\?.*$/, '');
    const coordinator = await signedInAs(t, 'project_office');
    const res = await coordinator.post(`/manage/opendata/proposals/${govUrl.split('/').pop()}`, {
      status: 'published',
      answer: 'Реестр опубликован как справочник.',
      datasetIdentifier: `${gov?.inn}-regionorganizations`,
    });
    expect(res.statusCode).toBe(303);
    const card = await visitor(t.app).get(govUrl);
    expect(card.body).toContain('опубликовано');
    expect(card.body).toContain(`href="/opendata/${gov?.inn}-regionorganizations/"`);
    // a decided proposal takes no more support
    const other = await signedInAs(t, 'citizen');
    expect((await other.post(`${govUrl}/support`, {}, { from: govUrl })).statusCode).toBe(409);
    expect(id).not.toBe(govUrl.split('/').pop());
  });
});
