import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../../test/db.ts';
import { addCalendarDays, toLocalDate } from '../../../platform/calendar/index.ts';
import { loadCalendar } from '../../../platform/calendar/store.ts';
import { findOrganizationBySlug, seedOrganizations } from '../../orgs/index.ts';
import type { AppealType } from '../appeals.model.ts';
import type { AppealInsert } from '../appeals.repository.ts';
import { appealsRepository } from '../appeals.repository.ts';
import { computeDeadlines, loadDeadlineSettings } from '../appeals.settings.ts';
import { DEMO_APPEAL_BODIES, seedDemoPublicAppeals } from '../seed-demo-public.ts';
import { quarterPeriod, yearPeriod } from './figures.ts';
import { getFiguresByOrg, getOrgAppealStats, getRegionTotals, getStatsYears } from './get-appeal-stats.ts';
import { refreshAppealFigures } from './refresh-figures.ts';
import { MASKED, SUPPRESSED } from './suppress.ts';

let deps: TestDeps;
let orgId: string;
let otherId: string;
let seq = 0;

/** One appeal registered on `on`, inserted through the repository. */
async function appeal(on: string, over: Partial<AppealInsert> = {}) {
  seq++;
  const at = new Date(`${on}T10:00:00+02:00`);
  return appealsRepository.insert(deps.db, {
    number: `T-${on.slice(0, 4)}-${seq}`,
    orgId,
    year: Number(on.slice(0, 4)),
    sequence: seq,
    type: 'appeal',
    kind: 'statement',
    lastName: 'Тестова',
    firstName: 'Анна',
    email: 'anna@example.test',
    text: 'Текст',
    status: 'in_review',
    receivedAt: at,
    registeredAt: at,
    registeredOn: on,
    dueDate: '2099-01-01',
    originalDueDate: '2099-01-01',
    forwardDueDate: '2099-01-01',
    noticeDueDate: '2099-01-01',
    ...over,
  });
}

const answered = (on: string, due: string) => ({
  status: 'sent',
  dueDate: due,
  answeredAt: new Date(`${on}T23:30:00+02:00`),
});

beforeAll(async () => {
  deps = await createTestDeps();
  await seedOrganizations(deps);
  orgId = (await findOrganizationBySlug(deps.db, 'minsport'))?.id as string;
  otherId = (await findOrganizationBySlug(deps.db, 'minkult'))?.id as string;
  // Q1 2026 of minsport: 10 appeals.
  for (let i = 0; i < 4; i++)
    await appeal('2026-01-10', { ...answered('2026-01-20', '2026-02-09'), topicCode: '0002.0014.0001.0001' });
  // answered on the due day in Kaliningrad (23:30 local is still that day): on time
  await appeal('2026-01-12', { ...answered('2026-02-11', '2026-02-11'), topicCode: '0002.0014' });
  // late: answered after the deadline
  await appeal('2026-02-02', {
    ...answered('2026-03-10', '2026-03-04'),
    topicCode: '0002.0013',
    extensionCount: 1,
  });
  await appeal('2026-02-03', { status: 'forwarded', topicCode: '0002.0013' });
  await appeal('2026-02-04', { status: 'left_without_answer', withoutAnswerReason: 'essence_unclear' });
  await appeal('2026-03-30', { status: 'extended', extensionCount: 1, topicCode: '0002.0014' });
  await appeal('2026-03-31', { status: 'registered', topicCode: '0002.0014' });
  // outside the quarter, another type, another body
  await appeal('2026-04-01', { status: 'registered' });
  await appeal('2026-01-15', { type: 'corruption_report', kind: null });
  await appeal('2026-01-16', { type: 'info_request', kind: null });
  await appeal('2026-01-16', { orgId: otherId });
  // ratings of the answered ones: 3 satisfied, 1 not
  const rated = await deps.db.query.appeals.findMany({
    where: (a, { eq, and }) => and(eq(a.orgId, orgId), eq(a.status, 'sent')),
  });
  for (const [i, a] of rated.slice(0, 4).entries())
    await appealsRepository.insertRating(deps.db, {
      appealId: a.id,
      userId: `00000000-0000-4000-8000-00000000000${i}`,
      satisfied: i < 3,
    });
});

