import { formatLocalDate } from '../../platform/calendar/format.ts';
import { REGION_TZ, toLocalDate } from '../../platform/calendar/index.ts';
import { loadCalendar } from '../../platform/calendar/store.ts';
import type { Deps } from '../../platform/deps.ts';
import { findOrgStaff, findUserContact } from '../accounts/index.ts';
import { type AppealRow, appealsRepository as repo } from './appeals.repository.ts';
import { loadDeadlineSettings } from './appeals.settings.ts';
import { tRu } from './notices.ts';
import { staffRolesFor } from './staff.policy.ts';

export const REMINDERS_QUEUE = 'appeals.reminders';

type Kind = 'due_soon' | 'due_today' | 'overdue' | 'notice_due_soon' | 'notice_due_today';

/**
 * The daily reminders (run by the pg-boss schedule, and by tests with the
 * TestClock): the officer hears 3 working days before the deadline (the
 * setting) and on the day; an overdue appeal is escalated to the body's head.
 * Each (appeal, kind, deadline) is sent once, so a rerun or a second process
 * sends nothing twice, and an extension's new deadline reminds again.
 * Nothing is sent on a non-working day; the next working day catches up.
 * The 7-day date (noticeDueDate: the notices of 59-ФЗ art. 11 ч.2, 4, 4.1,
 * 5.1 and of a request's delay, 8-ФЗ art. 18 ч.6) reminds the same way while
 * the appeal is still undecided (registered or in review); passing it is not
 * escalated, since most appeals need none of those notices — a notice sent
 * after it is marked late instead.
 */
export async function sendAppealReminders(
  deps: Pick<Deps, 'db' | 'clock' | 'mail' | 'config'>,
): Promise<{ sent: number }> {
  const today = toLocalDate(deps.clock.now());
  const { calendar } = await loadCalendar(deps.db);
  if (!calendar.isWorkingDay(today)) return { sent: 0 };
  const s = await loadDeadlineSettings(deps.db);
  const horizon = calendar.addWorkingDays(today, s.remindWorkingDaysBefore);
  const due = await repo.openDueBy(deps.db, horizon);
  let sent = 0;
  for (const a of due) {
    const kind: Kind = a.dueDate < today ? 'overdue' : a.dueDate === today ? 'due_today' : 'due_soon';
    sent += await remind(deps, a, kind, a.dueDate, calendar.workingDaysBetween(today, a.dueDate));
  }
  for (const a of await repo.undecidedNoticeDueBetween(deps.db, today, horizon)) {
    const kind: Kind = a.noticeDueDate === today ? 'notice_due_today' : 'notice_due_soon';
    sent += await remind(deps, a, kind, a.noticeDueDate, calendar.workingDaysBetween(today, a.noticeDueDate));
  }
  return { sent };
}

async function remind(
  deps: Pick<Deps, 'db' | 'clock' | 'mail' | 'config'>,
  a: AppealRow,
  kind: Kind,
  dueDate: string,
  daysLeft: number,
): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    if (!(await repo.claimReminder(tx, a.id, kind, dueDate, now))) return 0;
    let to: { id: string; email: string }[];
    if (kind === 'overdue') {
      to = await findOrgStaff(tx, a.orgId, ['head']);
    } else if (a.assignedUserId) {
      const u = await findUserContact(tx, a.assignedUserId);
      to = u ? [u] : [];
    } else {
      to = await findOrgStaff(tx, a.orgId, staffRolesFor(a.type));
    }
    // a corruption report's escalation says only the number and the date: the head does not see its contents
    const link = `${deps.config.publicUrl}/manage/appeals/${a.id}`;
    const params = {
      number: a.number,
      due: formatLocalDate(dueDate),
      days: String(Math.abs(daysLeft)),
      link,
    };
    let first: string | null = null;
    for (const r of to) {
      const id = await deps.mail.send(tx, {
        to: r.email,
        subject: tRu(`appeals.staff.mail.reminder.${kind}.subject`, params),
        text: tRu(`appeals.staff.mail.reminder.${kind}.text`, params),
        kind: `appeal.reminder.${kind}`,
      });
      first ??= id;
    }
    if (first) await repo.setReminderOutbox(tx, a.id, kind, dueDate, first);
    await repo.insertEvent(tx, {
      appealId: a.id,
      at: now,
      kind: 'reminder',
      visibleToAuthor: false,
      details: { kind, dueDate, recipients: to.length },
    });
    return to.length;
  });
}

/** The daily schedule (07:00 in the region) and its worker, in the server process. */
export async function startAppealReminders(deps: Deps): Promise<void> {
  await deps.jobs.work(REMINDERS_QUEUE, async () => {
    await sendAppealReminders(deps);
  });
  await deps.jobs.boss.schedule(REMINDERS_QUEUE, '0 7 * * *', {}, { tz: REGION_TZ });
}
