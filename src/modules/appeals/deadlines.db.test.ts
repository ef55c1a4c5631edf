import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../test/db.ts';
import { confirmCalendarYear } from '../../platform/calendar/admin.ts';
import shipped from '../../platform/calendar/data/production-calendar-ru.json' with { type: 'json' };
import { ProductionCalendar, shippedCalendar, type YearData } from '../../platform/calendar/index.ts';
import {
  SHIPPED_KEY_PREFIX,
  shippedFingerprints,
  syncShippedCalendar,
  yearFingerprint,
} from '../../platform/calendar/store.ts';
import { settings } from '../../platform/db/settings.tables.ts';
import { Conflict } from '../../platform/errors/index.ts';
import { outbox } from '../../platform/mail/mail.tables.ts';
import { deadlineSettings } from './appeals.model.ts';
import { appealsRepository as staffRepository } from './appeals.repository.ts';
import { computeDeadlines } from './appeals.settings.ts';
import { appealQuestions } from './appeals.tables.ts';
import { classifyAppeal } from './classify-appeal.ts';
import { extendAppeal } from './extend-appeal.ts';
import { leaveAppealWithoutAnswer } from './leave-appeal-without-answer.ts';
import { sendAppealReminders } from './send-appeal-reminders.ts';
import { staffKit } from './staff-test-kit.ts';

/*
 * Issue 8, «Calendar data» and «Deadlines»: each rule through the real use
 * cases on a real database. The property test over thousands of dates is
 * deadlines.property.test.ts.
 */

let deps: TestDeps;
let k: Awaited<ReturnType<typeof staffKit>>;
const s = deadlineSettings.parse({});

beforeAll(async () => {
  deps = await createTestDeps();
  k = await staffKit(deps);
});
afterAll(async () => {
  await deps.close();
});

const at = (d: string) => deps.clock.set(`${d}T10:00:00+02:00`);
async function row(id: string) {
  const r = await staffRepository.findById(deps.db, id);
  if (!r) throw new Error('gone');
  return r;
}
async function conflictOf(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Conflict);
  return (err as Conflict).message;
}

/** The 2026 data of the previous release: 23 March and 23 November marked (wrongly) as days off. */
function old2026(): YearData {
  const months = (shipped as { years: Record<string, YearData> }).years['2026'] as YearData;
  return months.map((days, i) =>
    i === 2 || i === 10
      ? [...days, '23'].sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10))
      : days,
  );
}

describe('a release with corrected calendar data (23 March and 23 November 2026 are working days)', () => {
  it('recomputes, at start, the open appeals stored with the old deadlines, each with an event for staff', async () => {
    // the database last saw the previous release: every year as now, 2026 with the two wrong days off
    for (const [y, f] of shippedFingerprints()) {
      const value = y === 2026 ? yearFingerprint(old2026()) : f;
      await deps.db.insert(settings).values({ key: `${SHIPPED_KEY_PREFIX}${y}`, value });
    }
    const oldCal = shippedCalendar();
    oldCal.setYear(2026, old2026());
    // appeals registered under the previous release: their stored dates are what it computed
    const stored = async (registeredOn: string) => {
      at(registeredOn);
      const a = await k.submit();
      const d = computeDeadlines(oldCal, registeredOn, 'appeal', s);
      await staffRepository.update(deps.db, a.id, {
        dueDate: d.dueDate,
        originalDueDate: d.originalDueDate,
        forwardDueDate: d.forwardDueDate,
        noticeDueDate: d.noticeDueDate,
      });
      return { a, old: d };
    };
    // Saturday 21 Feb + 30 = Monday 23 March: the old data moved it back to Friday 20 March
    const march = await stored('2026-02-21');
    expect(march.old.dueDate).toBe('2026-03-20');
    // Saturday 24 Oct + 30 = Monday 23 November: was Friday 20 November
    const november = await stored('2026-10-24');
    expect(november.old.dueDate).toBe('2026-11-20');
    // not depending on either day
    const other = await stored('2026-02-02');
    // a closed appeal is history: left alone
    const closed = await stored('2026-02-21');
    await leaveAppealWithoutAnswer(deps, k.origin(k.officer), {
      id: closed.a.id,
      reason: 'obscene_or_threats',
    });

    at('2026-11-27');
    const res = await syncShippedCalendar(deps.db, deps.clock.now());
    expect(res.changedYears).toEqual([2026]);
    expect(res.recomputed).toBe(2);
    expect(await row(march.a.id)).toMatchObject({ dueDate: '2026-03-23', originalDueDate: '2026-03-23' });
    expect(await row(november.a.id)).toMatchObject({ dueDate: '2026-11-23' });
    expect((await row(closed.a.id)).dueDate).toBe('2026-03-20');
    const ev = (await staffRepository.events(deps.db, march.a.id)).at(-1);
    expect(ev).toMatchObject({ kind: 'status_changed', visibleToAuthor: false, newDueDate: '2026-03-23' });
    expect(ev?.details).toMatchObject({
      recomputed: true,
      previousDueDate: '2026-03-20',
      calendarYear: 2026,
    });
    expect(ev?.reason).toContain('20.03.2026');
    expect((await staffRepository.events(deps.db, other.a.id)).map((e) => e.kind)).toEqual(['registered']);

    // the new fingerprints are stored: a second start finds nothing to do
    expect(await syncShippedCalendar(deps.db, deps.clock.now())).toEqual({ changedYears: [], recomputed: 0 });
    const saved = await deps.db
      .select()
      .from(settings)
      .where(
        and(like(settings.key, `${SHIPPED_KEY_PREFIX}%`), eq(settings.key, `${SHIPPED_KEY_PREFIX}2026`)),
      );
    expect(saved[0]?.value).toBe(shippedFingerprints().get(2026));
  });

  it('an administrator correcting a year with decree data recomputes its open appeals too, not only provisional ones', async () => {
    at('2026-02-21');
    const a = await k.submit();
    expect(a.dueDate).toBe('2026-03-23');
    expect(a.dueProvisional).toBe(false);
    const { recomputed } = await confirmCalendarYear(deps, k.origin(k.admin), {
      year: 2026,
      months: old2026(),
      note: 'проверка: 23 марта — выходной',
    });
    expect(recomputed).toBeGreaterThanOrEqual(1);
    expect((await row(a.id)).dueDate).toBe('2026-03-20');
    // and back, so the rest of this file runs on the corrected data
    await confirmCalendarYear(deps, k.origin(k.admin), {
      year: 2026,
      months: (shipped as { years: Record<string, YearData> }).years['2026'] as YearData,
      note: 'Постановление Правительства РФ от 24.09.2025',
    });
    expect((await row(a.id)).dueDate).toBe('2026-03-23');
  });
});

