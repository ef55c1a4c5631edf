import { formatDateTime } from '../../platform/calendar/format.ts';
import type { Deps } from '../../platform/deps.ts';
import { findUserContact } from '../accounts/index.ts';
import { councilsRepository as repo } from './councils.repository.ts';

export const REMINDERS_QUEUE = 'councils.meeting-reminders';
/** How long before a meeting its registered attendees are reminded. */
export const REMINDER_HOURS = 24;

/**
 * Remind everyone registered (not waiting) for a meeting that starts within
 * the next day, once each (the `councils.meeting-reminders` job, hourly).
 */
export async function sendMeetingReminders(
  deps: Pick<Deps, 'db' | 'clock' | 'mail' | 'config'>,
): Promise<number> {
  const now = deps.clock.now();
  const meetings = await repo.meetingsStartingBetween(
    deps.db,
    now,
    new Date(now.getTime() + REMINDER_HOURS * 3600_000),
  );
  let sent = 0;
  for (const m of meetings) {
    const council = await repo.findCouncil(deps.db, m.councilId);
    for (const r of await repo.registrationsOf(deps.db, m.id)) {
      if (r.status !== 'registered' || r.reminderSentAt) continue;
      await deps.db.transaction(async (tx) => {
        // marked in the same transaction as the message, so a rerun never sends it twice
        if ((await repo.markReminded(tx, r.id, now)) === 0) return;
        const contact = await findUserContact(tx, r.userId);
        if (!contact) return;
        await deps.mail.send(tx, {
          to: contact.email,
          kind: 'councils.meeting_reminder',
          subject: `Напоминание: заседание ${formatDateTime(m.startsAt, 'ru')}`,
          text: `Вы зарегистрированы на заседание: ${council?.nameRu ?? ''}.\nКогда: ${formatDateTime(m.startsAt, 'ru')}\nГде: ${m.place}\n\nПовестка и трансляция: ${deps.config.publicUrl}/councils/meetings/${m.id}`,
        });
        sent++;
      });
    }
  }
  return sent;
}
