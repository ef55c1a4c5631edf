import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/app.ts';
import { type SignedIn, sessionFor } from '../../../../../test/auth.ts';
import { auditLog } from '../../../../platform/audit/audit.tables.ts';
import { outbox } from '../../../../platform/mail/mail.tables.ts';
import { saveDeadlineSettings } from '../../appeals.settings.ts';
import { appealEvents, appeals } from '../../appeals.tables.ts';
import { staffKit } from '../../staff-test-kit.ts';

// Issue 8: a corruption report is a 59-ФЗ appeal whose term may be extended once (ст. 12 ч. 2);
// the head does not see it, so the body's anti-corruption officer extends it, with a reason,
// an audit entry and the applicant's notice through the outbox. The terms are settings.

let t: TestApp;
let k: Awaited<ReturnType<typeof staffKit>>;
let officer: SignedIn;
let head: SignedIn;

beforeAll(async () => {
  t = await createTestApp();
  // registered Monday 2 March 2026: 30 days → 1 April, 30 + 30 → 1 May (a holiday) → 30 April
  t.deps.clock.set('2026-03-02T09:00:00+02:00');
  k = await staffKit(t.deps);
  officer = await sessionFor(t, k.anticorruption);
  head = await sessionFor(t, k.head);
});
afterAll(() => t.close());

describe('extending a corruption report', () => {
  it('is the anti-corruption officer’s decision, counted from registration, audited and noticed', async () => {
    const r = await k.submit({ type: 'corruption_report' });
    const url = `/manage/appeals/${r.id}`;
    expect(r.dueDate).toBe('2026-04-01');
    const page = await officer.get(url);
    expect(page.body).toContain(`action="${url}/extend"`);

    const noReason = await officer.post(`${url}/extend`, { days: '30', extendReason: '' }, { from: url });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('value="30"');

    const res = await officer.post(
      `${url}/extend`,
      { days: '30', extendReason: 'Запрошены материалы служебной проверки' },
      { from: url },
    );
    expect(res.statusCode).toBe(303);
    const [a] = await t.deps.db.select().from(appeals).where(eq(appeals.id, r.id));
    expect(a).toMatchObject({ dueDate: '2026-04-30', originalDueDate: '2026-04-01', extensionCount: 1 });
    const [ev] = await t.deps.db
      .select()
      .from(appealEvents)
      .where(and(eq(appealEvents.appealId, r.id), eq(appealEvents.kind, 'extended')));
    expect(ev).toMatchObject({
      actorRole: 'anti_corruption_officer',
      reason: 'Запрошены материалы служебной проверки',
      newDueDate: '2026-04-30',
    });
    const [mail] = await t.deps.db
      .select()
      .from(outbox)
      .where(eq(outbox.id, ev?.outboxId as string));
    expect(mail?.toAddress).toBe(k.citizenUser.email);
    expect(mail?.textBody).toContain('30.04.2026');
    expect(mail?.textBody).toContain('Запрошены материалы служебной проверки');
    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'appeal.extend'), eq(auditLog.objectId, r.id)));
    expect(audit).toHaveLength(1);
    // the applicant sees the new date in the cabinet
    const citizen = await sessionFor(t, k.citizenUser);
    expect((await citizen.get(`/cabinet/appeals/${r.number}`)).body).toContain('30.04.2026');

    // once only
    const again = await officer.post(`${url}/extend`, { days: '5', extendReason: 'Ещё' }, { from: url });
    expect(again.statusCode).toBe(409);
  });

  it('is not the head’s (who may not know the report exists), and its maximum is a setting', async () => {
    const r = await k.submit({ type: 'corruption_report' });
    const url = `/manage/appeals/${r.id}`;
    const byHead = await head.post(
      `${url}/extend`,
      { days: '10', extendReason: 'Причина' },
      { from: '/manage' },
    );
    expect(byHead.statusCode).toBe(404);

    await saveDeadlineSettings(t.deps.db, { corruptionReportExtensionMaxDays: 20 });
    try {
      const tooLong = await officer.post(
        `${url}/extend`,
        { days: '25', extendReason: 'Причина' },
        { from: url },
      );
      expect(tooLong.statusCode).toBe(422);
      const ok = await officer.post(`${url}/extend`, { days: '20', extendReason: 'Причина' }, { from: url });
      expect(ok.statusCode).toBe(303);
      const [a] = await t.deps.db.select().from(appeals).where(eq(appeals.id, r.id));
      // 30 + 20 days from 2 March: 21 April
      expect(a?.dueDate).toBe('2026-04-21');
    } finally {
      await saveDeadlineSettings(t.deps.db, {});
    }
  });

  it('keeps an appeal’s extension the head’s: the anti-corruption officer cannot extend an appeal', async () => {
    const a = await k.submit();
    const url = `/manage/appeals/${a.id}`;
    const res = await officer.post(
      `${url}/extend`,
      { days: '10', extendReason: 'Причина' },
      { from: '/manage' },
    );
    expect(res.statusCode).toBe(404);
  });
});
