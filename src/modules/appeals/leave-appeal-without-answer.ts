import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { formatLocalDate } from '../../platform/calendar/format.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, Conflict, InvalidInput } from '../../platform/errors/index.ts';
import { hasMessage } from '../../platform/i18n/index.ts';
import { appealsRepository as repo } from './appeals.repository.ts';
import { noticeToAuthor, tRu } from './notices.ts';
import {
  isMediaRefusalReason,
  isRefusalReason,
  isWithoutAnswerReason,
  mediaRefusalRules,
  type NoticeRule,
  refusalRules,
  withoutAnswerRules,
} from './outcomes.ts';
import { staffPolicy } from './staff.policy.ts';
import { actingRole, appealForAction, requireMove } from './staff-action.ts';

export type LeaveInput = {
  id: string;
  /** 59-ФЗ art. 11 reason (appeals, corruption reports) or 8-ФЗ art. 20 refusal (information requests) */
  reason: string;
  /** the published answer (art. 11 ч.5.1) */
  link?: string | undefined;
  /** can the author's name and address be read (art. 11 ч.4)? */
  addressReadable?: boolean | undefined;
  comment?: string | undefined;
  /** art. 11 ч.1: an anonymous report of a crime still goes to law enforcement — which body it went to */
  crimeReportTo?: string | undefined;
};

/**
 * Leave an appeal without an answer only for a reason the law lists, with the
 * notice that reason requires (or refuse an information request under 8-ФЗ
 * art. 20). Ending the correspondence with a repeated appeal is the head's decision.
 * A notice the law wants within 7 days of registration (art. 11 ч.2, 4, 4.1,
 * 5.1) is due on the appeal's noticeDueDate; one sent later is marked late,
 * like a late answer (event, audit entry and the questions' ССТУ flag).
 */
export async function leaveAppealWithoutAnswer(
  deps: Pick<Deps, 'db' | 'clock' | 'mail' | 'config'>,
  origin: Origin,
  input: LeaveInput,
): Promise<{ noticeSent: boolean }> {
  return deps.db.transaction(async (tx) => {
    const a = await appealForAction(tx, origin.actor, input.id);
    const info = a.type === 'info_request';
    const media = a.type === 'media_request';
    const valid = media
      ? isMediaRefusalReason(input.reason)
      : info
        ? isRefusalReason(input.reason)
        : isWithoutAnswerReason(input.reason);
    if (!valid) throw new InvalidInput([{ field: 'reason', message: 'appeals.staff.leave.reasonRequired' }]);
    // law on mass media art. 40: the refusal says why the information cannot be separated from the secret
    if (media && !input.comment?.trim())
      throw new InvalidInput([{ field: 'comment', message: 'appeals.staff.media.refusalReasonRequired' }]);
    if (!['registered', 'in_review', 'extended', 'awaiting_signature'].includes(a.status))
      throw new Conflict('appeals.staff.conflict.closed');
    requireMove(a, 'left_without_answer');
    if (
      input.reason === 'repeated_no_new_args' &&
      !staffPolicy.canLeaveWithoutAnswer(origin.actor, a, input.reason)
    )
      throw new Conflict('appeals.staff.conflict.headDecision');
    authorize(staffPolicy.canLeaveWithoutAnswer(origin.actor, a, input.reason));
    const rule: NoticeRule = media
      ? mediaRefusalRules[input.reason as keyof typeof mediaRefusalRules]
      : info
        ? refusalRules[input.reason as keyof typeof refusalRules]
        : withoutAnswerRules[input.reason as keyof typeof withoutAnswerRules];
    const link = input.link?.trim();
    if (rule.needsLink && (!link || !/^https?:\/\/\S+$/.test(link)))
      throw new InvalidInput([{ field: 'link', message: 'appeals.staff.leave.linkRequired' }]);
    const sendNotice = rule.notice && (!rule.onlyIfAddressReadable || input.addressReadable !== false);
    const now = deps.clock.now();
    const late = rule.withinDays !== null && toLocalDate(deps.clock.now()) > a.noticeDueDate;
    const prefix = media ? 'appeals.mediaRefusal' : info ? 'appeals.refusal' : 'appeals.wa';
    const today = toLocalDate(now);
    const subjectKey = hasMessage(`${prefix}.notice.subject.${input.reason}`)
      ? `${prefix}.notice.subject.${input.reason}`
      : `${prefix}.notice.subject`;
    const outboxId = sendNotice
      ? await noticeToAuthor(
          deps,
          tx,
          a,
          tRu(subjectKey, { number: a.number }),
          tRu(`${prefix}.notice.${input.reason}`, {
            number: a.number,
            link: link ?? '',
            text: a.text,
            reason: input.comment?.trim() ?? '',
            official: origin.actor.kind === 'user' ? origin.actor.displayName : '',
            decided: formatLocalDate(today),
          }),
          'appeal.without_answer',
        )
      : null;
    await repo.update(tx, a.id, {
      status: 'left_without_answer',
      withoutAnswerReason: input.reason,
      closedAt: now,
      updatedAt: now,
    });
    if (late) await repo.flagOpenQuestions(tx, a.id, 'late', now);
    await repo.setOpenQuestionsStatus(tx, a.id, 'left_without_answer', now);
    await repo.insertEvent(tx, {
      appealId: a.id,
      at: now,
      kind: 'left_without_answer',
      actorUserId: origin.actor.kind === 'user' ? origin.actor.userId : null,
      actorRole: actingRole(origin.actor, a.orgId),
      reasonCode: input.reason,
      reason: input.comment?.trim() || null,
      outboxId,
      fromStatus: a.status,
      toStatus: 'left_without_answer',
      // the author learns of it through the notice when the law requires one
      visibleToAuthor: rule.notice,
      details: {
        article: rule.article,
        link: link ?? null,
        noticeSent: outboxId !== null,
        noticeDueDate: rule.withinDays !== null ? a.noticeDueDate : null,
        late,
      },
    });
    const crimeTo = input.crimeReportTo?.trim();
    if (rule.forwardIfCrime && crimeTo)
      await repo.insertEvent(tx, {
        appealId: a.id,
        at: now,
        kind: 'forwarded',
        actorUserId: origin.actor.kind === 'user' ? origin.actor.userId : null,
        actorRole: actingRole(origin.actor, a.orgId),
        reasonCode: 'crime_report',
        targetName: crimeTo.slice(0, 300),
        visibleToAuthor: false,
        details: { article: rule.article, crime: true },
      });
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'appeal.leave_without_answer',
      objectType: 'appeal',
      objectId: a.id,
      orgId: a.orgId,
      details: {
        number: a.number,
        reason: input.reason,
        noticeSent: outboxId !== null,
        late,
        crimeReportTo: crimeTo ?? null,
      },
    });
    return { noticeSent: outboxId !== null };
  });
}
