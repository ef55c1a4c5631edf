import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../test/db.ts';
import { confirmCalendarYear } from '../../platform/calendar/admin.ts';
import { statutoryYearData } from '../../platform/calendar/store.ts';
import { Forbidden, NotFound } from '../../platform/errors/index.ts';
import { outbox } from '../../platform/mail/mail.tables.ts';
import { answerAppeal } from './answer-appeal.ts';
import { assignAppeal } from './assign-appeal.ts';
import { buildMonthlyReport, REPORT_COLUMNS, reportCsv, reportXlsx } from './build-monthly-report.ts';
import { classifyAppeal } from './classify-appeal.ts';
import { extendAppeal } from './extend-appeal.ts';
import './index.ts';
import { appealsRepository } from './appeals.repository.ts';
import { leaveAppealWithoutAnswer } from './leave-appeal-without-answer.ts';
import { REMINDERS_QUEUE, sendAppealReminders, startAppealReminders } from './send-appeal-reminders.ts';
import { staffKit } from './staff-test-kit.ts';

let deps: TestDeps;
let k: Awaited<ReturnType<typeof staffKit>>;

beforeAll(async () => {
  deps = await createTestDeps();
  deps.clock.set('2026-04-08T10:00:00+02:00');
  k = await staffKit(deps);
});
afterAll(async () => {
  await deps.close();
});

const at = (d: string) => deps.clock.set(`${d}T07:00:00+02:00`);
async function remindersTo(email: string) {
  return (await deps.db.select().from(outbox).where(eq(outbox.toAddress, email))).filter((m) =>
    m.kind.startsWith('appeal.reminder'),
  );
}

describe('deadline reminders (moved clock across the May holidays)', () => {
  it('reminds the officer 3 working days before and on the day, once each; escalates an overdue appeal to the head', async () => {
    at('2026-04-08');
    const a = await k.submit();
    expect(a.dueDate).toBe('2026-05-08'); // 8 May 2026 is a shortened working day
    await assignAppeal(deps, k.origin(k.officer), { id: a.id, userId: k.officer.userId });

    at('2026-04-30'); // 1–3 May are off: 5 working days left
    expect((await sendAppealReminders(deps)).sent).toBe(0);
    at('2026-05-02'); // Saturday: nothing is sent on a day off
    expect((await sendAppealReminders(deps)).sent).toBe(0);
    at('2026-05-04'); // 4 working days left
    expect((await sendAppealReminders(deps)).sent).toBe(0);
    at('2026-05-05'); // 6, 7, 8 May: 3 working days left
    expect((await sendAppealReminders(deps)).sent).toBe(1);
    expect((await sendAppealReminders(deps)).sent).toBe(0); // a rerun sends nothing twice
    let mails = await remindersTo(k.officer.email);
    expect(mails.map((m) => m.kind)).toEqual(['appeal.reminder.due_soon']);
    expect(mails[0]?.textBody).toContain(a.number);
    expect(mails[0]?.textBody).toContain('08.05.2026');

    at('2026-05-06');
    expect((await sendAppealReminders(deps)).sent).toBe(0);
    at('2026-05-08');
    expect((await sendAppealReminders(deps)).sent).toBe(1);
    mails = await remindersTo(k.officer.email);
    expect(mails.map((m) => m.kind)).toEqual(['appeal.reminder.due_soon', 'appeal.reminder.due_today']);

    at('2026-05-09'); // 9–11 May are off
    expect((await sendAppealReminders(deps)).sent).toBe(0);
    at('2026-05-11');
    expect((await sendAppealReminders(deps)).sent).toBe(0);
    at('2026-05-12');
    expect((await sendAppealReminders(deps)).sent).toBe(1);
    const head = await remindersTo(k.head.email);
    expect(head.map((m) => m.kind)).toEqual(['appeal.reminder.overdue']);
    expect(head[0]?.subject).toContain(a.number);
    expect((await remindersTo(k.officer.email)).length).toBe(2);
    // the reminders are in the appeal's history for staff, not for the citizen
    const events = (await appealsRepository.events(deps.db, a.id)).filter((e) => e.kind === 'reminder');
    expect(events.map((e) => [e.visibleToAuthor, (e.details as { kind: string }).kind])).toEqual([
      [false, 'due_soon'],
      [false, 'due_today'],
      [false, 'overdue'],
    ]);
    await leaveAppealWithoutAnswer(deps, k.origin(k.officer), { id: a.id, reason: 'essence_unclear' });
  });

  it('an extension reminds again before the new deadline; an unassigned appeal reminds every officer of the body', async () => {
    at('2026-04-08');
    const a = await k.submit();
    await extendAppeal(deps, k.origin(k.head), { id: a.id, days: 10, reason: 'Проверка' });
    const r = await appealsRepository.findById(deps.db, a.id);
    expect(r?.dueDate).toBe('2026-05-18');
    at('2026-05-13'); // 14, 15, 18 May
    expect((await sendAppealReminders(deps)).sent).toBeGreaterThanOrEqual(3);
    for (const p of [k.officer, k.signer, k.head])
      expect((await remindersTo(p.email)).some((m) => m.subject.includes(a.number))).toBe(true);
    expect((await remindersTo(k.anticorruption.email)).length).toBe(0);
  });
});

describe('the reminders schedule', () => {
  it('runs daily at 07:00 in the region through pg-boss', async () => {
    await startAppealReminders(deps);
    const schedules = await deps.jobs.boss.getSchedules();
    expect(schedules.find((x) => x.name === REMINDERS_QUEUE)).toMatchObject({
      cron: '0 7 * * *',
      timezone: 'Europe/Kaliningrad',
    });
  });
});

