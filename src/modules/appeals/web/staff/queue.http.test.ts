import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/app.ts';
import { type SignedIn, sessionFor } from '../../../../../test/auth.ts';
import { auditLog } from '../../../../platform/audit/audit.tables.ts';
import { appealsRepository } from '../../appeals.repository.ts';
import { assignAppeal } from '../../assign-appeal.ts';
import { leaveAppealWithoutAnswer } from '../../leave-appeal-without-answer.ts';
import { staffKit } from '../../staff-test-kit.ts';

// Issue 10, «The appeals officer»: the queue opens on the work, sorts by GET, folds the
// filters below, says each status once, and assigns several appeals at once.

let t: TestApp;
let k: Awaited<ReturnType<typeof staffKit>>;
let officer: SignedIn;
let head: SignedIn;
const n = {} as Record<'overdue' | 'soon' | 'later' | 'closed' | 'elsewhere', { id: string; number: string }>;

const at = (body: string, s: string) => {
  const i = body.indexOf(s);
  expect(i, s).toBeGreaterThan(-1);
  return i;
};

beforeAll(async () => {
  t = await createTestApp();
  k = await staffKit(t.deps);
  t.deps.clock.set('2026-01-12T09:00:00+02:00');
  n.overdue = await k.submit();
  t.deps.clock.set('2026-02-24T09:00:00+02:00');
  n.later = await k.submit();
  t.deps.clock.set('2026-02-02T09:00:00+02:00');
  n.soon = await k.submit();
  n.closed = await k.submit();
  n.elsewhere = await k.submit({ org: k.other });
  await leaveAppealWithoutAnswer(t.deps, k.origin(k.officer), {
    id: n.closed.id,
    reason: 'essence_unclear',
    addressReadable: true,
  } as never);
  await assignAppeal(t.deps, k.origin(k.head), { id: n.overdue.id, userId: k.officer.userId });
  t.deps.clock.set('2026-02-26T09:00:00+02:00');
  officer = await sessionFor(t, k.officer);
  head = await sessionFor(t, k.head);
});
afterAll(() => t.close());

describe('the queue opens on the work', () => {
  it('lists open appeals only, overdue first then due soonest, with subject, addressee and days left', async () => {
    const res = await officer.get('/manage/appeals');
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).not.toContain(n.closed.number);
    expect(body).not.toContain(n.elsewhere.number);
    expect(at(body, n.overdue.number)).toBeLessThan(at(body, n.soon.number));
    expect(at(body, n.soon.number)).toBeLessThan(at(body, n.later.number));
    expect(body).toMatch(/просрочено на \d+ раб\. дн\./);
    expect(body).toContain('>Тема<');
    expect(body).toContain('>Адресат<');
    expect(body).toContain('Текст обращения 1');
    expect(body).toContain(k.body.nameRu);
    // «Все» shows the closed one too; the choice survives the pages
    const all = await officer.get('/manage/appeals?status=all');
    expect(all.body).toContain(n.closed.number);
    expect(all.body).toMatch(/<option value="all" selected/);
  });

  it('sorts by an allow-listed column through GET links; anything else keeps the default order', async () => {
    const first = await officer.get('/manage/appeals');
    expect(first.body).toContain('href="/manage/appeals?status=open&amp;sort=registered&amp;dir=asc"');
    expect(first.body).toMatch(/aria-sort="ascending"[^>]*>\s*<a[^>]*sort=due&amp;dir=desc/);
    const desc = await officer.get('/manage/appeals?sort=registered&dir=desc');
    expect(desc.statusCode).toBe(200);
    expect(desc.body).toContain('aria-sort="descending"');
    expect(at(desc.body, n.later.number)).toBeLessThan(at(desc.body, n.soon.number));
    expect(at(desc.body, n.soon.number)).toBeLessThan(at(desc.body, n.overdue.number));
    const hostile = await officer.get(
      `/manage/appeals?sort=${encodeURIComponent('due; drop table appeals')}&dir=sideways`,
    );
    expect(hostile.statusCode).toBe(200);
    expect(at(hostile.body, n.overdue.number)).toBeLessThan(at(hostile.body, n.later.number));
  });

  it('folds the filters below the table, opened when a filter is wrong; each status label is said once', async () => {
    const res = await officer.get('/manage/appeals?status=all');
    expect(at(res.body, '<table')).toBeLessThan(at(res.body, '<details id="filters"'));
    expect(res.body).not.toMatch(/<details id="filters"[^>]*open/);
    const labels = [...res.body.matchAll(/<dt class="govuk-summary-list__key">([^<]*)<\/dt>/g)].map(
      (m) => m[1],
    );
    expect(labels).toContain('Не закрытые');
    expect(labels).toContain('На рассмотрении');
    expect(new Set(labels).size).toBe(labels.length);
    const bad = await officer.get('/manage/appeals?topic=abc');
    expect(bad.body).toMatch(/<details id="filters"[^>]*open/);
  });
});

describe('bulk assignment from the queue', () => {
  it('asks for the appeals and the officer, in the order of the page, keeping the ticks', async () => {
    const none = await head.post('/manage/appeals/assign', {}, { from: '/manage/appeals' });
    expect(none.statusCode).toBe(422);
    const summary = none.body.slice(at(none.body, 'govuk-error-summary'), at(none.body, '<h1'));
    expect(at(summary, 'Отметьте в таблице')).toBeLessThan(at(summary, 'Выберите исполнителя из списка'));
    const noOfficer = await head.post(
      '/manage/appeals/assign',
      { ids: [n.soon.id] },
      { from: '/manage/appeals' },
    );
    expect(noOfficer.statusCode).toBe(422);
    expect(noOfficer.body).toMatch(new RegExp(`value="${n.soon.id}"\\s+checked`));
  });

  it('refuses an officer of another body and an appeal of another body, assigning none', async () => {
    const foreign = await head.post(
      '/manage/appeals/assign',
      { ids: [n.soon.id, n.later.id], userId: k.otherOfficer.userId },
      { from: '/manage/appeals' },
    );
    expect(foreign.statusCode).toBe(422);
    expect(foreign.body).toContain('Исполнитель не работает в органе');
    const elsewhere = await head.post(
      '/manage/appeals/assign',
      { ids: [n.soon.id, n.elsewhere.id], userId: k.officer.userId },
      { from: '/manage/appeals' },
    );
    expect(elsewhere.statusCode).toBe(404);
    expect((await appealsRepository.findById(t.deps.db, n.soon.id))?.assignedUserId).toBeNull();
  });

  it('assigns every ticked appeal to the officer, one audit entry each, and returns to the same view', async () => {
    const res = await head.post(
      '/manage/appeals/assign?sort=registered&dir=desc',
      { ids: [n.soon.id, n.later.id], userId: k.officer.userId },
      { from: '/manage/appeals?sort=registered&dir=desc' },
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/manage/appeals?sort=registered&dir=desc&assigned=2');
    for (const a of [n.soon, n.later]) {
      const row = await appealsRepository.findById(t.deps.db, a.id);
      expect(row?.assignedUserId).toBe(k.officer.userId);
      expect(row?.status).toBe('in_review');
      const audit = await t.deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'appeal.assign'), eq(auditLog.objectId, a.id)));
      expect(audit.map((r) => r.details)).toEqual([
        { number: a.number, assignedUserId: k.officer.userId, bulk: true },
      ]);
    }
    const back = await head.get(res.headers.location as string);
    expect(back.body).toContain('Исполнитель назначен, обращений: 2');
  });
});
