import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../test/db.ts';
import { auditLog } from '../audit/audit.tables.ts';
import { userActor } from '../authz/index.ts';
import { Forbidden } from '../errors/index.ts';
import { calendarYearForm, calendarYearInput, confirmCalendarYear, listCalendarYears } from './admin.ts';
import { loadCalendar, onCalendarChange, statutoryYearData } from './store.ts';

let deps: TestDeps;
const admin = userActor('00000000-0000-4000-8000-000000000001', [{ role: 'admin', orgId: null }]);
const officer = userActor('00000000-0000-4000-8000-000000000002', [
  { role: 'appeals_officer', orgId: '00000000-0000-4000-8000-0000000000aa' },
]);

beforeAll(async () => {
  deps = await createTestDeps();
  deps.clock.set('2026-11-20T10:00:00+02:00');
});
afterAll(async () => {
  await deps.close();
});

describe('production calendar administration', () => {
  it('shows 2027 as provisional (Labour Code) and prefills the form with art. 112 days', async () => {
    const rows = await listCalendarYears(deps, admin);
    expect(rows.map((r) => [r.year, r.source])).toEqual([
      [2028, 'statutory'],
      [2027, 'statutory'],
      [2026, 'shipped'],
      [2025, 'shipped'],
    ]);
    const form = await calendarYearForm(deps, admin, 2027);
    expect(form.source).toBe('statutory');
    // 1–8 January and the weekends; 23 February 2027 is a Tuesday
    expect(form.values.m1).toMatch(/^1, 2, 3, 4, 5, 6, 7, 8, 9, 10,/);
    expect(form.values.m2?.split(', ')).toContain('23');
    const shipped = await calendarYearForm(deps, admin, 2026);
    expect(shipped.values.m5).toContain('8*');
  });

  it('refuses everyone but administrators', async () => {
    await expect(listCalendarYears(deps, officer)).rejects.toThrow(Forbidden);
    await expect(
      confirmCalendarYear(
        deps,
        { actor: officer, ip: null },
        { year: 2027, months: statutoryYearData(2027), note: 'x' },
      ),
    ).rejects.toThrow(Forbidden);
  });

  it('parses the form: days per month, a star for a shortened day, days outside the month refused', () => {
    const input = calendarYearInput(2027);
    const ok = input.safeParse({ m1: '1, 2,3 ; 10', m2: '22*, 23', note: 'Постановление' });
    expect(ok.success && ok.data.months.slice(0, 3)).toEqual([['1', '2', '3', '10'], ['22*', '23'], []]);
    const bad = input.safeParse({ m2: '30', m3: 'tenth', note: '' });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => [i.path[0], i.message]);
    expect(paths).toEqual(
      expect.arrayContaining([
        ['m2', 'calendar.days.outOfMonth'],
        ['m3', 'calendar.days.invalid'],
        ['note', 'calendar.sourceNote.required'],
      ]),
    );
  });

  it('confirming a year makes it decree data, runs the listeners in the transaction and writes the audit log', async () => {
    const seen: { year: number; provisional: boolean }[] = [];
    onCalendarChange('test.listener', async (_tx, change) => {
      seen.push({ year: change.year, provisional: change.calendar.isProvisional('2027-05-11') });
      return 3;
    });
    const before = await loadCalendar(deps.db);
    expect(before.calendar.isProvisional('2027-05-11')).toBe(true);
    expect(before.calendar.isWorkingDay('2027-05-11')).toBe(true);
    const months = statutoryYearData(2027);
    months[4]?.push('11'); // a decree moves a day off to Tuesday 11 May (10 May is off by art. 112: 9 May is a Sunday)
    const res = await confirmCalendarYear(
      deps,
      { actor: admin, ip: '192.0.2.1' },
      { year: 2027, months, note: 'Постановление от 01.10.2026 № 1' },
    );
    expect(res.recomputed).toBe(3);
    expect(seen).toEqual([{ year: 2027, provisional: false }]);
    const after = await loadCalendar(deps.db);
    expect(after.version).toMatch(/^entered-/);
    expect(after.calendar.isProvisional('2027-05-11')).toBe(false);
    expect(after.calendar.isWorkingDay('2027-05-11')).toBe(false);
    const audit = await deps.db.select().from(auditLog).where(eq(auditLog.action, 'calendar.year_confirm'));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ recomputed: 3 });
    const rows = await listCalendarYears(deps, admin);
    expect(rows.find((r) => r.year === 2027)?.source).toBe('entered');
  });

  it('a failing listener rolls the change back', async () => {
    onCalendarChange('test.listener', async () => {
      throw new Error('boom');
    });
    await expect(
      confirmCalendarYear(
        deps,
        { actor: admin, ip: null },
        { year: 2028, months: statutoryYearData(2028), note: 'x' },
      ),
    ).rejects.toThrow('boom');
    const { entered } = await loadCalendar(deps.db);
    expect(entered.has(2028)).toBe(false);
    onCalendarChange('test.listener', async () => 0);
  });
});
