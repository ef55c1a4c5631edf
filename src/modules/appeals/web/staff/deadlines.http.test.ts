import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/app.ts';
import { type SignedIn, sessionFor, signedInAs } from '../../../../../test/auth.ts';
import { visitor } from '../../../../../test/forms.ts';
import { auditLog } from '../../../../platform/audit/audit.tables.ts';
import { loadCalendar } from '../../../../platform/calendar/store.ts';
import { deadlineSettings } from '../../appeals.model.ts';
import { loadDeadlineSettings } from '../../appeals.settings.ts';
import { appeals } from '../../appeals.tables.ts';
import { recomputeAppealDeadlines } from '../../recompute-appeal-deadlines.ts';
import { staffKit } from '../../staff-test-kit.ts';

// Issue 10: the legal terms of appeals are settings an administrator changes at
// /manage/appeals/deadlines, each shown with its legal basis, within sane bounds,
// audited; appeals already registered keep their deadlines, new ones take the new terms.

const URL = '/manage/appeals/deadlines';
let t: TestApp;
let k: Awaited<ReturnType<typeof staffKit>>;
let admin: SignedIn;

/** Every field of the form as the page fills it from the defaults, with `over` typed over them. */
const form = (over: Record<string, string> = {}) => ({
  ...Object.fromEntries(Object.entries(deadlineSettings.parse({})).map(([k, v]) => [k, String(v)])),
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  // Monday 2 March 2026: 30 days → Wednesday 1 April; 25 days → Friday 27 March
  t.deps.clock.set('2026-03-02T09:00:00+02:00');
  k = await staffKit(t.deps);
  admin = await sessionFor(t, k.admin);
});
afterAll(() => t.close());

