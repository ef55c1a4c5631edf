import { formatLocalDate } from '../../platform/calendar/format.ts';
import type { CalendarChangeListener } from '../../platform/calendar/store.ts';
import type { Tx } from '../../platform/db/client.ts';
import type { AppealType } from './appeals.model.ts';
import { appealsRepository as repo } from './appeals.repository.ts';
import { computeDeadlines, loadDeadlineSettings, termsOf } from './appeals.settings.ts';
import { tRu } from './notices.ts';

/**
 * When a year's calendar changes (an administrator enters or corrects it, or a
 * release ships corrected data), every open appeal whose deadlines depend on
 * that year is recomputed in the same transaction: the answer (with an
 * extension's days, from registration), forwarding and the 7-day notices,
 * with the terms the appeal was registered under (a later change of the
 * deadline settings does not reach it).
 * An appeal whose dates or provisional mark change gets an event in its
 * history (staff only) with the old and new dates; the others are left alone.
 */
export const recomputeAppealDeadlines: CalendarChangeListener = async (
  tx: Tx,
  { year, calendar, version, now },
) => {
  const s = await loadDeadlineSettings(tx);
  const open = await repo.openDependingOnYear(tx, year);
  let changed = 0;
  for (const a of open) {
    let extensionDays = 0;
    if (a.extensionCount > 0) {
      const ext = (await repo.events(tx, a.id)).filter((e) => e.kind === 'extended').at(-1);
      extensionDays = Number((ext?.details as { days?: number } | undefined)?.days ?? 0);
    }
    const d = computeDeadlines(calendar, a.registeredOn, a.type as AppealType, termsOf(a, s), extensionDays);
    const before = {
      dueDate: a.dueDate,
      originalDueDate: a.originalDueDate,
      forwardDueDate: a.forwardDueDate,
      noticeDueDate: a.noticeDueDate,
      provisional: a.dueProvisional,
    };
    const after = {
      dueDate: d.dueDate,
      originalDueDate: d.originalDueDate,
      forwardDueDate: d.forwardDueDate,
      noticeDueDate: d.noticeDueDate,
      provisional: d.provisional,
    };
    if (JSON.stringify(before) === JSON.stringify(after)) continue;
    changed++;
    await repo.update(tx, a.id, {
      dueDate: d.dueDate,
      originalDueDate: d.originalDueDate,
      forwardDueDate: d.forwardDueDate,
      noticeDueDate: d.noticeDueDate,
      dueProvisional: d.provisional,
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
      newDueDate: d.dueDate,
      reason: tRu('appeals.staff.recomputed', { year: String(year), was: formatLocalDate(a.dueDate) }),
      details: {
        recomputed: true,
        calendarYear: year,
        previousDueDate: a.dueDate,
        dueDate: d.dueDate,
        before,
        after,
        provisional: d.provisional,
        calendarVersion: version,
      },
    });
  }
  return changed;
};