afterAll(async () => {
  await deps.close();
});

describe('public statistics of appeals', () => {
  it('counts a body’s quarter: received, outcomes, on time by the local day, extended, average days, ratings', async () => {
    const f = await getOrgAppealStats(deps, orgId, quarterPeriod(2026, 1));
    expect(f).toMatchObject({
      received: 10,
      answered: 6,
      answeredOnTime: 5,
      onTimeShare: 83.3,
      forwarded: SUPPRESSED,
      leftWithoutAnswer: SUPPRESSED,
      extended: SUPPRESSED,
      inReview: SUPPRESSED,
      // (4×10 + 30 + 36) / 6
      averageDaysToAnswer: 17.7,
      rated: 4,
      satisfied: 3,
      satisfiedShare: 75,
      infoRequests: SUPPRESSED,
      mediaRequests: SUPPRESSED,
      corruptionReports: SUPPRESSED,
    });
    expect(f.byMonth).toEqual([
      { month: '2026-01', received: 5, answered: 5 },
      { month: '2026-02', received: MASKED, answered: SUPPRESSED },
      { month: '2026-03', received: SUPPRESSED, answered: SUPPRESSED },
    ]);
    expect(f.byTopic).toEqual([
      { code: '0002.0014', name: expect.stringMatching(/^Здравоохранение/), count: 7 },
      { code: '0002.0013', name: expect.stringMatching(/^Образование/), count: SUPPRESSED },
      { code: '', name: '', count: SUPPRESSED },
    ]);
  });

  it('the region sums the bodies, and bodies without appeals get suppressed zeros', async () => {
    const p = yearPeriod(2026);
    const region = await getRegionTotals(deps, 'all', p);
    expect(region.received).toBe(12);
    const by = await getFiguresByOrg(deps, [orgId, otherId], p);
    expect(by.get(orgId)?.received).toBe(11);
    expect(by.get(otherId)?.received).toBe(SUPPRESSED);
  });

  it('demo appeals: deterministic, idempotent, every body with figures and published reviews', async () => {
    const demo = await createTestDeps();
    try {
      demo.clock.set('2026-11-20T12:00:00+02:00');
      await seedOrganizations(demo);
      const first = await seedDemoPublicAppeals(demo);
      expect(first.appeals).toBeGreaterThan(300);
      expect(first.reviews).toBe(DEMO_APPEAL_BODIES.length * 5);
      expect(await seedDemoPublicAppeals(demo)).toMatchObject({ skipped: true });
      const minzdrav = (await findOrganizationBySlug(demo.db, 'minzdrav'))?.id as string;
      const f = await getOrgAppealStats(demo, minzdrav, yearPeriod(2026));
      expect(typeof f.received).toBe('number');
      expect(typeof f.onTimeShare).toBe('number');
      expect(typeof f.satisfiedShare).toBe('number');

      // every deadline is the production calendar's, as the intake computes it (not a bare +30 or +7)
      const { calendar } = await loadCalendar(demo.db);
      const s = await loadDeadlineSettings(demo.db);
      const rows = await demo.db.query.appeals.findMany();
      expect(rows.length).toBe(first.appeals);
      for (const a of rows) {
        const d = computeDeadlines(
          calendar,
          a.registeredOn,
          a.type as AppealType,
          s,
          a.extensionCount ? 30 : 0,
        );
        expect({
          due: a.dueDate,
          original: a.originalDueDate,
          forward: a.forwardDueDate,
          notice: a.noticeDueDate,
        }).toEqual({
          due: d.dueDate,
          original: d.originalDueDate,
          forward: d.forwardDueDate,
          notice: d.noticeDueDate,
        });
        for (const date of [a.dueDate, a.forwardDueDate as string, a.noticeDueDate])
          expect(calendar.isWorkingDay(date)).toBe(true);
        if (a.answeredAt) expect(calendar.isWorkingDay(toLocalDate(a.answeredAt))).toBe(true);
      }
      // some fell on a day off and moved, which a bare +30 would have missed
      expect(
        rows.some((a) => a.dueDate !== addCalendarDays(a.registeredOn, a.extensionCount ? 60 : 30)),
      ).toBe(true);
    } finally {
      await demo.close();
    }
  });
});