describe('extension (59-ФЗ art. 12 ч.2; 8-ФЗ art. 18 ч.6)', () => {
  it('counts the extended deadline from registration (30 + 30) and moves it off a day off once', async () => {
    at('2026-11-13');
    const a = await k.submit();
    // 13 Nov + 30 = Sunday 13 Dec → Friday 11 Dec
    expect(a.dueDate).toBe('2026-12-11');
    const { dueDate } = await extendAppeal(deps, k.origin(k.head), {
      id: a.id,
      days: 30,
      reason: 'Проверка',
    });
    // 13 Nov + 60 = Tuesday 12 Jan 2027 (not 11 Dec + 30 = 10 Jan, moved back over the holidays to 30 Dec)
    expect(dueDate).toBe('2027-01-12');
    expect(await row(a.id)).toMatchObject({ dueDate: '2027-01-12', originalDueDate: '2026-12-11' });
  });

  it('counts a request’s delay from registration too (30 + 15)', async () => {
    at('2026-11-13');
    const a = await k.submit({ type: 'info_request' });
    const { dueDate } = await extendAppeal(deps, k.origin(k.head), {
      id: a.id,
      days: 15,
      reason: 'Сбор сведений',
    });
    // 13 Nov + 45 = Monday 28 Dec (not 11 Dec + 15 = Saturday 26 Dec → 25 Dec)
    expect(dueDate).toBe('2026-12-28');
  });

  it('is refused once the deadline has passed, and allowed on its last day', async () => {
    at('2026-03-02');
    const late = await k.submit();
    const onTime = await k.submit();
    expect(late.dueDate).toBe('2026-04-01');
    at('2026-04-02');
    expect(
      await conflictOf(extendAppeal(deps, k.origin(k.head), { id: late.id, days: 10, reason: 'Поздно' })),
    ).toBe('appeals.staff.conflict.extendAfterDeadline');
    expect((await row(late.id)).status).toBe('registered');
    at('2026-04-01');
    await extendAppeal(deps, k.origin(k.head), { id: onTime.id, days: 10, reason: 'В срок' });
    expect((await row(onTime.id)).dueDate).toBe('2026-04-10');
  });

  it('a request’s delay is refused after the 7 days to notify the requester of it', async () => {
    at('2026-03-02');
    const a = await k.submit({ type: 'info_request' });
    const b = await k.submit({ type: 'info_request' });
    // 2 March + 7 = Monday 9 March, the day off for 8 March (a Sunday): Friday 6 March
    expect(a.noticeDueDate).toBe('2026-03-06');
    at('2026-03-06');
    await extendAppeal(deps, k.origin(k.head), { id: a.id, days: 15, reason: 'Сбор сведений' });
    at('2026-03-10');
    expect(
      await conflictOf(extendAppeal(deps, k.origin(k.head), { id: b.id, days: 15, reason: 'Поздно' })),
    ).toBe('appeals.staff.conflict.delayNoticeLate');
  });
});

