import type { CalendarChangeListener } from '../../platform/calendar/store.ts';
import type { Tx } from '../../platform/db/client.ts';
import { appealsRepository as repo } from './appeals.repository.ts';
import { computeDeadlines, loadDeadlineSettings } from './appeals.settings.ts';

/**
 * When an administrator enters or confirms a year's transfers, the open
 * appeals whose deadlines were provisional are recomputed in the same
 * transaction: the answer and forwarding deadlines from the registration day,
 * an extension's days on top of the recomputed deadline. Each change is in the
 * appeal's history (staff only).
 */
export const recomputeAppealDeadlines: CalendarChangeListener = async (
  tx: Tx,
  { calendar, version, now },
) => {
  const s = await loadDeadlineSettings(tx);
  const open = await repo.openProvisional(tx);
  for (const a of open) {
    const base = computeDeadlines(calendar, a.registeredOn, a.type as 'appeal', s);
    let dueDate = base.dueDate;
    let provisional = base.provisional;
    if (a.extensionCount > 0) {
      const ext = (await repo.events(tx, a.id)).filter((e) => e.kind === 'extended').at(-1);
      const days = Number((ext?.details as { days?: number } | undefined)?.days ?? 0);
      if (days > 0) {
        const next = calendar.deadline(base.dueDate, { days, unit: 'calendar', rule: s.nonWorkingDayRule });
        dueDate = next.date;
        provisional ||= next.provisional;
      }
    }
    await repo.update(tx, a.id, {
      dueDate,
      originalDueDate: base.dueDate,
      forwardDueDate: base.forwardDueDate,
      dueProvisional: provisional,
      calendarVersion: version,
      updatedAt: now,
    });
    await repo.insertEvent(tx, {
      appealId: a.id,
      at: now,
      kind: 'status_changed',
      visibleToAuthor: false,
      fromStatus: a.status,
      toStatus: a.status,
      details: {
        recomputed: true,
        previousDueDate: a.dueDate,
        dueDate,
        provisional,
        calendarVersion: version,
      },
    });
  }
  return open.length;
};