describe('precomputed monthly figures (issue 11)', () => {
  const q1 = quarterPeriod(2026, 1);
  // the same appeals as Q1 through the per-request aggregates: a period that is not whole months
  const q1Live = { from: '2025-12-31', to: '2026-03-31' };
  const staleCount = async () =>
    Number((await deps.db.$client.query('select count(*)::int as n from appeal_figures_stale')).rows[0].n);
  const withoutMonths = ({ byMonth: _m, ...rest }: Awaited<ReturnType<typeof getOrgAppealStats>>) => rest;

  it('the job computes every changed month; then a quarter reads the monthly rows and equals the live aggregates', async () => {
    expect(await staleCount()).toBeGreaterThan(0);
    expect(await refreshAppealFigures(deps)).toBeGreaterThan(0);
    expect(await staleCount()).toBe(0);
    const pre = await getOrgAppealStats(deps, orgId, q1);
    const live = await getOrgAppealStats(deps, orgId, q1Live);
    expect(withoutMonths(pre)).toEqual(withoutMonths(live));
    // by month as the first test saw it live (the live period's extra December changes the masking)
    expect(pre.byMonth).toEqual([
      { month: '2026-01', received: 5, answered: 5 },
      { month: '2026-02', received: MASKED, answered: SUPPRESSED },
      { month: '2026-03', received: SUPPRESSED, answered: SUPPRESSED },
    ]);
    expect(pre.received).toBe(10);
    // the rows are what the page reads: a figure changed in the table shows on the page
    await deps.db.$client.query(
      `update appeal_figures_monthly set received = received + 100 where org_id = $1 and month = '2026-01-01'`,
      [orgId],
    );
    expect((await getOrgAppealStats(deps, orgId, q1)).received).toBe(110);
    await deps.db.$client.query(
      `update appeal_figures_monthly set received = received - 100 where org_id = $1 and month = '2026-01-01'`,
      [orgId],
    );
  });

  it('a change is counted at once (its month is read live until recomputed), and only counted columns mark a month', async () => {
    const before = await getOrgAppealStats(deps, orgId, q1);
    const [open] = await deps.db.query.appeals.findMany({
      where: (a, { eq, and }) =>
        and(eq(a.orgId, orgId), eq(a.status, 'registered'), eq(a.registeredOn, '2026-03-31')),
    });
    if (!open) throw new Error('fixture: the registered appeal of 31 March');
    // an edit the figures do not count leaves nothing to recompute
    await appealsRepository.update(deps.db, open.id, { subject: 'Уточнённая тема' });
    expect(await staleCount()).toBe(0);
    await appealsRepository.update(deps.db, open.id, answered('2026-04-10', '2026-05-13'));
    await appealsRepository.insertRating(deps.db, {
      appealId: open.id,
      userId: '00000000-0000-4000-8000-000000000009',
      satisfied: true,
    });
    expect(await staleCount()).toBeGreaterThan(0);
    const now = await getOrgAppealStats(deps, orgId, q1);
    expect(now.answered).toBe((before.answered as number) + 1);
    expect(now.rated).toBe((before.rated as number) + 1);
    expect(withoutMonths(now)).toEqual(withoutMonths(await getOrgAppealStats(deps, orgId, q1Live)));
    // the region's figures and the years come from the same rows
    expect((await getRegionTotals(deps, 'all', yearPeriod(2026))).answered).toBe(
      (await getRegionTotals(deps, 'all', { from: '2026-01-01', to: '2026-12-30' })).answered,
    );
    expect(await getStatsYears(deps, [orgId], 2026)).toEqual([2026]);
    await refreshAppealFigures(deps);
    expect(await staleCount()).toBe(0);
    expect(await getOrgAppealStats(deps, orgId, q1)).toEqual(now);
  });
});