describe('control dates', () => {
  it('never fall before the registration date: 2 Jan 2026 + 7 days is 12 Jan, not 30 Dec 2025', async () => {
    at('2026-01-02');
    const a = await k.submit();
    expect(a.registeredOn).toBe('2026-01-02');
    expect(a.forwardDueDate).toBe('2026-01-12');
    expect(a.noticeDueDate).toBe('2026-01-12');
  });
});

describe('59-ФЗ art. 11 notices due within 7 days', () => {
  it('art. 11 ч.2: an appeal against a court decision is returned with how to appeal it', async () => {
    at('2026-03-02');
    const a = await k.submit();
    at('2026-03-04');
    await leaveAppealWithoutAnswer(deps, k.origin(k.officer), { id: a.id, reason: 'court_decision' });
    const r = await row(a.id);
    expect(r).toMatchObject({ status: 'left_without_answer', withoutAnswerReason: 'court_decision' });
    const mail = (await deps.db.select().from(outbox).where(eq(outbox.kind, 'appeal.without_answer'))).find(
      (m) => m.subject.includes(a.number),
    );
    expect(mail?.subject).toBe(`Обращение ${a.number} возвращается`);
    expect(mail?.textBody).toContain('часть 2 статьи 11');
    expect(mail?.textBody).toContain('через суд, принявший решение');
    expect(mail?.textBody).toContain(a.text);
    const ev = (await staffRepository.events(deps.db, a.id)).at(-1);
    expect(ev?.details).toMatchObject({
      article: '59-ФЗ ст. 11 ч. 2',
      late: false,
      noticeDueDate: '2026-03-06',
    });
  });

  it('a notice sent after its 7-day date is marked late, like a late answer (event, audit, ССТУ flag)', async () => {
    at('2026-03-02');
    const a = await k.submit();
    await classifyAppeal(deps, k.origin(k.officer), {
      id: a.id,
      questions: [{ topicCode: '0005.0005.0056.1160' }],
    });
    at('2026-03-10');
    await leaveAppealWithoutAnswer(deps, k.origin(k.officer), { id: a.id, reason: 'essence_unclear' });
    const ev = (await staffRepository.events(deps.db, a.id)).at(-1);
    expect(ev?.details).toMatchObject({ late: true, noticeDueDate: '2026-03-06' });
    const q = await deps.db.select().from(appealQuestions).where(eq(appealQuestions.appealId, a.id));
    expect(q.map((x) => [x.status, x.flags])).toEqual([['left_without_answer', ['late']]]);
  });

  it('the 7-day date reminds the officer before and on the day while the appeal is undecided', async () => {
    at('2026-06-01');
    const a = await k.submit();
    const decided = await k.submit();
    // 1 June + 7 = Monday 8 June
    expect(a.noticeDueDate).toBe('2026-06-08');
    at('2026-06-02');
    await leaveAppealWithoutAnswer(deps, k.origin(k.officer), {
      id: decided.id,
      reason: 'obscene_or_threats',
    });
    const kinds = async (number: string) =>
      (await deps.db.select().from(outbox))
        .filter((m) => m.kind.startsWith('appeal.reminder.notice') && m.subject.includes(number))
        .map((m) => m.kind);
    at('2026-06-03');
    await sendAppealReminders(deps); // 4, 5, 8 June: three working days left
    expect(await kinds(a.number)).toEqual(expect.arrayContaining(['appeal.reminder.notice_due_soon']));
    const soon = (await kinds(a.number)).length;
    await sendAppealReminders(deps);
    expect((await kinds(a.number)).length).toBe(soon); // once
    at('2026-06-08');
    await sendAppealReminders(deps);
    expect(await kinds(a.number)).toContain('appeal.reminder.notice_due_today');
    expect(await kinds(decided.number)).toEqual([]);
    const mail = (await deps.db.select().from(outbox)).find(
      (m) => m.kind === 'appeal.reminder.notice_due_today',
    );
    expect(mail?.textBody).toContain('08.06.2026');
    expect(mail?.textBody).toContain('ст. 11 59-ФЗ');
  });
});

it('the old calendar really differed on the two days (guards the fixture above)', () => {
  const c = new ProductionCalendar({ 2026: old2026() });
  expect(c.isWorkingDay('2026-03-23')).toBe(false);
  expect(shippedCalendar().isWorkingDay('2026-03-23')).toBe(true);
});
