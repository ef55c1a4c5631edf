import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LocalDate, type NonWorkingRule, shippedCalendar } from '../../platform/calendar/index.ts';
import { type AppealType, type DeadlineSettings, deadlineSettings } from './appeals.model.ts';
import { computeDeadlines, extensionMaxDays } from './appeals.settings.ts';

/*
 * Every deadline of an appeal against the statutory count, computed here on
 * its own by walking the calendar one day at a time: `days` calendar days from
 * the day after registration (ГК art. 191); a last day that is not a working
 * day moves as the deployment's rule says — back to the previous working day
 * (the default) or on to the next one (ГК art. 193) — but never back onto or
 * before the registration day (then the next working day). An extension adds
 * its days to the answer period, both counted from registration.
 */

const cal = shippedCalendar();

function step(d: LocalDate, n: 1 | -1): LocalDate {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

function statutory(registeredOn: LocalDate, days: number, rule: NonWorkingRule): LocalDate {
  let last = registeredOn;
  for (let i = 0; i < days; i++) last = step(last, 1);
  if (rule === 'none') return last;
  let d = last;
  if (rule === 'previous') {
    while (!cal.isWorkingDay(d)) d = step(d, -1);
    if (d > registeredOn) return d;
    d = last;
  }
  while (!cal.isWorkingDay(d)) d = step(d, 1);
  return d;
}

/** Registration days from 1 Jan 2020 to 31 Dec 2027 (2027 by the Labour Code alone: no decree data yet). */
const FIRST = Date.UTC(2020, 0, 1);
const DAYS = Math.round((Date.UTC(2027, 11, 31) - FIRST) / 86_400_000);
const registration = fc
  .integer({ min: 0, max: DAYS })
  .map((n) => new Date(FIRST + n * 86_400_000).toISOString().slice(0, 10));

function check(registeredOn: LocalDate, type: AppealType, extensionDays: number, s: DeadlineSettings) {
  const rule = s.nonWorkingDayRule;
  const info = type === 'info_request';
  const answerDays = info ? s.infoRequestAnswerDays : s.answerDays;
  const d = computeDeadlines(cal, registeredOn, type, s);
  const ext = computeDeadlines(cal, registeredOn, type, s, extensionDays);
  const expected = {
    answer: statutory(registeredOn, answerDays, rule),
    forwarding: statutory(registeredOn, s.forwardDays, rule),
    // 59-ФЗ art. 11 notices / 8-ФЗ art. 18 ч.6 notice of a delay
    notice: statutory(
      registeredOn,
      info ? s.infoRequestExtensionNoticeDays : s.withoutAnswerNoticeDays,
      rule,
    ),
    extended: statutory(registeredOn, answerDays + extensionDays, rule),
  };
  const got = {
    answer: d.dueDate,
    // every type but a media request is forwarded: it has the date
    forwarding: d.forwardDueDate ?? 'none',
    notice: d.noticeDueDate,
    extended: ext.dueDate,
  };
  expect(got).toEqual(expected);
  expect(ext.originalDueDate).toBe(d.dueDate);
  for (const date of [...Object.values(got), ext.originalDueDate]) {
    expect(date > registeredOn).toBe(true);
    expect(cal.isWorkingDay(date)).toBe(true);
  }
}

describe('every deadline equals the statutory count (property, 2,000 registration dates 2020–2027)', () => {
  const s = deadlineSettings.parse({});

  it('with the configured rule (previous working day): answer, forwarding, notices, extension and delay', () => {
    expect(s.nonWorkingDayRule).toBe('previous');
    fc.assert(
      fc.property(
        registration,
        fc.constantFrom<AppealType>('appeal', 'info_request', 'corruption_report'),
        fc.integer({ min: 1, max: 30 }),
        (registeredOn, type, days) => {
          check(registeredOn, type, Math.min(days, extensionMaxDays(type, s)), s);
          // the full extension the law allows: 30 + 30, 30 + 15
          check(registeredOn, type, extensionMaxDays(type, s), s);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('with the Civil Code rule (next working day)', () => {
    const next = { ...s, nonWorkingDayRule: 'next' as const };
    fc.assert(
      fc.property(registration, fc.constantFrom<AppealType>('appeal', 'info_request'), (registeredOn, type) =>
        check(registeredOn, type, extensionMaxDays(type, next), next),
      ),
      { numRuns: 500 },
    );
  });

  it('the examples of issue 8', () => {
    // registration 13 Nov 2026, extension by 30 days: 12 Jan 2027 (not 30 Dec 2026)
    expect(computeDeadlines(cal, '2026-11-13', 'appeal', s, 30).dueDate).toBe('2027-01-12');
    // registration 2 Jan 2026, 7-day forwarding: 12 Jan 2026 (not 30 Dec 2025)
    expect(computeDeadlines(cal, '2026-01-02', 'appeal', s).forwardDueDate).toBe('2026-01-12');
  });
});
