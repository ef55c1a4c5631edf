import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { type SignedIn, signedInAs } from '../../../test/auth.ts';
import { visitor } from '../../../test/forms.ts';
import { type Mailbox, startMailbox } from '../../../test/mailbox.ts';
import { MAIL_QUEUE } from '../../platform/mail/index.ts';
import { outbox } from '../../platform/mail/mail.tables.ts';
import { reindexAll } from '../../platform/search/index.ts';
import { searchSubscriptions } from '../../platform/search/search.tables.ts';
import { findOrganizationBySlug, seedOrganizations } from '../orgs/index.ts';
import { sendSubscriptionDigests } from '../search/index.ts';
import { consultRepository } from './consult/consult.repository.ts';

/*
 * Following a discussion, a poll, a consultation and a reference group through
 * the search module's subscriptions: confirmed by a mailed link, updates in the
 * daily digest (real SMTP), and Atom feeds per object and per organisation.
 */

let t: TestApp;
let mailbox: Mailbox;
let staff: SignedIn;
let follower: SignedIn;
let other: SignedIn;
let minzdravId: string;
const ids = { discussion: '', poll: '', draftPoll: '', consultation: '', group: '' };

const idIn = (res: { headers: Record<string, unknown> }, re: RegExp) =>
  re.exec(String(res.headers.location ?? ''))?.[1] as string;
const linkIn = (text: string, path: string) => {
  const m = text.match(new RegExp(`https?://\\S+${path}/\\S+`));
  if (!m) throw new Error(`no ${path} link in: ${text}`);
  return new URL(m[0]).pathname;
};
const followMails = async () =>
  (await t.deps.db.select().from(outbox).where(eq(outbox.toAddress, follower.email))).length;

beforeAll(async () => {
  mailbox = await startMailbox();
  t = await createTestApp({ smtpUrl: mailbox.url });
  await t.deps.jobs.work<{ id: string }>(MAIL_QUEUE, async ({ id }) => {
    await t.deps.mail.deliver(id);
  });
  t.deps.clock.set('2026-11-20T12:00:00+02:00');
  await seedOrganizations(t.deps, { demoOfficials: true });
  minzdravId = (await findOrganizationBySlug(t.deps.db, 'minzdrav'))?.id as string;
  staff = await signedInAs(t, 'editor', 'minzdrav');
  follower = await signedInAs(t, 'citizen', null, { email: 'follower@example.test' });
  other = await signedInAs(t, 'citizen');

  const topic = await staff.post('/manage/orgs/minzdrav/discussions/new', {
    title: 'Как улучшить запись к врачу',
    description: 'Собираем предложения о записи к врачу через портал.',
    opensOn: '2026-11-01',
    closesOn: '2026-12-31',
    moderation: 'post',
  });
  expect(topic.statusCode, topic.body).toBe(303);
  ids.discussion = idIn(topic, /\/discussions\/([0-9a-f-]{36})/);

  const poll = (fields: Record<string, string>) =>
    staff.post('/manage/polls/new', {
      orgId: minzdravId,
      options: 'Утро\nДень\nВечер',
      opensOn: '2026-11-01',
      closesOn: '2026-11-30',
      eligibility: 'signed_in',
      results: 'after_close',
      ...fields,
    });
  const published = await poll({ question: 'Какие часы приёма удобнее?', published: 'yes' });
  expect(published.statusCode, published.body).toBe(303);
  ids.poll = idIn(published, /\/manage\/polls\/([0-9a-f-]{36})/);
  ids.draftPoll = idIn(await poll({ question: 'Черновик опроса' }), /\/manage\/polls\/([0-9a-f-]{36})/);

  const consultation = await staff.post('/manage/consultations/new', {
    orgId: minzdravId,
    topic: 'Лекарственное обеспечение льготников',
    officialId: '',
    officialName: 'Петрова Ольга Ивановна',
    officialPosition: 'заместитель министра',
    date: '25.11.2026',
    from: '11:00',
    to: '12:30',
  });
  expect(consultation.statusCode, consultation.body).toBe(303);
  ids.consultation = idIn(consultation, /consultations\/([0-9a-f-]{36})/);

  const group = await staff.post('/manage/groups/new', {
    orgId: minzdravId,
    name: 'Пациентские организации',
    who: 'Общественные организации пациентов.',
    why: 'Они первыми видят перебои с лекарствами.',
    how: 'Ежемесячные встречи.',
    channels: 'Встречи, горячая линия.',
  });
  expect(group.statusCode, group.body).toBe(303);
  ids.group = idIn(group, /groups\/([0-9a-f-]{36})/);
});

