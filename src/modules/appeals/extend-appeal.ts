import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { formatLocalDate } from '../../platform/calendar/format.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';
import { loadCalendar } from '../../platform/calendar/store.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, Conflict, InvalidInput } from '../../platform/errors/index.ts';
import type { AppealType } from './appeals.model.ts';
import { appealsRepository as repo } from './appeals.repository.ts';
import { computeDeadlines, extensionMaxDays, loadDeadlineSettings, termsOf } from './appeals.settings.ts';
import { noticeToAuthor, tRu } from './notices.ts';
import { staffPolicy } from './staff.policy.ts';
import { actingRole, appealForAction, requireMove } from './staff-action.ts';

/**
 * Extend the deadline once, by up to 30 days (8-ФЗ: 15; both settings), by the head's
 * decision, with a notice to the citizen (59-ФЗ art. 12 ч.2; 8-ФЗ art. 18 ч.6).
 * The extended deadline counts from registration (30 + 30; 30 + 15) and moves
 * off a non-working day once, as the setting says. Refused once the deadline
 * has passed (a missed deadline is not hidden), and for an information request
 * once the 7 days to notify the requester of the delay have passed.
 */
export async function extendAppeal(
  deps: Pick<Deps, 'db' | 'clock' | 'mail' | 'config'>,
  origin: Origin,
  input: { id: string; days: number; reason: string },
): Promise<{ dueDate: string }> {
  return deps.db.transaction(async (tx) => {
    const a = await appealForAction(tx, origin.actor, input.id);
    if (a.status === 'extended' || a.extensionCount > 0)
      throw new Conflict('appeals.staff.conflict.extendedOnce');
    requireMove(a, 'extended');
    authorize(staffPolicy.canExtend(origin.actor, a));
    const s = await loadDeadlineSettings(tx);
    if (a.extensionCount >= s.extensionsAllowed) throw new Conflict('appeals.staff.conflict.extendedOnce');
    const today = toLocalDate(deps.clock.now());
    if (today > a.dueDate) throw new Conflict('appeals.staff.conflict.extendAfterDeadline');
    if (a.type === 'info_request' && today > a.noticeDueDate)
      throw new Conflict('appeals.staff.conflict.delayNoticeLate');
    const type = a.type as AppealType;
    const max = extensionMaxDays(type, s);
    if (!Number.isInteger(input.days) || input.days < 1 || input.days > max)
      throw new InvalidInput([{ field: 'days', message: 'appeals.staff.extend.daysRange', params: { max } }]);
    const { calendar, version } = await loadCalendar(tx);
    // counted with the terms it was registered under; the bound above is the settings' now
    const extended = computeDeadlines(calendar, a.registeredOn, type, termsOf(a, s), input.days);
    const next = { date: extended.dueDate, provisional: extended.provisional };
    const now = deps.clock.now();
    const outboxId = await noticeToAuthor(
      deps,
      tx,
      a,
      tRu('appeals.staff.mail.extended.subject', { number: a.number }),
      tRu('appeals.staff.mail.extended.text', {
        number: a.number,
        due: formatLocalDate(next.date),
        reason: input.reason,
      }),
      'appeal.extended',
    );
    await repo.update(tx, a.id, {
      // a draft waiting for its signer keeps waiting: the queue says so
      status: a.status === 'awaiting_signature' ? a.status : 'extended',
      dueDate: next.date,
      dueProvisional: a.dueProvisional || next.provisional,
      calendarVersion: version,
      extensionCount: a.extensionCount + 1,
      updatedAt: now,
    });
    await repo.setOpenQuestionsStatus(tx, a.id, 'extended', now);
    await repo.insertEvent(tx, {
      appealId: a.id,
      at: now,
      kind: 'extended',
      actorUserId: origin.actor.kind === 'user' ? origin.actor.userId : null,
      actorRole: actingRole(origin.actor, a.orgId),
      reason: input.reason,
      newDueDate: next.date,
      outboxId,
      fromStatus: a.status,
      toStatus: a.status === 'awaiting_signature' ? a.status : 'extended',
      visibleToAuthor: true,
      details: { days: input.days, previousDueDate: a.dueDate },
    });
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'appeal.extend',
      objectType: 'appeal',
      objectId: a.id,
      orgId: a.orgId,
      details: { number: a.number, days: input.days, dueDate: next.date },
    });
    return { dueDate: next.date };
  });
}