describe('the deadline settings page', () => {
  it('shows each term with its legal basis, its bounds and the points still to check, in Russian and English', async () => {
    const res = await admin.get(URL);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Сроки рассмотрения обращений');
    expect(res.body).toContain('59-ФЗ, ст. 12 ч. 1: 30 дней со дня регистрации.');
    expect(res.body).toContain('8-ФЗ, ст. 18 ч. 6: не более чем на 15 дней.');
    expect(res.body).toContain('Закон «О средствах массовой информации», ст. 40: 7 дней.');
    expect(res.body).toMatch(/name="answerDays"[^>]*value="30"|value="30"[^>]*name="answerDays"/);
    expect(res.body).toContain('Допустимо от 1 до 60.');
    // the corruption report's and the media request's terms stand on points still to be checked
    expect(res.body.match(/Норму нужно сверить с первоисточником/g)).toHaveLength(4);
    expect(res.body).toContain('У обращений, которые уже зарегистрированы, сроки не меняются.');
    // an extension stays once (ст. 12 ч. 2, enforced by extendAppeal): not offered as a setting
    expect(res.body).not.toContain('name="extensionsAllowed"');
    const manage = await admin.get('/manage');
    expect(manage.body).toContain(`href="${URL}"`);

    const en = await admin.get(`${URL}?lang=en`);
    expect(en.body).toContain('Appeal deadlines');
    expect(en.body).toContain('59-FZ, art. 12 part 1: 30 days from registration.');
    expect(en.body).toContain('Allowed: 1 to 60.');
    await admin.get(`${URL}?lang=ru`); // the language is a cookie: back to Russian
  });

  it('is the administrator’s: an appeals officer is refused, a visitor is sent to sign in', async () => {
    const officer = await sessionFor(t, k.officer);
    expect((await officer.get(URL)).statusCode).toBe(403);
    expect((await officer.post(URL, form({ answerDays: '10' }), { from: '/manage' })).statusCode).toBe(403);
    const citizen = await signedInAs(t, 'citizen');
    expect((await citizen.get(URL)).statusCode).toBe(403);
    const anonymous = await visitor(t.app).get(URL);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain('/sign-in');
    expect((await loadDeadlineSettings(t.deps.db)).answerDays).toBe(30);
  });

  it('says what to fix in plain words, in the order of the fields, and keeps what was typed', async () => {
    const res = await admin.post(
      URL,
      form({ answerDays: '300', forwardDays: 'семь', nonWorkingDayRule: '' }),
    );
    expect(res.statusCode).toBe(422);
    const start = res.body.indexOf('govuk-error-summary');
    const summary = res.body.slice(start, res.body.indexOf('</ul>', start));
    const first = summary.indexOf('Введите срок ответа на обращение: целое число дней от 1 до 60');
    const second = summary.indexOf('Введите срок переадресации: целое число дней от 1 до 30');
    const third = summary.indexOf('Выберите, что делать, если срок приходится на нерабочий день');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(third).toBeGreaterThan(second);
    expect(res.body).toContain('value="300"');
    expect(res.body).toContain('value="семь"');

    const crossed = await admin.post(URL, form({ answerDays: '7', forwardDays: '7' }));
    expect(crossed.statusCode).toBe(422);
    expect(crossed.body).toContain('Срок переадресации должен быть короче срока ответа на обращение');

    const en = await admin.post(`${URL}?lang=en`, form({ answerDays: '0' }), { from: `${URL}?lang=en` });
    expect(en.statusCode).toBe(422);
    expect(en.body).toContain('Enter the days to answer an appeal: a whole number from 1 to 60');
    await admin.get(`${URL}?lang=ru`);
    expect((await loadDeadlineSettings(t.deps.db)).answerDays).toBe(30);
  });

  it('saves new terms for new appeals only, audited; the extend form reads its bound from them', async () => {
    const before = await k.submit();
    expect(before.dueDate).toBe('2026-04-01');

    const res = await admin.post(URL, form({ answerDays: '25', extensionMaxDays: '20' }));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${URL}?notice=saved`);
    const page = await admin.get(res.headers.location as string);
    expect(page.body).toContain('Сроки сохранены');
    expect(page.body).toMatch(/name="answerDays"[^>]*value="25"|value="25"[^>]*name="answerDays"/);

    const [entry] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'appeals.deadlines.change'), eq(auditLog.actorUserId, k.admin.userId)));
    expect(entry?.details).toEqual({
      changes: { answerDays: { from: 30, to: 25 }, extensionMaxDays: { from: 30, to: 20 } },
    });

    // the appeal registered before keeps its deadline; a new one takes 25 days
    const [kept] = await t.deps.db.select().from(appeals).where(eq(appeals.id, before.id));
    expect(kept?.dueDate).toBe('2026-04-01');
    const after = await k.submit();
    expect(after.dueDate).toBe('2026-03-27');

    // a calendar change recomputes open appeals with the terms each was registered under
    const changed = await t.deps.db.transaction(async (tx) => {
      const { calendar, version } = await loadCalendar(tx);
      return recomputeAppealDeadlines(tx, { year: 2026, calendar, version, now: t.deps.clock.now() });
    });
    expect(changed).toBe(0);
    const [still] = await t.deps.db.select().from(appeals).where(eq(appeals.id, before.id));
    expect(still?.dueDate).toBe('2026-04-01');

    // the head's extend form names the bound the settings give, and the use case keeps to it
    const head = await sessionFor(t, k.head);
    const appealUrl = `/manage/appeals/${after.id}`;
    const appealPage = await head.get(appealUrl);
    expect(appealPage.body).toContain('Введите число дней от 1 до 20');
    expect(appealPage.body).not.toContain('от 1 до 30');
    const tooLong = await head.post(
      `${appealUrl}/extend`,
      { days: '25', extendReason: 'Нужна выездная проверка' },
      { from: appealUrl },
    );
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.body).toContain('Введите число дней от 1 до 20');
    expect(tooLong.body).toContain('value="25"');

    // and so does an extension: 30 + 10 days from 2 March is Saturday 11 April → Friday 10 April
    // (with the new 25 days it would have been 6 April)
    const beforeUrl = `/manage/appeals/${before.id}`;
    const extended = await head.post(
      `${beforeUrl}/extend`,
      { days: '10', extendReason: 'Нужна выездная проверка' },
      { from: beforeUrl },
    );
    expect(extended.statusCode).toBe(303);
    const [ext] = await t.deps.db.select().from(appeals).where(eq(appeals.id, before.id));
    expect(ext).toMatchObject({ dueDate: '2026-04-10', originalDueDate: '2026-04-01' });

    const again = await admin.post(URL, form({ answerDays: '25', extensionMaxDays: '20' }));
    expect(again.headers.location).toBe(`${URL}?notice=unchanged`);
    const entries = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'appeals.deadlines.change'));
    expect(entries).toHaveLength(1);
  });
});