afterAll(async () => {
  await t.close();
  await mailbox.close();
});

describe('following a discussion, a poll, a consultation and a reference group', () => {
  it('each public page links to following and to its Atom feed; a draft poll cannot be followed', async () => {
    const pages: [string, string][] = [
      [`/discussions/${ids.discussion}`, `discussion/${ids.discussion}`],
      [`/polls/${ids.poll}`, `poll/${ids.poll}`],
      [`/consultations/${ids.consultation}`, `consultation/${ids.consultation}`],
      [`/orgs/minzdrav/groups/${ids.group}`, `group/${ids.group}`],
    ];
    for (const [page, target] of pages) {
      const res = await visitor(t.app).get(page);
      expect(res.statusCode, page).toBe(200);
      expect(res.body).toContain(`href="/subscriptions/follow/${target}"`);
      expect(res.body).toContain(`href="/feeds/follow/${target}.atom"`);
    }
    // anonymous: sign in first, then back
    const anon = await t.app.inject({ url: `/subscriptions/follow/poll/${ids.poll}` });
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toBe(
      `/sign-in?next=${encodeURIComponent(`/subscriptions/follow/poll/${ids.poll}`)}`,
    );
    // a draft, an unknown kind, a malformed id: nothing to follow, no feed
    expect((await follower.get(`/subscriptions/follow/poll/${ids.draftPoll}`)).statusCode).toBe(404);
    expect((await follower.post(`/subscriptions/follow/poll/${ids.draftPoll}`, {})).statusCode).toBe(404);
    expect((await follower.get(`/subscriptions/follow/secret/${ids.poll}`)).statusCode).toBe(404);
    expect((await follower.get('/subscriptions/follow/poll/not-an-id')).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/feeds/follow/poll/${ids.draftPoll}.atom` })).statusCode).toBe(404);
  });

  it('follows by e-mail once confirmed; a second follow mails nothing; updates reach the digest once', async () => {
    const targets = [
      ['discussion', ids.discussion, 'Обсуждение: Как улучшить запись к врачу'],
      ['poll', ids.poll, 'Опрос: Какие часы приёма удобнее?'],
      ['consultation', ids.consultation, 'Онлайн-консультация: Лекарственное обеспечение льготников'],
      ['group', ids.group, 'Референтная группа: Пациентские организации'],
    ] as const;
    for (const [kind, id, label] of targets) {
      const path = `/subscriptions/follow/${kind}/${id}`;
      const page = await follower.get(path);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Следить по почте');
      const res = await follower.post(path, {}, { from: path });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/subscriptions?notice=created');
      const mail = await mailbox.waitFor(
        (m) => m.to.includes(follower.email) && m.subject === `Подтвердите подписку: ${label}`,
      );
      expect((await t.app.inject({ url: linkIn(mail.text, '/subscriptions/confirm') })).statusCode).toBe(200);
    }
    // following again: the page says so, a repeated post adds no subscription and no mail
    const before = await followMails();
    const again = await follower.post(`/subscriptions/follow/poll/${ids.poll}`, {});
    expect(again.statusCode).toBe(303);
    expect(await followMails()).toBe(before);
    expect((await follower.get(`/subscriptions/follow/poll/${ids.poll}`)).body).toContain(
      'Вы уже следите за этим',
    );
    const mine = await t.deps.db
      .select()
      .from(searchSubscriptions)
      .where(eq(searchSubscriptions.email, follower.email));
    expect(mine.map((s) => s.params.object).sort()).toEqual(['consultation', 'discussion', 'group', 'poll']);

    // nothing happened yet: no digest
    t.deps.clock.advance(60_000);
    expect(await sendSubscriptionDigests(t.deps)).toEqual({ mailed: 0 });

    // a comment, an answered question, a summary to the council, the poll's close
    t.deps.clock.advance(60_000);
    const comment = await other.post(
      `/discussions/${ids.discussion}/comments`,
      { text: 'Нужна запись по телефону для пожилых.' },
      { from: `/discussions/${ids.discussion}` },
    );
    expect(comment.statusCode, comment.body).toBe(303);
    const asked = await other.post(
      `/consultations/${ids.consultation}/questions`,
      { body: 'Где получить инсулин, если в аптеке его нет?' },
      { from: `/consultations/${ids.consultation}` },
    );
    expect(asked.statusCode, asked.body).toBe(303);
    const [question] = await consultRepository.questionsOf(t.deps.db, ids.consultation);
    const answered = await staff.post(`/manage/consultations/${ids.consultation}/questions/${question?.id}`, {
      answer: 'Обратитесь в аптеку-склад на ул. Клиническая.',
    });
    expect(answered.statusCode, answered.body).toBe(303);
    const referred = await staff.post(`/manage/groups/${ids.group}/refer`, {
      note: 'Оценки каналов выросли.',
    });
    expect(referred.statusCode, referred.body).toBe(303);
    t.deps.clock.set('2026-12-01T09:00:00+02:00');

    expect(await sendSubscriptionDigests(t.deps)).toEqual({ mailed: 4 });
    const digest = async (label: string) =>
      mailbox.waitFor((m) => m.to.includes(follower.email) && m.subject === `Новое на портале: ${label}`);
    const d1 = await digest(targets[0][2]);
    expect(d1.text).toContain('Новый комментарий: «Как улучшить запись к врачу»');
    expect(d1.text).toMatch(new RegExp(`/discussions/${ids.discussion}#comment-[0-9a-f-]{36}`));
    expect(d1.text).toMatch(/\/subscriptions\/unsubscribe\/\S+/);
    const d2 = await digest(targets[1][2]);
    expect(d2.text).toContain('Итоги опроса: «Какие часы приёма удобнее?»');
    expect(d2.text).toContain(`/polls/${ids.poll}`);
    // the poll opened before the follow: not news for this person
    expect(d2.text).not.toContain('Начался опрос');
    const d3 = await digest(targets[2][2]);
    expect(d3.text).toContain('Ответ на вопрос: «Лекарственное обеспечение льготников»');
    expect(d3.text).toContain(`/consultations/${ids.consultation}#q-${question?.id}`);
    const d4 = await digest(targets[3][2]);
    expect(d4.text).toContain('Итоги работы с группой «Пациентские организации» за');
    // a second run the same day: nothing new, nothing sent
    expect(await sendSubscriptionDigests(t.deps)).toEqual({ mailed: 0 });

    // unsubscribing from the mail's link ends that one only
    const anon = visitor(t.app);
    const unsub = linkIn(d2.text, '/subscriptions/unsubscribe');
    expect((await anon.post(unsub, {})).statusCode).toBe(200);
    const after = await follower.get('/subscriptions');
    expect(after.body).not.toContain('Опрос: Какие часы приёма удобнее?');
    expect(after.body).toContain('Обсуждение: Как улучшить запись к врачу');
  });

  it('serves the updates as Atom per object and per organisation', async () => {
    const poll = await t.app.inject({ url: `/feeds/follow/poll/${ids.poll}.atom` });
    expect(poll.statusCode).toBe(200);
    expect(poll.headers['content-type']).toContain('application/atom+xml');
    expect(poll.body).toContain('<title>Опрос: Какие часы приёма удобнее? — обновления</title>');
    expect(poll.body).toContain('Итоги опроса: «Какие часы приёма удобнее?»');
    expect(poll.body).toContain('Начался опрос: «Какие часы приёма удобнее?»');

    const discussion = await t.app.inject({ url: `/feeds/follow/discussion/${ids.discussion}.atom` });
    expect(discussion.body).toContain('Нужна запись по телефону для пожилых.');
    expect(discussion.body).not.toContain('Итоги опроса');

    const org = await t.app.inject({ url: '/feeds/orgs/minzdrav/participation.atom' });
    expect(org.statusCode).toBe(200);
    for (const title of [
      'Новый комментарий: «Как улучшить запись к врачу»',
      'Итоги опроса: «Какие часы приёма удобнее?»',
      'Ответ на вопрос: «Лекарственное обеспечение льготников»',
      'Итоги работы с группой «Пациентские организации»',
    ])
      expect(org.body).toContain(title);
    expect(org.body).not.toContain('Черновик опроса');
    const otherOrg = await t.app.inject({ url: '/feeds/orgs/minobr/participation.atom' });
    expect(otherOrg.statusCode).toBe(200);
    expect(otherOrg.body).not.toContain('<entry>');
    expect((await t.app.inject({ url: '/feeds/orgs/no-such/participation.atom' })).statusCode).toBe(404);
  });

  it('finds published polls, surveys, consultations and groups in search with their requisites; never a draft', async () => {
    const search = async (q: string, type?: string) =>
      (await visitor(t.app).get(`/search?q=${encodeURIComponent(q)}${type ? `&type=${type}` : ''}`)).body;
    const found = await search('часы приёма', 'poll');
    expect(found).toContain(`href="/polls/${ids.poll}"`);
    expect(found).toContain('Опрос с 01.11.2026 по 30.11.2026; голосуют вошедшие на портал.');
    expect(await search('Черновик опроса')).not.toContain(`/polls/${ids.draftPoll}`);
    expect(await search('Лекарственное обеспечение')).toContain(`href="/consultations/${ids.consultation}"`);
    expect(await search('Пациентские организации', 'reference_group')).toContain(
      `href="/orgs/minzdrav/groups/${ids.group}"`,
    );

    // reindexed on change: the draft published is found, unpublished again it is gone
    const edit = (published: string) =>
      staff.post(`/manage/polls/${ids.draftPoll}`, {
        question: 'Черновик опроса о донорстве',
        options: 'Да\nНет',
        opensOn: '2026-12-01',
        closesOn: '2026-12-20',
        eligibility: 'esia',
        results: 'live',
        published,
      });
    expect((await edit('yes')).statusCode).toBe(303);
    const published = await search('донорстве');
    expect(published).toContain(`href="/polls/${ids.draftPoll}"`);
    expect(published).toContain('голосуют подтвердившие личность через ЕСИА');
    expect((await edit('')).statusCode).toBe(303);
    expect(await search('донорстве')).not.toContain(`/polls/${ids.draftPoll}`);

    // a published survey is found by its title
    const survey = await staff.post('/manage/surveys/new', {
      orgId: minzdravId,
      title: 'Качество работы регистратуры',
      description: 'Анкета о регистратурах поликлиник.',
      opensOn: '2026-12-01',
      closesOn: '2026-12-31',
      anonymous: 'yes',
      published: 'yes',
    });
    expect(survey.statusCode, survey.body).toBe(303);
    const surveyId = idIn(survey, /surveys\/([0-9a-f-]{36})/);
    expect(await search('регистратуры', 'survey')).toContain(`href="/surveys/${surveyId}"`);

    // npm run reindex rebuilds the same entries from the tables: published ones only
    expect(await reindexAll(t.deps, ['participation.polls', 'participation.groups'])).toEqual({
      'participation.polls': 2,
      'participation.groups': 1,
    });
    expect(await search('часы приёма', 'poll')).toContain(`href="/polls/${ids.poll}"`);
    expect(await search('донорстве')).not.toContain(`/polls/${ids.draftPoll}`);
    expect(await search('регистратуры', 'survey')).toContain(`href="/surveys/${surveyId}"`);
    expect(await search('Пациентские организации', 'reference_group')).toContain(`/groups/${ids.group}`);
  });
});