describe('deadlines recomputed when an administrator confirms a year', () => {
  it('an appeal due in a year without decree data is provisional until the year is confirmed, then recomputed', async () => {
    at('2026-12-10');
    const a = await k.submit();
    // 9 January 2027 is a Saturday and 1–10 January are off by art. 112; 31 December 2026 is off too
    expect(a.dueDate).toBe('2026-12-30');
    expect(a.dueProvisional).toBe(true);
    // the decree (say) makes Saturday 9 January 2027 a working day
    const months = statutoryYearData(2027);
    months[0] = (months[0] ?? []).filter((d) => d !== '9');
    await expect(
      confirmCalendarYear(deps, k.origin(k.officer), { year: 2027, months, note: 'x' }),
    ).rejects.toThrow(Forbidden);
    const { recomputed } = await confirmCalendarYear(deps, k.origin(k.admin), {
      year: 2027,
      months,
      note: 'Постановление Правительства РФ (тест)',
    });
    expect(recomputed).toBeGreaterThanOrEqual(1);
    const r = await appealsRepository.findById(deps.db, a.id);
    expect(r).toMatchObject({ dueDate: '2027-01-09', dueProvisional: false });
    expect(r?.calendarVersion).toMatch(/^entered-/);
    const ev = (await appealsRepository.events(deps.db, a.id)).at(-1);
    expect(ev?.details).toMatchObject({
      recomputed: true,
      previousDueDate: '2026-12-30',
      dueDate: '2027-01-09',
    });
  });
});

/** A small CSV reader for the test: quoted fields, doubled quotes, CRLF or LF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe('monthly ССТУ report', () => {
  it('counts the month’s questions by ТОТК code in the ССТУ statuses, as CSV and XLSX that read back the same', async () => {
    at('2026-06-03');
    const answered = await k.submit();
    await classifyAppeal(deps, k.origin(k.officer), {
      id: answered.id,
      questions: [{ topicCode: '0005.0005.0056.1160' }, { topicCode: '0001.0002.0027.0122' }],
    });
    await answerAppeal(deps, k.origin(k.head), {
      id: answered.id,
      text: 'Ответ',
      results: [
        { status: 'supported', measuresTaken: true },
        { status: 'not_supported', measuresTaken: false },
      ],
    });
    const open = await k.submit();
    await classifyAppeal(deps, k.origin(k.officer), {
      id: open.id,
      questions: [{ topicCode: '0005.0005.0056.1160' }],
    });
    const left = await k.submit();
    await classifyAppeal(deps, k.origin(k.officer), {
      id: left.id,
      questions: [{ topicCode: '0005.0005.0056.1160' }],
    });
    await leaveAppealWithoutAnswer(deps, k.origin(k.officer), { id: left.id, reason: 'state_secret' });
    await k.submit(); // not classified: reported as a warning
    await k.submit({ org: k.other }); // another body's appeal is not in this report
    const corruption = await k.submit({ type: 'corruption_report' });
    expect(corruption.type).toBe('corruption_report');

    await expect(
      buildMonthlyReport(deps, k.otherOfficer.actor, { orgId: k.body.id, month: '2026-06' }),
    ).rejects.toThrow(NotFound);
    const r = await buildMonthlyReport(deps, k.officer.actor, { orgId: k.body.id, month: '2026-06' });
    expect(r.unclassified).toBe(1);
    const col = (status: string, measures = false) =>
      REPORT_COLUMNS.findIndex((c) => c.status === status && c.measures === measures);
    const tko = r.rows.find((x) => x.code === '0005.0005.0056.1160');
    expect(tko?.total).toBe(3);
    expect(tko?.counts[col('supported', true)]).toBe(1);
    expect(tko?.counts[col('in_review')]).toBe(1);
    expect(tko?.counts[col('left_without_answer')]).toBe(1);
    expect(r.rows.find((x) => x.code === '0001.0002.0027.0122')?.counts[col('not_supported')]).toBe(1);
    expect(r.totals.reduce((s, n) => s + n, 0)).toBe(4);

    const csv = reportCsv(r);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]?.[0]).toBe('Код ТОТК');
    expect(rows[0]).toContain('Рассмотрено. Поддержано, в т. ч. меры приняты');
    expect(rows[0]).toHaveLength(REPORT_COLUMNS.length + 3);
    const csvTko = rows.find((x) => x[0] === '0005.0005.0056.1160');
    expect(csvTko?.[1]).toBe('Обращение с ТКО');
    expect(csvTko?.slice(2).map(Number)).toEqual([...(tko?.counts ?? []), 3]);
    expect(rows.at(-1)?.at(-1)).toBe('4');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportXlsx(r)) as never);
    const ws = wb.getWorksheet('2026-06');
    expect(ws).toBeDefined();
    const values = (n: number) => ((ws?.getRow(n).values as unknown[]) ?? []).slice(1);
    expect(String(values(1)[0])).toContain('2026-06');
    expect(values(2)).toEqual(rows[0]);
    const xTko = [3, 4, 5].map(values).find((v) => v[0] === '0005.0005.0056.1160');
    expect(xTko?.slice(2)).toEqual([...(tko?.counts ?? []), 3]);
    // no personal data in the files
    expect(csv).not.toContain('Смирнова');
    expect(JSON.stringify([values(1), values(2), values(3), values(4), values(5)])).not.toContain('Смирнова');
  });
});
