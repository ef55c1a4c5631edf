import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { createUser } from '../../../../test/auth.ts';
import { visitor } from '../../../../test/forms.ts';
import { type Mailbox, startMailbox } from '../../../../test/mailbox.ts';
import { MAIL_QUEUE } from '../../../platform/mail/index.ts';

let t: TestApp;
let mailbox: Mailbox;
beforeAll(async () => {
  mailbox = await startMailbox();
  t = await createTestApp({ smtpUrl: mailbox.url });
  await t.deps.jobs.work<{ id: string }>(MAIL_QUEUE, async ({ id }) => {
    await t.deps.mail.deliver(id);
  });
});
afterAll(async () => {
  await t.close();
  await mailbox.close();
});

const person = {
  lastName: 'Смирнова',
  firstName: 'Анна',
  patronymic: 'Петровна',
  password: 'балтика-2026',
  passwordConfirm: 'балтика-2026',
  consent: 'yes',
};

function linkIn(text: string, path: string): string {
  const m = text.match(new RegExp(`https?://[^\\s]+(${path}/[A-Za-z0-9_-]+)`));
  if (!m?.[1]) throw new Error(`no ${path} link in: ${text}`);
  return m[1];
}

describe('sign-up', () => {
  it('shows the form with the password rules and the 152-ФЗ consent', async () => {
    const res = await visitor(t.app).get('/sign-up');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Отчество (при наличии)');
    expect(res.body).toContain('Не менее 10 символов');
    expect(res.body).toContain('152-ФЗ');
    expect(res.body).toContain('name="consent"');
  });

  it('re-renders with an error summary and keeps what was typed (never the password)', async () => {
    const res = await visitor(t.app).post('/sign-up', {
      email: 'не-почта',
      lastName: 'Иванов',
      firstName: '',
      patronymic: 'Иванович',
      password: 'short1',
      passwordConfirm: 'short1',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toContain('href="#email"');
    expect(res.body).toContain('Введите адрес электронной почты в правильном формате');
    expect(res.body).toContain('Введите имя');
    expect(res.body).toContain('Пароль должен содержать не менее 10 символов');
    expect(res.body).toContain('дайте согласие на обработку персональных данных');
    expect(res.body).toContain('value="не-почта"');
    expect(res.body).toContain('value="Иванов"');
    expect(res.body).toContain('value="Иванович"');
    expect(res.body).not.toContain('short1');
  });

  it('says when the two passwords differ', async () => {
    const res = await visitor(t.app).post('/sign-up', {
      ...person,
      email: 'mismatch@example.test',
      passwordConfirm: 'другой-пароль-1',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Пароли не совпадают');
  });

  it('signs up, confirms by the link from the real mail, signs in and out', async () => {
    const browser = visitor(t.app);
    const email = 'anna.smirnova@example.test';
    const res = await browser.post('/sign-up', { ...person, email });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/sign-up/check-email');
    expect((await browser.get('/sign-up/check-email')).body).toContain('Проверьте почту');

    // Not confirmed yet: signing in sends a new link instead.
    const early = await browser.post('/sign-in', { email, password: person.password });
    expect(early.statusCode).toBe(200);
    expect(early.body).toContain('Подтвердите адрес электронной почты');
    expect(browser.jar.get('sid')).toBeUndefined();

    const mail = await mailbox.waitFor((m) => m.to.includes(email) && m.subject.startsWith('Подтвердите'));
    expect(mail.text).toContain('Здравствуйте, Анна!');
    // The second mail (sent on the early sign-in) replaced the first link.
    const second = await mailbox.waitFor(
      (m) => m !== mail && m.to.includes(email) && m.subject.startsWith('Подтвердите'),
    );
    const stale = await browser.get(linkIn(mail.text, '/confirm-email'));
    expect(stale.statusCode).toBe(404);
    const confirmed = await browser.get(linkIn(second.text, '/confirm-email'));
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe('/sign-in?notice=confirmed');
    expect((await browser.get('/sign-in?notice=confirmed')).body).toContain('Адрес подтверждён');
    // One-time: the same link does nothing the second time.
    expect((await browser.get(linkIn(second.text, '/confirm-email'))).statusCode).toBe(404);

    const signedIn = await browser.post('/sign-in', { email, password: person.password, next: '/sign-up' });
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe('/sign-up');
    expect(browser.jar.get('sid')).toBeTruthy();
    const page = await browser.get('/sign-up');
    expect(page.body).toContain('action="/sign-out"');

    const out = await browser.post('/sign-out', {}, { from: '/sign-up' });
    expect(out.statusCode).toBe(303);
    expect(browser.jar.get('sid')).toBeUndefined();
    expect((await browser.get('/sign-up')).body).not.toContain('action="/sign-out"');
  });

  it('answers a sign-up with a taken address exactly as a new one and mails its owner instead', async () => {
    const existing = await createUser(t.deps, { email: 'taken@example.test' });
    const res = await visitor(t.app).post('/sign-up', { ...person, email: 'Taken@Example.test' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/sign-up/check-email');
    const mail = await mailbox.waitFor((m) => m.to.includes(existing.email));
    expect(mail.subject).toContain('Попытка регистрации');
    expect(mail.text).toContain('У вас уже есть учётная запись');
    expect(mail.text).not.toContain('/confirm-email/');
  });

  it('resets a forgotten password by the mailed link, once, and ends the old sessions', async () => {
    const u = await createUser(t.deps, { email: 'forgetful@example.test', password: 'старый-пароль-1' });
    const oldBrowser = visitor(t.app);
    await oldBrowser.post('/sign-in', { email: u.email, password: u.password });
    expect(oldBrowser.jar.get('sid')).toBeTruthy();

    const unknown = await visitor(t.app).post('/password-reset', { email: 'nobody-here@example.test' });
    const known = await visitor(t.app).post('/password-reset', { email: u.email });
    expect(unknown.statusCode).toBe(303);
    expect(known.statusCode).toBe(303);
    expect(unknown.headers.location).toBe(known.headers.location);

    const mail = await mailbox.waitFor((m) => m.to.includes(u.email) && m.subject.startsWith('Смена пароля'));
    const link = linkIn(mail.text, '/password-reset');
    const browser = visitor(t.app);
    const form = await browser.get(link);
    expect(form.statusCode).toBe(200);
    const bad = await browser.post(link, { password: 'новый', passwordConfirm: 'новый' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('не менее 10 символов');
    const done = await browser.post(link, { password: 'новый-пароль-2', passwordConfirm: 'новый-пароль-2' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/sign-in?notice=passwordReset');
    expect((await visitor(t.app).get(link)).statusCode).toBe(404);

    // The session opened with the old password is gone.
    expect((await oldBrowser.get('/sign-up')).body).not.toContain('action="/sign-out"');
    const old = await visitor(t.app).post('/sign-in', { email: u.email, password: 'старый-пароль-1' });
    expect(old.statusCode).toBe(422);
    const fresh = await visitor(t.app).post('/sign-in', { email: u.email, password: 'новый-пароль-2' });
    expect(fresh.statusCode).toBe(303);
  });

  it('shows the "link not valid" page for a made-up reset token', async () => {
    const res = await visitor(t.app).get('/password-reset/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Ссылка недействительна');
  });
});
