import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { signedInAs } from '../../../../test/auth.ts';
import { visitor } from '../../../../test/forms.ts';
import { type Mailbox, startMailbox } from '../../../../test/mailbox.ts';
import { seedSearchFixtures } from '../../../../test/search-fixtures.ts';
import { MAIL_QUEUE } from '../../../platform/mail/index.ts';
import { searchIndex } from '../../../platform/search/index.ts';
import { sendSubscriptionDigests } from '../send-subscription-digests.ts';

let t: TestApp;
let mailbox: Mailbox;
let orgId: string;
beforeAll(async () => {
  mailbox = await startMailbox();
  t = await createTestApp({ smtpUrl: mailbox.url });
  await t.deps.jobs.work<{ id: string }>(MAIL_QUEUE, async ({ id }) => {
    await t.deps.mail.deliver(id);
  });
  ({
    org: { id: orgId },
  } = await seedSearchFixtures(t.deps));
});
afterAll(async () => {
  await t.close();
  await mailbox.close();
});

const linkIn = (text: string, path: string) => {
  const m = text.match(new RegExp(`https?://\\S+${path}/\\S+`));
  if (!m) throw new Error(`no ${path} link in: ${text}`);
  return new URL(m[0]).pathname;
};

describe('e-mail subscriptions', () => {
  it('is linked from the cabinet', async () => {
    const browser = await signedInAs(t, 'citizen');
    const cabinet = await browser.get('/cabinet');
    expect(cabinet.statusCode).toBe(200);
    expect(cabinet.body).toContain('href="/subscriptions"');
    expect(cabinet.body).toContain('Подписки на почту');
  });

  it('asks an anonymous visitor to sign in first', async () => {
    const res = await t.app.inject({ url: '/subscriptions/new?q=x' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/sign-in\?next=/);
  });

  it('subscribes to a saved search, confirms by the mailed link, mails new matches daily, unsubscribes', async () => {
    const browser = await signedInAs(t, 'citizen', null, { email: 'reader@example.test' });

    // from a search page with a filter
    const form = await browser.get(
      `/subscriptions/new?q=${encodeURIComponent('приём граждан')}&org=minzdrav`,
    );
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="приём граждан"');
    const bad = await browser.post('/subscriptions/new', { kind: 'query', q: '' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Введите запрос');
    const created = await browser.post(
      '/subscriptions/new',
      { kind: 'query', q: 'приём граждан', params: 'org=minzdrav' },
      { from: '/subscriptions/new' },
    );
    expect(created.statusCode).toBe(303);
    const confirmMail = await mailbox.waitFor(
      (m) => m.to.includes(browser.email) && m.subject.includes('Подтвердите'),
    );
    expect(confirmMail.subject).toContain('Поиск: приём граждан');
    const list = await browser.get('/subscriptions');
    expect(list.body).toContain('ждёт подтверждения');

    // nothing is mailed before confirmation
    t.deps.clock.advance(60_000);
    await searchIndex.upsert(t.deps.db, {
      id: 'fx:news-new',
      module: 'fixture',
      type: 'fx_news',
      orgId,
      title: 'Министр провёл приём граждан в Гусеве',
      body: 'Личный приём.',
      url: '/orgs/minzdrav/press/new',
      publishedAt: t.deps.clock.now(),
    });
    t.deps.clock.advance(60_000);
    expect(await sendSubscriptionDigests(t.deps)).toEqual({ mailed: 0 });

    const confirmed = await t.app.inject({ url: linkIn(confirmMail.text, '/subscriptions/confirm') });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('Подписка подтверждена');
    expect((await browser.get('/subscriptions')).body).toContain('действует');

    expect(await sendSubscriptionDigests(t.deps)).toEqual({ mailed: 1 });
    const digest = await mailbox.waitFor((m) => m.subject.startsWith('Новое на портале'));
    expect(digest.text).toContain('Министр провёл приём граждан в Гусеве');
    expect(digest.text).toContain('/orgs/minzdrav/press/new');
    // an item of another organisation or an old one is not in it; a second run sends nothing
    expect(digest.text).not.toContain('Черняховска');
    expect(await sendSubscriptionDigests(t.deps)).toEqual({ mailed: 0 });

    // unsubscribe from the mail: a page with a button, then gone
    const unsubPath = linkIn(digest.text, '/subscriptions/unsubscribe');
    const anon = visitor(t.app);
    const page = await anon.get(unsubPath);
    expect(page.statusCode).toBe(200);
    const done = await anon.post(unsubPath, {});
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Вы отписались');
    expect((await browser.get('/subscriptions')).body).toContain('У вас пока нет подписок');
    expect((await t.app.inject({ url: unsubPath })).statusCode).toBe(404);
  });

  it('subscribes to an organisation and to a topic; owners remove their own only', async () => {
    const a = await signedInAs(t, 'citizen');
    const b = await signedInAs(t, 'citizen');
    expect((await a.post('/subscriptions/new', { kind: 'org', org: 'minzdrav' })).statusCode).toBe(303);
    expect((await a.post('/subscriptions/new', { kind: 'topic', topic: 'fx_health' })).statusCode).toBe(303);
    const unknownOrg = await a.post('/subscriptions/new', { kind: 'org', org: 'no-such' });
    expect(unknownOrg.statusCode).toBe(422);
    const list = await a.get('/subscriptions');
    expect(list.body).toContain('Организация: Министерство здравоохранения Калининградской области');
    expect(list.body).toContain('Тема: Здоровье (тест)');
    const id = list.body.match(/\/subscriptions\/([0-9a-f-]{36})\/delete/)?.[1];
    expect(id).toBeTruthy();
    const foreign = await b.post(`/subscriptions/${id}/delete`, {}, { from: '/subscriptions' });
    expect(foreign.statusCode).toBe(403);
    const own = await a.post(`/subscriptions/${id}/delete`, {}, { from: '/subscriptions' });
    expect(own.statusCode).toBe(303);
    expect(
      (await t.app.inject({ url: '/subscriptions/confirm/not-a-real-token-at-all-xx' })).statusCode,
    ).toBe(404);
    expect((await t.app.inject({ url: '/subscriptions/unsubscribe/garbage' })).statusCode).toBe(404);
  });
});
