import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import { formatLocalDate } from '../../platform/calendar/format.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, Conflict, InvalidInput } from '../../platform/errors/index.ts';
import { appealsRepository as repo } from './appeals.repository.ts';
import { noticeToAuthor, tRu } from './notices.ts';
import { staffPolicy } from './staff.policy.ts';
import { actingRole, appealForAction, requireMove } from './staff-action.ts';

export const MEDIA_ARTICLE = 'Закон РФ «О средствах массовой информации» ст. 40';

export type DelayMediaInput = {
  id: string;
  /** the date by which the information will be given */
  until: string;
  /** why it cannot be given within 7 days */
  reason: string;
};

/**
 * Delay the answer to a media request (law on mass media art. 40): allowed
 * when the information cannot be given within 7 days, and only by a notice
 * within 3 days of receipt naming the reasons, the date it will be given, the
 * official and the date of the decision. A delay decided later is refused.
 */
export async function delayMediaRequest(
  deps: Pick<Deps, 'db' | 'clock' | 'mail' | 'config'>,
  origin: Origin,
  input: DelayMediaInput,
): Promise<{ dueDate: string }> {
  return deps.db.transaction(async (tx) => {
    const a = await appealForAction(tx, origin.actor, input.id);
    if (a.type !== 'media_request') throw new Conflict('appeals.staff.media.notMedia');
    authorize(staffPolicy.canDraftAnswer(origin.actor, a));
    if (a.extensionCount > 0) throw new Conflict('appeals.staff.conflict.extendedOnce');
    requireMove(a, 'extended');
    const today = toLocalDate(deps.clock.now());
    if (today > a.noticeDueDate) throw new Conflict('appeals.staff.media.delayLate');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.until) || input.until <= a.dueDate)
      throw new InvalidInput([{ field: 'until', message: 'appeals.staff.media.untilAfterDue' }]);
    const now = deps.clock.now();
    const official = isSignedIn(origin.actor) ? origin.actor.displayName : '';
    const outboxId = await noticeToAuthor(
      deps,
      tx,
      a,
      tRu('appeals.staff.mail.media_delay.subject', { number: a.number }),
      tRu('appeals.staff.mail.media_delay.text', {
        number: a.number,
        reason: input.reason,
        until: formatLocalDate(input.until),
        official,
        decided: formatLocalDate(today),
      }),
      'appeal.media_delay',
    );
    await repo.update(tx, a.id, {
      status: a.status === 'awaiting_signature' ? a.status : 'extended',
      dueDate: input.until,
      extensionCount: a.extensionCount + 1,
      updatedAt: now,
    });
    await repo.setOpenQuestionsStatus(tx, a.id, 'extended', now);
    await repo.insertEvent(tx, {
      appealId: a.id,
      at: now,
      kind: 'extended',
      actorUserId: isSignedIn(origin.actor) ? origin.actor.userId : null,
      actorRole: actingRole(origin.actor, a.orgId),
      reasonCode: 'media_delay',
      reason: input.reason,
      newDueDate: input.until,
      outboxId,
      fromStatus: a.status,
      toStatus: a.status === 'awaiting_signature' ? a.status : 'extended',
      visibleToAuthor: true,
      details: { article: MEDIA_ARTICLE, previousDueDate: a.dueDate, official },
    });
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'appeal.media_delay',
      objectType: 'appeal',
      objectId: a.id,
      orgId: a.orgId,
      details: { number: a.number, dueDate: input.until },
    });
    return { dueDate: input.until };
  });
}
